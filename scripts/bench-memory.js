// The memory part of `npm run bench` (BENCH_ONLY=memory; see bench.js, which starts the server):
// guests' lesson pages are kept in memory up to 64 MB (guest-lesson-pages.ts). After 20,000
// guests who each see a page of their own (different quiz scores in one lesson, so 20,000
// kept-page keys), the server's resident memory must stay within the idle process's plus
// the 64 MB cap plus 100 MB. RSS is read from /proc/<pid>/status while the requests run;
// the peak counts. Every answer is checked: 200, the lesson's own title, and a page rendered
// for that guest (x-cache: MISS); at the end the most recent guests get their kept page (HIT),
// so the store was really in use.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

const LESSON_KEY = 'first-steps/keyboard';
const PATH = `/de/learn/${LESSON_KEY}`;
const GUESTS = Number(process.env.BENCH_GUESTS ?? 20_000);
const IN_FLIGHT = 10;
const CAP_MB = 64;
const ALLOWANCE_MB = 100;

const rssMb = (pid) => {
	const line = readFileSync(`/proc/${pid}/status`, 'utf8')
		.split('\n')
		.find((l) => l.startsWith('VmRSS:'));
	return Number(line.split(/\s+/)[1]) / 1024;
};

export async function keptPagesMemory(base, server, databaseUrl, fail) {
	const first = await fetch(base + PATH);
	const html = await first.text();
	const title = /<title>([^<]+)<\/title>/.exec(html)?.[1];
	if (first.status !== 200 || !title) fail(`${PATH} answered ${first.status} without a title`);
	const marker = `<title>${title}</title>`;
	const cookies = JSON.parse(await guestCookies(databaseUrl, fail));
	if (new Set(cookies).size !== GUESTS) fail('the guest cookies are not all different');

	// Warm up as a guest without a cookie (one kept page), then take the idle process's size.
	for (let i = 0; i < 300; i++) await (await fetch(base + PATH)).arrayBuffer();
	await new Promise((r) => setTimeout(r, 2000));
	const idle = rssMb(server.pid);

	let peak = idle;
	const sampler = setInterval(() => (peak = Math.max(peak, rssMb(server.pid))), 200);
	const visit = async (cookie, cache) => {
		// As a browser asks: compressed (fetch takes br and gzip and unpacks them).
		const response = await fetch(base + PATH, { headers: { cookie } }).catch((error) =>
			fail(`a guest's ${PATH} failed: ${error.cause?.message ?? error.message}`)
		);
		const body = await response.text();
		if (response.status !== 200 || !body.includes(marker)) fail(`a guest's ${PATH} answered ${response.status}`);
		if (response.headers.get('x-cache') !== cache) {
			fail(`a guest's page answered x-cache: ${response.headers.get('x-cache')}, expected ${cache}`);
		}
	};
	const started = performance.now();
	let next = 0;
	await Promise.all(
		Array.from({ length: IN_FLIGHT }, async () => {
			while (next < GUESTS) await visit(cookies[next++], 'MISS');
		})
	);
	const seconds = (performance.now() - started) / 1000;
	for (const cookie of cookies.slice(-50)) await visit(cookie, 'HIT');
	clearInterval(sampler);
	const after = rssMb(server.pid);
	await new Promise((r) => setTimeout(r, 3000));
	const settled = rssMb(server.pid);
	const limit = idle + CAP_MB + ALLOWANCE_MB;
	const mb = (v) => +v.toFixed(1);
	return {
		'guest states': GUESTS,
		'pages/s': +(GUESTS / seconds).toFixed(0),
		'idle RSS MB': mb(idle),
		'peak RSS MB': mb(peak),
		'RSS at the end MB': mb(after),
		'RSS 3 s later MB': mb(settled),
		'limit MB (idle + 64 + 100)': mb(limit),
		'within limit': peak <= limit
	};
}

/** The cookies of GUESTS different guests, signed with the server's key (bench-guest-states.ts). */
function guestCookies(databaseUrl, fail) {
	// Not spawnSync: a blocked event loop would leave the client's connections to go stale.
	const child = spawn('npx', ['tsx', 'scripts/bench-guest-states.ts', databaseUrl, LESSON_KEY, String(GUESTS)]);
	let out = '';
	let err = '';
	child.stdout.on('data', (chunk) => (out += chunk));
	child.stderr.on('data', (chunk) => (err += chunk));
	return new Promise((resolve) =>
		child.on('close', (code) => (code === 0 ? resolve(out) : fail(`making guest cookies failed: ${err}`)))
	);
}
