#!/usr/bin/env node
// Serves the built app for the browser tests on a fresh SQLite database of its own.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

process.chdir(fileURLToPath(new URL('..', import.meta.url)));
const file = './data/e2e.db';
for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
process.env.DATABASE_URL = `file:${file}`;
await import('../build/index.js');
