#!/usr/bin/env node
// `npm run bench`: measures the two numbers the learning issue sets, on a production build.
//   1. JavaScript a lesson page ships (gzipped), loaded in Chromium: target ≤ 40 KB.
//   2. Lesson page requests/s for guests versus the same HTML as a static file from the same
//      server: target ≥ 50 %. Also shown: the same page rendered for every request (as
//      signed-in learners get it), without the guests' kept pages.
// Results go to the console and to bench-results/latest.json. No test asserts on them.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);
const PORT = 4300;
const BASE = `http://localhost:${PORT}`;
const LESSONS = [
	'/de/learn/first-steps/keyboard',
	'/ar/learn/first-steps/keyboard',
	'/de/learn/safe-online/recognising-phishing',
	'/en/learn/first-programs/loops'
];
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);

if (!existsSync('build/index.js')) {
	console.error('No build found: run `npm run build` first.');
	process.exit(1);
}
mkdirSync('bench-results', { recursive: true });
const dbFile = 'bench-results/bench.db';
for (const suffix of ['', '-wal', '-shm']) rmSync(dbFile + suffix, { force: true });

const server = spawn(process.execPath, ['build/index.js'], {
	env: { ...process.env, PORT: String(PORT), ORIGIN: BASE, DATABASE_URL: `file:${dbFile}` },
	stdio: ['ignore', 'ignore', 'inherit']
});
const stop = () => server.kill();
process.on('exit', stop);

async function waitForServer() {
	for (let i = 0; i < 100; i++) {
		try {
			if ((await fetch(`${BASE}/de`)).ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error('server did not start');
}

async function javascriptPerPage() {
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--no-first-run',
			'--disable-quic'
		]
	});
	const rows = [];
	for (const path of LESSONS) {
		const page = await browser.newPage();
		const scripts = new Map();
		page.on('response', async (response) => {
			if (response.request().resourceType() === 'script') {
				try {
					scripts.set(response.url(), gzipSync(await response.body()).length);
				} catch {
					// the page navigated away before the body arrived
				}
			}
		});
		await page.goto(BASE + path, { waitUntil: 'networkidle' });
		const bytes = [...scripts.values()].reduce((a, b) => a + b, 0);
		rows.push({ page: path, scripts: scripts.size, gzippedKB: +(bytes / 1024).toFixed(1) });
		await page.close();
	}
	await browser.close();
	return rows;
}

function rate(url) {
	return new Promise((resolve, reject) => {
		autocannon({ url, connections: 10, duration: DURATION }, (error, result) =>
			error ? reject(error) : resolve(result)
		);
	});
}

await waitForServer();
const js = await javascriptPerPage();

// The static twin: the lesson's HTML as a file, served by the same server (from build/client).
const lesson = LESSONS[0];
const html = await (await fetch(BASE + lesson)).text();
writeFileSync('build/client/bench-static.html', html);
await rate(BASE + lesson); // warm-up
const dynamic = await rate(BASE + lesson);
const staticFile = await rate(`${BASE}/bench-static.html`);
// For comparison, the page rendered for every request, as signed-in learners get it: an
// address with a query the site never links to is not kept (guest-lesson-pages.ts).
const rendered = await rate(`${BASE}${lesson}?bench=rendered`);
rmSync('build/client/bench-static.html');
stop();

const results = {
	date: new Date().toISOString(),
	javascript: js,
	throughput: {
		lesson,
		lessonRequestsPerSecond: Math.round(dynamic.requests.average),
		staticRequestsPerSecond: Math.round(staticFile.requests.average),
		ratio: +(dynamic.requests.average / staticFile.requests.average).toFixed(2),
		lessonLatencyP99ms: dynamic.latency.p99,
		renderedEachTimeRequestsPerSecond: Math.round(rendered.requests.average),
		renderedRatio: +(rendered.requests.average / staticFile.requests.average).toFixed(2),
		errors: dynamic.errors + dynamic.non2xx + rendered.errors + rendered.non2xx
	}
};
writeFileSync('bench-results/latest.json', JSON.stringify(results, null, 2));
console.log('\nJavaScript shipped by lesson pages (gzipped; target ≤ 40 KB):');
console.table(js);
console.log(`\nThroughput over ${DURATION} s, 10 connections (target: lesson ≥ 50 % of static):`);
console.table([results.throughput]);
process.exit(0);
