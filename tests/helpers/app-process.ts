/**
 * Starts the built app (`build/`, from `npx vite build`) as its own process, the way it
 * runs in production, so tests can run several processes on one database, send signals
 * and watch them exit. Ports 4213–4219 are the security tests' own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';

export interface AppProcess {
	origin: string;
	child: ChildProcess;
	/** Resolves with the exit code when the process ends. */
	exited: Promise<number | null>;
	output(): string;
	stop(): Promise<void>;
}

export async function startApp(options: {
	port: number;
	databaseUrl: string;
	env?: Record<string, string>;
}): Promise<AppProcess> {
	const origin = `http://localhost:${options.port}`;
	let output = '';
	const child = spawn(process.execPath, ['build/index.js'], {
		env: {
			...process.env,
			...options.env,
			PORT: String(options.port),
			ORIGIN: origin,
			DATABASE_URL: options.databaseUrl
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout!.on('data', (chunk) => (output += chunk));
	child.stderr!.on('data', (chunk) => (output += chunk));
	const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
	const deadline = Date.now() + 60_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`The app on ${origin} exited early:\n${output}`);
		try {
			const response = await fetch(`${origin}/de`);
			if (response.ok) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) throw new Error(`The app on ${origin} did not start:\n${output}`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	return {
		origin,
		child,
		exited,
		output: () => output,
		async stop() {
			if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
			await exited;
		}
	};
}

export interface SharedDatabase {
	engine: 'sqlite' | 'postgres';
	url: string;
	drop(): Promise<void>;
}

/** A fresh database that several app processes can share: a SQLite file, or a PostgreSQL database. */
export type DatabaseFactory = { engine: 'sqlite' | 'postgres'; create(): Promise<SharedDatabase> };

export const sharedDatabases: DatabaseFactory[] = [
	{
		engine: 'sqlite',
		async create() {
			const dir = mkdtempSync(join(tmpdir(), 'lotse-app-'));
			return {
				engine: 'sqlite',
				url: `file:${join(dir, 'app.db')}`,
				async drop() {
					rmSync(dir, { recursive: true, force: true });
				}
			};
		}
	}
];

const serverUrl = process.env.TEST_DATABASE_URL;
if (serverUrl) {
	sharedDatabases.push({
		engine: 'postgres',
		async create() {
			const name = `lotse_app_${crypto.randomUUID().replace(/-/g, '').slice(0, 16)}`;
			const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
			await admin.unsafe(`create database ${name}`);
			await admin.end();
			const url = new URL(serverUrl);
			url.pathname = `/${name}`;
			return {
				engine: 'postgres',
				url: url.toString(),
				async drop() {
					const cleanup = postgres(serverUrl, { max: 1, onnotice: () => {} });
					await cleanup.unsafe(`drop database if exists ${name} with (force)`);
					await cleanup.end();
				}
			};
		}
	});
}

/** Posts a form as a browser without JavaScript would (same-origin, so SvelteKit's CSRF check passes). */
export function postForm(
	origin: string,
	path: string,
	fields: Record<string, string>,
	headers: Record<string, string> = {}
): Promise<Response> {
	return fetch(`${origin}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', ...headers },
		body: new URLSearchParams(fields).toString()
	});
}
