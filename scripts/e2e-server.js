#!/usr/bin/env node
// Serves the built app for the browser tests on a fresh SQLite database of its own.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

process.chdir(fileURLToPath(new URL('..', import.meta.url)));
const file = './data/e2e.db';
for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
process.env.DATABASE_URL = `file:${file}`;
// Every browser test comes from one address: without this, the per-address limits on
// sign-ups and reports (src/lib/server/security/limits.ts) would stop the suite.
process.env.RATE_LIMIT_SCALE ??= '1000';
// As `npm start` sets it (scripts/start.js): the studio's image uploads need 2 MB and more.
process.env.BODY_SIZE_LIMIT ??= '3M';
await import('../build/index.js');
