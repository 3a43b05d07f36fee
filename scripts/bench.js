#!/usr/bin/env node
// `npm run bench`: measures Lotse's speed goals on a production build, honestly.
//
//   1. JavaScript a lesson page ships (gzipped), loaded in Chromium.
//   2. Requests per second, p50 and p99 of each page against a static file of the same size,
//      served by the same process. The static twins are written to build/client BEFORE the
//      server starts (adapter-node lists its static files only at start-up), and each is
//      fetched once to prove it is served byte for byte. Every measured response is checked:
//      any non-2xx answer, socket error or body that is not the page meant (wrong title, a
//      signed-in page without its sign-out form) fails the whole run.
//   3. Each page is measured in several rounds, page and static twin one after the other, so
//      a ratio always compares two measurements taken under the same machine load; the
//      machine's load average is printed with every page.
//
// Runs on SQLite always, and on PostgreSQL when BENCH_DATABASE_URL or TEST_DATABASE_URL
// names a server (a fresh database is created and dropped there).
// Settings: BENCH_SECONDS (per measurement, default 5), BENCH_ROUNDS (default 3),
// BENCH_CONNECTIONS (default 10). Results: console and bench-results/latest.json.
// The participation measurements (server time with 1,000 proposals, comments and reports;
// supports through the form action against the raw driver) are in bench-participation.js;
// BENCH_ONLY=participation runs only those. Creating 30 learner accounts at once (with another
// request's latency measured meanwhile) is in bench-classes-accounts.js; BENCH_ONLY=accounts
// runs only that. The class report's server time (30 and 300 learners) is in bench-classes.js;
// BENCH_ONLY=classes runs only that. Memory after 20,000 distinct guests' lesson pages is in
// bench-memory.js (BENCH_ONLY=memory).
// The slow-3G load event and layout shift of each kind of page, with and without JavaScript,
// are in bench-slow-network.js (BENCH_ONLY=slow-network).
// BENCH_ONLY=throughput runs only the JavaScript sizes and the pages against their static twins.
// No test asserts on these numbers.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, cpus } from 'node:os';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { chromium } from 'playwright';
import { classAccountsBench } from './bench-classes-accounts.js';
import { classesBench } from './bench-classes.js';
import { keptPagesMemory } from './bench-memory.js';
import { participationBench } from './bench-participation.js';
import { slowNetworkBench } from './bench-slow-network.js';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);
const PORT = Number(process.env.BENCH_PORT ?? 4300);
const BASE = `http://localhost:${PORT}`;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const STATIC_DIR = 'build/client';
const LESSON = '/de/learn/first-steps/keyboard';
const JS_LESSONS = [
	LESSON,
	'/ar/learn/first-steps/keyboard',
	'/de/learn/safe-online/recognising-phishing',
	'/en/learn/first-programs/loops'
];

/**
 * What is measured. `who`: a guest without cookies, a guest whose progress cookie says the
 * lesson was started (as after a first visit), or a signed-in learner. `cache`: the
 * x-cache header the page must answer with (guests' kept lesson pages), if any.
 */
const PAGES = [
	{ name: 'home', path: '/de', who: 'guest' },
	{ name: 'catalogue', path: '/de/learn', who: 'guest' },
	{ name: 'lesson, new guest (kept page)', path: LESSON, who: 'guest', cache: 'HIT' },
	{ name: 'lesson, returning guest (kept page)', path: LESSON, who: 'returning-guest', cache: 'HIT' },
	{ name: 'lesson, guest, rendered each time', path: `${LESSON}?bench=rendered`, who: 'guest', cache: null },
	{ name: 'lesson, signed in', path: LESSON, who: 'learner' },
	{ name: 'dashboard, signed in', path: '/de/learn/dashboard', who: 'learner' }
];

// Only a signed-in page has the header's sign-out form.
const SIGNED_IN = 'action="/de/signout"';

class BenchError extends Error {}

function fail(message) {
	throw new BenchError(message);
}

if (!existsSync('build/index.js')) {
	console.error('No build found: run `npm run build` first.');
	process.exit(1);
}
mkdirSync('bench-results', { recursive: true });

// Servers still running are stopped however the run ends.
const running = new Set();
process.on('exit', () => running.forEach((server) => server.kill('SIGKILL')));

async function portIsFree() {
	try {
		await fetch(`${BASE}/de`);
		return false;
	} catch {
		return true;
	}
}

async function startServer(databaseUrl) {
	// Another server on the port would answer in place of ours and be measured instead.
	if (!(await portIsFree())) fail(`something already listens on port ${PORT} (set BENCH_PORT)`);
	// The heap limit `npm start` sets (package.json), so the memory step measures what runs.
	const server = spawn(process.execPath, ['--max-old-space-size=256', 'build/index.js'], {
		env: { ...process.env, PORT: String(PORT), ORIGIN: BASE, DATABASE_URL: databaseUrl },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	running.add(server);
	const exited = new Promise((resolve) => server.once('exit', resolve));
	exited.then(() => running.delete(server));
	return {
		pid: server.pid,
		async ready() {
			for (let i = 0; i < 150; i++) {
				if (server.exitCode !== null) fail(`the server exited with code ${server.exitCode}`);
				try {
					if ((await fetch(`${BASE}/de`)).ok) return;
				} catch {
					// not listening yet
				}
				await new Promise((r) => setTimeout(r, 200));
			}
			fail('the server did not start');
		},
		async stop() {
			if (server.exitCode === null) server.kill('SIGTERM');
			const timeout = new Promise((r) => setTimeout(r, 10_000, 'timeout'));
			if ((await Promise.race([exited, timeout])) === 'timeout') {
				server.kill('SIGKILL');
				await exited;
			}
		}
	};
}

const cookieHeader = (response) =>
	response.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.filter((c) => !c.endsWith('='))
		.join('; ');

/** Cookies for each kind of visitor, made through the app's own pages. */
async function visitors() {
	const first = await fetch(BASE + LESSON);
	if (!first.ok) fail(`${LESSON} answered ${first.status}`);
	const returningGuest = cookieHeader(first);
	if (!returningGuest) fail('a first lesson visit set no progress cookie');

	const username = `bench${Date.now().toString(36)}`;
	const body = new URLSearchParams({ username, password: 'Möwe Teekanne Fahrrad Elbe', email: '' });
	const signUp = await fetch(`${BASE}/de/signup`, {
		method: 'POST',
		body,
		redirect: 'manual',
		headers: { origin: BASE, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' }
	});
	if (signUp.status !== 303) fail(`sign-up answered ${signUp.status}, expected a 303 redirect`);
	const learner = cookieHeader(signUp);
	if (!learner.includes('session')) fail('sign-up set no session cookie');
	return { cookies: { guest: '', 'returning-guest': returningGuest, learner } };
}

/** Fetches a page once as its visitor and says how to recognise it in every response. */
async function probe(page, cookies) {
	const response = await fetch(BASE + page.path, { headers: { cookie: cookies[page.who] } });
	if (response.status !== 200) fail(`${page.path} as ${page.who} answered ${response.status}`);
	const html = await response.text();
	const title = /<title>([^<]+)<\/title>/.exec(html)?.[1];
	if (!title) fail(`${page.path} has no <title>`);
	if (page.who === 'learner' && !html.includes(SIGNED_IN)) fail(`${page.path} is not the signed-in page`);
	if (page.who !== 'learner' && html.includes(SIGNED_IN)) fail(`${page.path} as a guest shows a signed-in page`);
	if (page.cache !== undefined) {
		const second = await fetch(BASE + page.path, { headers: { cookie: cookies[page.who] } });
		await second.arrayBuffer();
		const cache = second.headers.get('x-cache');
		if (page.cache === null ? cache === 'HIT' : cache !== page.cache) {
			fail(`${page.path} as ${page.who} answered x-cache: ${cache}, expected ${page.cache ?? 'no kept page'}`);
		}
	}
	const marker = `<title>${title}</title>`;
	const mustInclude = page.who === 'learner' ? [marker, SIGNED_IN] : [marker];
	return { html, bytes: Buffer.byteLength(html), verify: (b) => mustInclude.every((m) => b.includes(m)) };
}

const slug = (name) => name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '');
const twinPath = (page) => `/bench-static-${slug(page.name)}.html`;

function run(url, { cookie = '', verifyBody } = {}) {
	return new Promise((resolve, reject) => {
		autocannon(
			{ url, connections: CONNECTIONS, duration: SECONDS, headers: cookie ? { cookie } : {}, verifyBody },
			(error, result) => (error ? reject(error) : resolve(result))
		);
	});
}

function checked(result, what) {
	const bad = result.errors + result.timeouts + result.non2xx + (result.mismatches ?? 0);
	if (bad > 0) {
		fail(
			`${what}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts, ` +
				`${result.mismatches ?? 0} bodies that were not the page`
		);
	}
	if (result.requests.total === 0) fail(`${what}: no request completed`);
	return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const spread = (values, digits = 0) => {
	const r = (v) => +v.toFixed(digits);
	return `${r(Math.min(...values))} / ${r(median(values))} / ${r(Math.max(...values))}`;
};

async function throughput(engine, databaseUrl) {
	const twins = [];
	try {
		// 1. Learn what each page looks like, then write its static twin while no server runs.
		let server = await startServer(databaseUrl);
		await server.ready();
		const { cookies } = await visitors();
		const probes = [];
		for (const page of PAGES) probes.push(await probe(page, cookies));
		await server.stop();
		PAGES.forEach((page, i) => {
			const file = STATIC_DIR + twinPath(page);
			writeFileSync(file, probes[i].html);
			twins.push(file);
		});

		// 2. Start again: now adapter-node knows the twins. Prove each is served as written.
		server = await startServer(databaseUrl);
		await server.ready();
		for (const [i, page] of PAGES.entries()) {
			const response = await fetch(BASE + twinPath(page));
			const body = await response.text();
			if (response.status !== 200 || body !== probes[i].html) fail(`the static twin of ${page.name} is not served`);
		}

		const rows = [];
		for (const [i, page] of PAGES.entries()) {
			const cookie = cookies[page.who];
			const { verify, bytes } = probes[i];
			const load = loadavg()[0];
			await run(BASE + page.path, { cookie, verifyBody: verify }); // warm-up
			const dynamic = [];
			const staticFile = [];
			for (let round = 0; round < ROUNDS; round++) {
				dynamic.push(checked(await run(BASE + page.path, { cookie, verifyBody: verify }), page.name));
				staticFile.push(checked(await run(BASE + twinPath(page), { verifyBody: verify }), `${page.name} (static)`));
			}
			const ratios = dynamic.map((d, r) => d.rps / staticFile[r].rps);
			const row = {
				engine,
				page: page.name,
				KB: +(bytes / 1024).toFixed(1),
				'req/s min/med/max': spread(dynamic.map((d) => d.rps)),
				'p50 ms': spread(dynamic.map((d) => d.p50)),
				'p99 ms': spread(dynamic.map((d) => d.p99)),
				'static req/s': spread(staticFile.map((s) => s.rps)),
				'ratio min/med/max': spread(ratios, 2),
				load: `${load.toFixed(2)}→${loadavg()[0].toFixed(2)}`
			};
			rows.push(row);
			console.log(`  ${engine}: ${page.name}: ratio ${row['ratio min/med/max']} (load ${row.load})`);
		}
		await server.stop();
		return rows;
	} finally {
		for (const file of twins) rmSync(file, { force: true });
	}
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
	for (const path of JS_LESSONS) {
		const page = await browser.newPage();
		const scripts = new Map();
		page.on('response', async (response) => {
			if (response.request().resourceType() === 'script') {
				if (!response.ok()) scripts.set(response.url(), NaN);
				try {
					scripts.set(response.url(), gzipSync(await response.body()).length);
				} catch {
					// the page navigated away before the body arrived
				}
			}
		});
		const response = await page.goto(BASE + path, { waitUntil: 'networkidle' });
		if (response?.status() !== 200) fail(`${path} answered ${response?.status()}`);
		const bytes = [...scripts.values()].reduce((a, b) => a + b, 0);
		if (Number.isNaN(bytes)) fail(`a script of ${path} failed to load`);
		rows.push({ page: path, scripts: scripts.size, gzippedKB: +(bytes / 1024).toFixed(1) });
		await page.close();
	}
	await browser.close();
	return rows;
}

/** The participation measurements on a fresh database of their own (the server seeds it at start). */
async function participation(engine, databaseUrl) {
	const server = await startServer(databaseUrl);
	try {
		await server.ready();
		return await participationBench(engine, databaseUrl, BASE, fail);
	} finally {
		await server.stop();
	}
}

/** Creating learner accounts on a fresh database of its own. */
async function classAccounts(engine, databaseUrl) {
	const server = await startServer(databaseUrl);
	try {
		await server.ready();
		return await classAccountsBench(engine, databaseUrl, BASE, fail);
	} finally {
		await server.stop();
	}
}

/** The class report measurements on a fresh database of their own. */
async function classes(engine, databaseUrl) {
	const server = await startServer(databaseUrl);
	try {
		await server.ready();
		return await classesBench(engine, databaseUrl, BASE, fail);
	} finally {
		await server.stop();
	}
}

async function withPostgresDatabase(serverUrl, work) {
	const name = `lotse_bench_${Date.now()}`;
	const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database ${name}`);
	try {
		const url = new URL(serverUrl);
		url.pathname = `/${name}`;
		return await work(url.toString());
	} finally {
		await admin.unsafe(`drop database if exists ${name} with (force)`);
		await admin.end();
	}
}

try {
	console.log(
		`Machine: ${cpus().length} cores, load ${loadavg()
			.map((l) => l.toFixed(2))
			.join(' ')}; ${ROUNDS} rounds of ${SECONDS} s, ${CONNECTIONS} connections`
	);
	const only = process.env.BENCH_ONLY;
	const postgresServer = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
	const dbFile = 'bench-results/bench.db';
	const participationFile = 'bench-results/participation.db';
	const accountsFile = 'bench-results/accounts.db';
	const classesFile = 'bench-results/classes.db';
	for (const file of [dbFile, participationFile, accountsFile, classesFile]) {
		for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
	}

	let js = [];
	let slowNetwork = [];
	const rows = [];
	if (only === 'slow-network' || !only) {
		const server = await startServer(`file:${dbFile}`);
		await server.ready();
		slowNetwork = await slowNetworkBench(BASE, fail);
		await server.stop();
		console.log('\nSlow 3G (400 kbit/s, 400 ms round trip), empty cache:');
		console.table(slowNetwork);
		if (only) {
			writeFileSync('bench-results/slow-network.json', JSON.stringify(slowNetwork, null, 2));
			process.exit(0);
		}
	}
	if (!only || only === 'throughput') {
		const jsServer = await startServer(`file:${dbFile}`);
		await jsServer.ready();
		js = await javascriptPerPage();
		await jsServer.stop();

		rows.push(...(await throughput('sqlite', `file:${dbFile}`)));
		if (postgresServer)
			rows.push(...(await withPostgresDatabase(postgresServer, (url) => throughput('postgres', url))));
		else console.log('  (PostgreSQL skipped: set BENCH_DATABASE_URL or TEST_DATABASE_URL)');
	}

	const memoryRuns = [];
	if (!only || only === 'memory') {
		const memoryFile = 'bench-results/memory.db';
		for (const suffix of ['', '-wal', '-shm']) rmSync(memoryFile + suffix, { force: true });
		const server = await startServer(`file:${memoryFile}`);
		await server.ready();
		memoryRuns.push({ engine: 'sqlite', ...(await keptPagesMemory(BASE, server, `file:${memoryFile}`, fail)) });
		await server.stop();
		console.log(`  memory: ${JSON.stringify(memoryRuns[0])}`);
	}

	const participationRuns = [];
	if (!only || only === 'participation') {
		participationRuns.push(await participation('sqlite', `file:${participationFile}`));
		if (postgresServer)
			participationRuns.push(await withPostgresDatabase(postgresServer, (url) => participation('postgres', url)));
	}

	const accountRuns = [];
	if (!only || only === 'accounts') {
		accountRuns.push(await classAccounts('sqlite', `file:${accountsFile}`));
		if (postgresServer)
			accountRuns.push(await withPostgresDatabase(postgresServer, (url) => classAccounts('postgres', url)));
	}
	const classRuns = [];
	if (!only || only === 'classes') {
		classRuns.push(...(await classes('sqlite', `file:${classesFile}`)));
		if (postgresServer)
			classRuns.push(...(await withPostgresDatabase(postgresServer, (url) => classes('postgres', url))));
	}

	const results = {
		date: new Date().toISOString(),
		seconds: SECONDS,
		rounds: ROUNDS,
		javascript: js,
		slowNetwork,
		throughput: rows,
		participation: participationRuns,
		learnerAccounts: accountRuns,
		classes: classRuns,
		memory: memoryRuns
	};
	writeFileSync('bench-results/latest.json', JSON.stringify(results, null, 2));
	// Parts BENCH_ONLY left out print nothing.
	const table = (title, data) => {
		if (data.length === 0) return;
		console.log(`\n${title}`);
		console.table(data);
	};
	table('JavaScript shipped by lesson pages (gzipped):', js);
	table(`Throughput against a static file of the same size (${CONNECTIONS} connections, min / median / max):`, rows);
	table(
		'Participation: server time, median of 20 requests one after another:',
		participationRuns.flatMap((run) => run.times)
	);
	table(
		"Supports through the form action against the raw driver's inserts (10 in flight):",
		participationRuns.map((run) => run.supports)
	);
	table(
		'Creating 30 learner accounts through the form action, while another page is requested again and again:',
		accountRuns
	);
	table('Class report: server time, median of 20 requests one after another:', classRuns);
	table("Memory: guests' kept lesson pages (64 MB cap), 20,000 guests who each see their own page:", memoryRuns);
	console.log(`load average at the end: ${loadavg()[0].toFixed(2)}`);
	process.exit(0);
} catch (error) {
	console.error(`\nBenchmark failed: ${error instanceof BenchError ? error.message : error?.stack}`);
	for (const page of PAGES) rmSync(STATIC_DIR + twinPath(page), { force: true });
	process.exit(1);
}
