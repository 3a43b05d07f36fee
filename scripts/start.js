#!/usr/bin/env node
// `npm start`: builds Lotse when the build is missing or older than the sources, then
// serves it. The server applies database migrations itself before the first request
// (src/hooks.server.ts), so a fresh checkout needs nothing else.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);

function newestChange(path) {
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

const built = join(root, 'build', 'index.js');
const sources = ['src', 'content', 'static', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'];
const stale = !existsSync(built) || sources.some((s) => existsSync(s) && newestChange(s) > statSync(built).mtimeMs);
if (stale) {
	console.log('Building Lotse…');
	execFileSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], { stdio: 'inherit' });
}

process.env.PORT ??= '3000';
process.env.ORIGIN ??= `http://localhost:${process.env.PORT}`;
// Image uploads in the studio are up to 2 MB, plus the rest of their form.
process.env.BODY_SIZE_LIMIT ??= '3M';
console.log(
	`Lotse is starting on ${process.env.ORIGIN} (database: ${process.env.DATABASE_URL || 'file:./data/lotse.db'})`
);
// The server runs in this very process (no child to forward signals to): SIGTERM and SIGINT
// reach adapter-node, which stops accepting, lets requests in flight finish, and then the
// app closes its database and exits 0 (src/lib/server/db/index.ts).
await import(built);
