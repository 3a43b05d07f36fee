/**
 * The engines every database test runs on: SQLite always, PostgreSQL when
 * TEST_DATABASE_URL is set. Each call to `open` gives a brand-new, migrated database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { openDatabase, type Db } from '../../src/lib/server/db/database.ts';

export interface TestDatabase {
	db: Db;
	/** The URL of the same database, to open a second connection as another process would. */
	url: string;
	drop(): Promise<void>;
}

export interface Engine {
	name: 'sqlite' | 'postgres';
	open(): Promise<TestDatabase>;
}

const sqlite: Engine = {
	name: 'sqlite',
	async open() {
		// A file, not :memory:, so tests can open a second connection to the same database.
		const dir = mkdtempSync(join(tmpdir(), 'lotse-test-'));
		const url = `file:${join(dir, 'test.db')}`;
		const db = await openDatabase(url);
		return {
			db,
			url,
			async drop() {
				await db.close();
				rmSync(dir, { recursive: true, force: true });
			}
		};
	}
};

function postgresEngine(serverUrl: string): Engine {
	return {
		name: 'postgres',
		async open() {
			const name = `lotse_test_${crypto.randomUUID().replace(/-/g, '').slice(0, 16)}`;
			const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
			await admin.unsafe(`create database ${name}`);
			await admin.end();
			const url = new URL(serverUrl);
			url.pathname = `/${name}`;
			const db = await openDatabase(url.toString());
			return {
				db,
				url: url.toString(),
				async drop() {
					await db.close();
					const cleanup = postgres(serverUrl, { max: 1, onnotice: () => {} });
					await cleanup.unsafe(`drop database if exists ${name} with (force)`);
					await cleanup.end();
				}
			};
		}
	};
}

export const engines: Engine[] = [sqlite];
if (process.env.TEST_DATABASE_URL) engines.push(postgresEngine(process.env.TEST_DATABASE_URL));
