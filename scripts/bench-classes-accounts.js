// The learner-accounts part of `npm run bench` (see bench.js, which starts the server):
// an instructor creates 30 learner accounts at once through the learners page's form
// action (argon2id hashing included), three times. Each answer is checked (status 200, the
// cards page with 30 login cards, 30 more members in the class in the database). While each
// creation runs, another request (the German start page) is sent again and again, one after
// another, and its latency is kept: the bulk creation must not hold other people up.
// Targets: under 10 s for the 30 accounts; the other request under 200 ms (max and p99).
import { createHash, randomBytes } from 'node:crypto';
import { rawClient } from './bench-participation.js';

const ACCOUNTS = 30;
const RUNS = 3;
const TARGET_TOTAL_MS = 10_000;
const TARGET_OTHER_MS = 200;
const OTHER_PAGE = '/de';
const id = () => randomBytes(12).toString('hex');

const NAMES = [
	'Ayşe Yılmaz',
	'Mehmet Demir',
	'Fatma Kaya',
	'Иван Петров',
	'Олена Шевченко',
	'محمد علي',
	'فاطمة حسن',
	'Łukasz Żółw',
	'Agnieszka Nowak',
	'Jonas Becker',
	'Mira Krause',
	'Ali Hassan',
	'Zahra Ahmadi',
	'Reza Karimi',
	'Dmytro Kovalenko',
	'Anna Schmidt',
	'Peter Müller',
	'Gül Şahin',
	'Emre Çelik',
	'Svetlana Ivanova',
	'Hassan Omar',
	'Leyla Aydın',
	'Katarzyna Wiśniewska',
	'Tomasz Wójcik',
	'Sofia Lehmann',
	'Yusuf Arslan',
	'Nadia Rahimi',
	'Oleksandr Bondarenko',
	'Helga Schulz',
	'Amira Said'
];

const percentile = (values, p) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

/** An instructor with a session (the cookie the app would set) and a class they own. */
async function makeInstructorAndClass(raw) {
	const now = new Date();
	const instructor = { id: id(), username: `bench-instructor-${id().slice(0, 8)}` };
	const classId = id();
	const sessionId = id();
	const secret = id();
	await raw.run(
		'insert into users (id, username, username_key, password_hash, role, email, display_name, locale, created_at, password_changed_at) values (?, ?, ?, ?, ?, null, null, ?, ?, ?)',
		[instructor.id, instructor.username, instructor.username, 'x', 'instructor', 'de', now, now]
	);
	await raw.run('insert into sessions (id, user_id, secret_hash, created_at, expires_at) values (?, ?, ?, ?, ?)', [
		sessionId,
		instructor.id,
		createHash('sha256').update(secret).digest('hex'),
		now,
		new Date(now.getTime() + 7 * 86_400_000)
	]);
	await raw.run(
		'insert into classes (id, name, schedule, course_locale, join_code, created_at, archived_at) values (?, ?, null, ?, ?, ?, null)',
		[classId, 'Bench class', 'de', `B${id().slice(0, 7).toUpperCase()}`, now]
	);
	await raw.run('insert into class_instructors (class_id, user_id, role, added_at) values (?, ?, ?, ?)', [
		classId,
		instructor.id,
		'owner',
		now
	]);
	return { classId, cookie: `lotse_session=${sessionId}.${secret}` };
}

async function memberCount(raw, classId) {
	const [row] = await raw.all('select count(*) as n from class_members where class_id = ?', [classId]);
	return Number(row.n);
}

/** GET `path` one request after another until `done` is set; every answer must be a 200 page. */
async function probe(base, path, state, fail) {
	const latencies = [];
	while (!state.done) {
		const start = performance.now();
		const response = await fetch(base + path);
		const body = await response.text();
		latencies.push(performance.now() - start);
		if (response.status !== 200) fail(`${path} answered ${response.status} during the bulk creation`);
		if (!body.includes('<h1')) fail(`${path} did not answer with its page during the bulk creation`);
	}
	return latencies;
}

async function createOnce(base, raw, fail) {
	const { classId, cookie } = await makeInstructorAndClass(raw);
	const before = await memberCount(raw, classId);
	const state = { done: false };
	const probing = probe(base, OTHER_PAGE, state, fail);
	const start = performance.now();
	let response;
	let body;
	try {
		response = await fetch(`${base}/de/classes/${classId}/learners?/create`, {
			method: 'POST',
			// As a browser without JavaScript sends it, so the answer is the cards page itself.
			headers: {
				cookie,
				origin: base,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: new URLSearchParams({ names: NAMES.slice(0, ACCOUNTS).join('\n') }),
			redirect: 'manual'
		});
		body = await response.text();
	} finally {
		state.done = true;
	}
	const totalMs = performance.now() - start;
	const latencies = await probing;
	if (response.status !== 200) fail(`creating ${ACCOUNTS} accounts answered ${response.status}`);
	const cards = (body.match(/<li class="login-card[ "]/g) ?? []).length;
	if (cards !== ACCOUNTS) fail(`the answer showed ${cards} login cards, not ${ACCOUNTS}`);
	const added = (await memberCount(raw, classId)) - before;
	if (added !== ACCOUNTS) fail(`the class got ${added} new members, not ${ACCOUNTS}`);
	if (latencies.length < 3) fail(`only ${latencies.length} other requests were measured during the creation`);
	return { totalMs, latencies };
}

export async function classAccountsBench(engine, databaseUrl, base, fail) {
	const raw = rawClient(databaseUrl);
	try {
		// The other page alone, for comparison (and to warm it up).
		const idle = [];
		for (let i = 0; i < 20; i++) {
			const start = performance.now();
			const response = await fetch(base + OTHER_PAGE);
			await response.text();
			if (response.status !== 200) fail(`${OTHER_PAGE} answered ${response.status}`);
			idle.push(performance.now() - start);
		}
		const runs = [];
		for (let i = 0; i < RUNS; i++) runs.push(await createOnce(base, raw, fail));
		const totals = runs.map((run) => run.totalMs);
		const during = runs.flatMap((run) => run.latencies);
		const row = {
			engine,
			accounts: ACCOUNTS,
			'total ms (min / median / max)': [Math.min(...totals), percentile(totals, 50), Math.max(...totals)]
				.map((ms) => ms.toFixed(0))
				.join(' / '),
			[`${OTHER_PAGE} alone p50 ms`]: percentile(idle, 50).toFixed(1),
			[`${OTHER_PAGE} during, requests`]: during.length,
			[`${OTHER_PAGE} during p50 ms`]: percentile(during, 50).toFixed(1),
			[`${OTHER_PAGE} during p99 ms`]: percentile(during, 99).toFixed(1),
			[`${OTHER_PAGE} during max ms`]: Math.max(...during).toFixed(1),
			'within targets': Math.max(...totals) < TARGET_TOTAL_MS && Math.max(...during) < TARGET_OTHER_MS ? 'yes' : 'NO'
		};
		console.log(`  ${engine}: ${ACCOUNTS} accounts ${JSON.stringify(row)}`);
		return row;
	} finally {
		await raw.close();
	}
}
