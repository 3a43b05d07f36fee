// The participation part of `npm run bench` (see bench.js, which starts the server):
//
//   1. With 1,000 proposals and 1,000 comments on one project and 1,000 open reports in the
//      database (written straight into it before measuring), the server time of the start
//      page, a project page, the proposal list and the moderation queue: the median of 20
//      requests one after another, each checked (status 200, the page's own title, signed in
//      where it must be). A page that answers 404 in this build is skipped and says so.
//   2. Supports through the HTTP form action, side by side with the raw driver inserting the
//      same rows ("insert … on conflict do nothing", one statement per support, autocommit),
//      both with the same number of requests in flight. Every answer is checked, and the
//      table must hold exactly the supports sent.
import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import postgres from 'postgres';

const TARGET_MS = 100;
const REQUESTS = 20;
const CITIZENS = 300;
const IN_FLIGHT = 10;
const id = () => randomBytes(12).toString('hex');

/** One way to run SQL on either engine: `?` placeholders, times as Date, booleans as JS booleans. */
export function rawClient(databaseUrl) {
	if (databaseUrl.startsWith('file:')) {
		const db = new Database(databaseUrl.slice('file:'.length));
		db.pragma('busy_timeout = 5000');
		const value = (v) => (v instanceof Date ? v.getTime() : typeof v === 'boolean' ? Number(v) : v);
		return {
			async all(sql, params = []) {
				return db.prepare(sql).all(params.map(value));
			},
			async run(sql, params = []) {
				db.prepare(sql).run(params.map(value));
			},
			async transaction(work) {
				db.exec('begin');
				try {
					await work();
					db.exec('commit');
				} catch (error) {
					db.exec('rollback');
					throw error;
				}
			},
			async close() {
				db.close();
			}
		};
	}
	const client = postgres(databaseUrl, { max: IN_FLIGHT, onnotice: () => {} });
	const numbered = (sql) => {
		let n = 0;
		return sql.replace(/\?/g, () => `$${++n}`);
	};
	return {
		all: (sql, params = []) => client.unsafe(numbered(sql), params),
		run: async (sql, params = []) => void (await client.unsafe(numbered(sql), params)),
		async transaction(work) {
			// The bench's own setup: a transaction per batch is only for speed.
			await work();
		},
		close: () => client.end()
	};
}

export async function insertUsers(raw, n, role, prefix) {
	const now = new Date();
	const people = [];
	await raw.transaction(async () => {
		for (let i = 0; i < n; i++) {
			const person = { id: id(), username: `${prefix}-${i}-${id().slice(0, 6)}` };
			await raw.run(
				'insert into users (id, username, username_key, password_hash, role, email, display_name, locale, created_at, password_changed_at) values (?, ?, ?, ?, ?, null, null, ?, ?, ?)',
				[person.id, person.username, person.username.toLowerCase(), 'x', role, 'de', now, now]
			);
			// A session as the app makes one: the cookie holds "<id>.<secret>", the table the secret's SHA-256.
			const sessionId = id();
			const secret = id();
			await raw.run('insert into sessions (id, user_id, secret_hash, created_at, expires_at) values (?, ?, ?, ?, ?)', [
				sessionId,
				person.id,
				createHash('sha256').update(secret).digest('hex'),
				now,
				new Date(now.getTime() + 7 * 86_400_000)
			]);
			person.cookie = `lotse_session=${sessionId}.${secret}`;
			people.push(person);
		}
	});
	return people;
}

async function projectNamed(raw, slug) {
	const [row] = await raw.all('select id, field_id from participation_projects where slug = ?', [slug]);
	if (!row) throw new Error(`the seeded project ${slug} is missing`);
	return { id: row.id, fieldId: row.field_id };
}

async function fillDatabase(raw) {
	const discussed = await projectNamed(raw, 'digital-pilots');
	const [author] = await insertUsers(raw, 1, 'learner', 'bench-author');
	const reporters = await insertUsers(raw, 10, 'learner', 'bench-reporter');
	const [moderator] = await insertUsers(raw, 1, 'moderator', 'bench-moderator');
	const base = Date.now() - 2000 * 1000;
	const commentIds = [];
	await raw.transaction(async () => {
		for (let i = 0; i < 1000; i++) {
			await raw.run(
				"insert into participation_proposals (id, field_id, author_id, locale, title, description, problem, state, created_at, edited_at) values (?, ?, ?, 'de', ?, ?, null, 'published', ?, null)",
				[id(), discussed.fieldId, author.id, `Idee ${i}`, `Beschreibung der Idee ${i}.`, new Date(base + i * 1000)]
			);
			const commentId = id();
			commentIds.push(commentId);
			await raw.run(
				"insert into participation_comments (id, project_id, proposal_id, parent_id, author_id, locale, body, state, created_at, edited_at, deleted_at) values (?, ?, null, null, ?, 'de', ?, 'published', ?, null, null)",
				[commentId, discussed.id, author.id, `Kommentar ${i} zum Projekt.`, new Date(base + i * 1000)]
			);
		}
		for (const [i, commentId] of commentIds.entries()) {
			await raw.run(
				"insert into moderation_reports (id, reporter_id, comment_id, proposal_id, reason, details, created_at, resolved_at) values (?, ?, ?, null, 'spam', null, ?, null)",
				[id(), reporters[i % reporters.length].id, commentId, new Date(base + i * 1000)]
			);
		}
	});
	return { moderator };
}

export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Server time of one page: the median of REQUESTS sequential requests after a warm-up. */
async function serverTime(base, page, fail) {
	const first = await fetch(base + page.path, { headers: { cookie: page.cookie ?? '' } });
	const html = await first.text();
	if (first.status === 404 && page.optional)
		return { page: page.name, skipped: `${page.path} answers 404 in this build (${page.optional})` };
	if (first.status !== 200) fail(`${page.path} answered ${first.status}`);
	const title = /<title>([^<]+)<\/title>/.exec(html)?.[1];
	if (!title) fail(`${page.path} has no <title>`);
	const marks = [`<title>${title}</title>`, ...(page.mustInclude ?? [])];
	for (const mark of marks) if (!html.includes(mark)) fail(`${page.path} is not the page meant (no ${mark})`);
	for (let i = 0; i < 3; i++) await (await fetch(base + page.path, { headers: { cookie: page.cookie ?? '' } })).text();
	const times = [];
	for (let i = 0; i < REQUESTS; i++) {
		const start = performance.now();
		const response = await fetch(base + page.path, { headers: { cookie: page.cookie ?? '' } });
		const body = await response.text();
		times.push(performance.now() - start);
		if (response.status !== 200 || !marks.every((mark) => body.includes(mark)))
			fail(`${page.path} changed while measured`);
	}
	const ms = median(times);
	return {
		page: page.name,
		'median ms': +ms.toFixed(1),
		'max ms': +Math.max(...times).toFixed(1),
		[`< ${TARGET_MS} ms`]: ms < TARGET_MS
	};
}

/** Runs `work(i)` for i < n with IN_FLIGHT at a time; answers items per second. */
async function rate(n, work) {
	let next = 0;
	const start = performance.now();
	await Promise.all(
		Array.from({ length: IN_FLIGHT }, async () => {
			while (next < n) await work(next++);
		})
	);
	return n / ((performance.now() - start) / 1000);
}

async function supportRates(base, raw, fail) {
	const project = await projectNamed(raw, 'accessible-city-websites');
	const [slug, path] = ['accessible-city-websites', '/de/participate/accessible-city-websites'];
	const viaForm = await insertUsers(raw, CITIZENS, 'learner', 'bench-form');
	const viaPage = await insertUsers(raw, Math.round(CITIZENS / 3), 'learner', 'bench-page');
	const viaDriver = await insertUsers(raw, CITIZENS, 'learner', 'bench-raw');
	const countRows = async () =>
		Number((await raw.all('select count(*) as n from participation_supports where project_id = ?', [project.id]))[0].n);
	const before = await countRows();
	const post = (person, enhanced) =>
		fetch(`${base}${path}?/support`, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				origin: base,
				cookie: person.cookie,
				'content-type': 'application/x-www-form-urlencoded',
				...(enhanced ? { accept: 'application/json', 'x-sveltekit-action': 'true' } : { accept: 'text/html' })
			},
			body: new URLSearchParams({ project: project.id }).toString()
		});
	// With JavaScript: the action answers its result as JSON (use:enhance), the page is not rendered.
	const formRate = await rate(viaForm.length, async (i) => {
		const response = await post(viaForm[i], true);
		const answer = await response.json().catch(() => null);
		if (response.status !== 200 || answer?.type !== 'success')
			fail(`a support for ${slug} answered ${response.status} ${JSON.stringify(answer)}`);
	});
	// Without JavaScript: the same action, answered with the whole page.
	const pageRate = await rate(viaPage.length, async (i) => {
		const response = await post(viaPage[i], false);
		const html = await response.text();
		if (response.status !== 200 || !html.includes('Danke! Ihre Unterstützung ist gezählt.'))
			fail(`a support without JavaScript answered ${response.status}`);
	});
	const now = new Date();
	const driverRate = await rate(viaDriver.length, (i) =>
		raw.run(
			'insert into participation_supports (id, user_id, project_id, proposal_id, created_at) values (?, ?, ?, null, ?) on conflict do nothing',
			[id(), viaDriver[i].id, project.id, now]
		)
	);
	const added = (await countRows()) - before;
	const expected = viaForm.length + viaPage.length + viaDriver.length;
	if (added !== expected) fail(`the supports table gained ${added} rows, ${expected} were sent`);
	return {
		'form action supports/s (JS)': +formRate.toFixed(0),
		'form action supports/s (no JS, page rendered)': +pageRate.toFixed(0),
		'raw driver inserts/s': +driverRate.toFixed(0),
		'ratio (JS)': +(formRate / driverRate).toFixed(3),
		'ratio ≥ 0.25': formRate / driverRate >= 0.25
	};
}

/** The participation measurements on one engine; `server` is bench.js's started server. */
export async function participationBench(engine, databaseUrl, base, fail) {
	const raw = rawClient(databaseUrl);
	try {
		const { moderator } = await fillDatabase(raw);
		const pages = [
			{ name: 'participation start page', path: '/de/participate' },
			{ name: 'project page, 1,000 comments', path: '/de/participate/digital-pilots' },
			{
				name: 'project page, signed in',
				path: '/de/participate/digital-pilots',
				cookie: moderator.cookie,
				mustInclude: ['action="/de/signout"']
			},
			{
				name: 'proposal list, 1,000 proposals',
				path: '/de/participate/proposals',
				optional: 'built by the discussion helper'
			},
			{
				name: 'moderation queue, 1,000 open reports',
				path: '/de/moderation',
				cookie: moderator.cookie,
				mustInclude: ['action="/de/signout"'],
				optional: 'built by the moderation helper'
			},
			{ name: 'results, whole strategy', path: '/de/participate/results' }
		];
		const times = [];
		for (const page of pages) {
			const row = { engine, ...(await serverTime(base, page, fail)) };
			times.push(row);
			console.log(`  ${engine}: ${row.page}: ${row.skipped ? `skipped — ${row.skipped}` : `${row['median ms']} ms`}`);
		}
		const supports = { engine, ...(await supportRates(base, raw, fail)) };
		console.log(`  ${engine}: supports ${JSON.stringify(supports)}`);
		return { times, supports };
	} finally {
		await raw.close();
	}
}
