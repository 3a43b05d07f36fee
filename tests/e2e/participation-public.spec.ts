/**
 * The public participation pages over HTTP and in the browser: who may support (guest, learner,
 * blocked), hostile input to the support forms, supporting and withdrawing by keyboard with
 * and without JavaScript, the chart mirrored in Arabic, and two app processes on one
 * PostgreSQL database counting exactly.
 */
import { count, eq } from 'drizzle-orm';
import { SESSION_COOKIE } from '../../src/lib/server/auth/session.ts';
import { openDatabase, type Db } from '../../src/lib/server/db/database.ts';
import { postForm, sharedDatabases, startApp, type AppProcess } from '../helpers/app-process.ts';
import { makeSession, makeUser } from '../helpers/factories.ts';
import { makeProject } from '../helpers/participation-factories.ts';
import { blockAccount, makeCitizens } from '../helpers/participation-public-factories.ts';
import { expect, test } from './fixtures';
import { BASE_URL } from './helpers';

async function supportsOf(db: Db, projectId: string): Promise<number> {
	const { participationSupports: supports } = db.t;
	const [row] = await db.orm.select({ n: count() }).from(supports).where(eq(supports.projectId, projectId));
	return row?.n ?? 0;
}

async function cookieFor(db: Db, userId: string): Promise<string> {
	const { token } = await makeSession(db, userId);
	return `${SESSION_COOKIE}=${token}`;
}

test.describe('the support form over HTTP', () => {
	test('a guest is sent to sign in and back, and nothing is written', async ({ appDb }) => {
		const project = await makeProject(appDb, { phase: 'support' });
		const answer = await postForm(BASE_URL, `/de/participate/${project.slug}?/support`, { project: project.id });
		expect(answer.status).toBe(303);
		expect(answer.headers.get('location')).toBe(
			`/de/signin?next=${encodeURIComponent(`/de/participate/${project.slug}?/support`)}`
		);
		expect(await supportsOf(appDb, project.id)).toBe(0);
		const page = await fetch(`${BASE_URL}/de/participate/${project.slug}`).then((r) => r.text());
		expect(page).toContain(`/de/signin?next=${encodeURIComponent(`/de/participate/${project.slug}`)}`);
	});

	test('a learner supports (twice is once), sees the exact total, and withdraws', async ({ appDb }) => {
		const project = await makeProject(appDb, { phase: 'support' });
		const user = await makeUser(appDb);
		const cookie = await cookieFor(appDb, user.id);
		const path = `/de/participate/${project.slug}`;
		for (let i = 0; i < 2; i++) {
			const answer = await postForm(BASE_URL, `${path}?/support`, { project: project.id }, { cookie });
			expect(answer.status).toBe(200);
			expect(await answer.text()).toContain('1 Person unterstützt dieses Projekt.');
		}
		expect(await supportsOf(appDb, project.id)).toBe(1);
		const withdrawn = await postForm(BASE_URL, `${path}?/withdraw`, { project: project.id }, { cookie });
		expect(withdrawn.status).toBe(200);
		expect(await withdrawn.text()).toContain('0 Personen unterstützen dieses Projekt.');
		expect(await supportsOf(appDb, project.id)).toBe(0);
	});

	test('a blocked account gets the 403 message, and nothing is written', async ({ appDb }) => {
		const project = await makeProject(appDb, { phase: 'support' });
		const user = await makeUser(appDb);
		await blockAccount(appDb, user.id);
		const cookie = await cookieFor(appDb, user.id);
		const answer = await postForm(
			BASE_URL,
			`/en/participate/${project.slug}?/support`,
			{ project: project.id },
			{ cookie }
		);
		expect(answer.status).toBe(403);
		expect(await supportsOf(appDb, project.id)).toBe(0);
	});

	test('a support after the phase ended by date is refused with a message (409)', async ({ appDb }) => {
		const project = await makeProject(appDb, {
			phase: 'support',
			phaseStartsAt: new Date(Date.now() - 86_400_000 * 5),
			phaseEndsAt: new Date(Date.now() - 1000)
		});
		const user = await makeUser(appDb);
		const answer = await postForm(
			BASE_URL,
			`/de/participate/${project.slug}?/support`,
			{ project: project.id },
			{ cookie: await cookieFor(appDb, user.id) }
		);
		expect(answer.status).toBe(409);
		expect(await answer.text()).toContain('Die Zeit zum Unterstützen ist vorbei');
		expect(await supportsOf(appDb, project.id)).toBe(0);
	});

	test('hostile input gets a 4xx, never a 5xx, and writes nothing', async ({ appDb }) => {
		const project = await makeProject(appDb, { phase: 'support' });
		const other = await makeProject(appDb, { phase: 'support' });
		const user = await makeUser(appDb);
		const cookie = await cookieFor(appDb, user.id);
		const path = `/de/participate/${project.slug}`;
		const post = (body: string, headers: Record<string, string> = {}, target = `${path}?/support`) =>
			fetch(`${BASE_URL}${target}`, {
				method: 'POST',
				redirect: 'manual',
				headers: {
					origin: BASE_URL,
					accept: 'text/html',
					'content-type': 'application/x-www-form-urlencoded',
					cookie,
					...headers
				},
				body
			});
		const cases: [string, Promise<Response>][] = [
			['another project id', post(`project=${other.id}`)],
			['no id', post('')],
			['the id twice (an array)', post(`project=${project.id}&project=${project.id}`)],
			['script in the id', post(`project=${encodeURIComponent('<script>alert(1)</script>')}`)],
			['null bytes', post(`project=${encodeURIComponent('\u0000' + project.id)}`)],
			['invalid UTF-8', post(`project=%FF%FE${project.id}`)],
			['a 10 MB body', post(`project=${project.id}&x=${'a'.repeat(10 * 1024 * 1024)}`)],
			['JSON instead of a form', post(JSON.stringify({ project: project.id }), { 'content-type': 'application/json' })],
			['an unknown project', post(`project=${project.id}`, {}, '/de/participate/no-such-project?/support')],
			['an unknown action', post(`project=${project.id}`, {}, `${path}?/nonsense`)]
		];
		for (const [name, answer] of cases) {
			const response = await answer;
			expect.soft(response.status, name).toBeGreaterThanOrEqual(400);
			expect.soft(response.status, name).toBeLessThan(500);
			const text = await response.text();
			expect.soft(text, name).not.toContain('<script>alert(1)</script>');
		}
		expect(await supportsOf(appDb, project.id)).toBe(0);
		expect(await supportsOf(appDb, other.id)).toBe(0);
	});

	test('filters with invalid values are ignored, never a 500', async ({ request }) => {
		for (const query of ['field=%3Cscript%3E', 'phase=nope&status=1', 'sort=drop&page=-1', 'page=abc', 'page=1e99']) {
			const response = await request.get(`/de/participate?${query}`);
			expect(response.status(), query).toBe(200);
		}
		expect((await request.get('/de/participate/no-such-project')).status()).toBe(404);
		expect((await request.get('/de/participate/no-such-project/results')).status()).toBe(404);
	});
});

test.describe('open data', () => {
	test('JSON and CSV answer with their types, the licence, and no person', async ({ request, appDb }) => {
		const user = await makeUser(appDb, { username: 'opendata-e2e-person' });
		const project = await makeProject(appDb, { phase: 'support' });
		await postForm(
			BASE_URL,
			`/de/participate/${project.slug}?/support`,
			{ project: project.id },
			{ cookie: await cookieFor(appDb, user.id) }
		);
		const json = await request.get('/api/open-data/participation.json');
		expect(json.status()).toBe(200);
		const data = await json.json();
		expect(data.licence).toBe('CC BY 4.0');
		expect(data.projects.find((p: { slug: string }) => p.slug === project.slug)).toMatchObject({ supports: 1 });
		const csv = await request.get('/api/open-data/participation.csv');
		expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
		const text = await csv.text();
		expect(text.split('\n')[0]).toBe('kind,slug,field,status,phase,projects,supports,comments,proposals');
		for (const body of [text, JSON.stringify(data)]) {
			expect(body).not.toContain(user.username);
			expect(body).not.toContain(user.id);
		}
	});
});

test.describe('in the browser', () => {
	async function tabTo(page: import('@playwright/test').Page, name: RegExp) {
		const target = page.getByRole('button', { name });
		for (let i = 0; i < 80; i++) {
			if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
			await page.keyboard.press('Tab');
		}
		throw new Error(`Tab never reached the button ${name}`);
	}

	for (const javaScript of [true, false]) {
		test(`a citizen supports and withdraws with the keyboard alone, JavaScript ${javaScript ? 'on' : 'off'}`, async ({
			browser,
			appDb
		}) => {
			const context = await browser.newContext({ javaScriptEnabled: javaScript });
			const project = await makeProject(appDb, { phase: 'support' });
			const user = await makeUser(appDb);
			const { token, session } = await makeSession(appDb, user.id);
			await context.addCookies([
				{
					name: SESSION_COOKIE,
					value: token,
					url: BASE_URL,
					httpOnly: true,
					sameSite: 'Lax',
					expires: Math.floor(session.expiresAt.getTime() / 1000)
				}
			]);
			const page = await context.newPage();
			await page.goto(`/en/participate/${project.slug}`);
			await expect(page.locator('.support-total')).toHaveText('0 people support this project.');
			await tabTo(page, /^Support this project$/);
			await page.keyboard.press('Enter');
			await expect(page.locator('.support-total')).toHaveText('1 person supports this project.');
			await expect(page.getByRole('status').filter({ hasText: 'Your support has been counted' })).toBeVisible();
			expect(await supportsOf(appDb, project.id)).toBe(1);
			await tabTo(page, /^Withdraw my support$/);
			await page.keyboard.press('Enter');
			await expect(page.locator('.support-total')).toHaveText('0 people support this project.');
			expect(await supportsOf(appDb, project.id)).toBe(0);
			await context.close();
		});
	}

	test('the results chart grows from the right in Arabic and from the left in German', async ({ page }) => {
		await page.goto('/ar/participate/results');
		const chart = page.locator('svg#chart-project-supports, svg[aria-labelledby="chart-project-supports-title"]');
		await expect(chart).toHaveAttribute('data-direction', 'rtl');
		await expect(chart).toHaveAttribute('role', 'img');
		const bars = await chart
			.locator('rect')
			.evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('x')) + Number(r.getAttribute('width'))));
		expect(bars.length).toBeGreaterThan(0);
		expect(bars.every((end) => Math.abs(end - 600) < 0.01)).toBe(true);
		await page.goto('/de/participate/results');
		const xs = await page
			.locator('svg[aria-labelledby="chart-project-supports-title"] rect')
			.evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('x'))));
		expect(xs.every((x) => x === 0)).toBe(true);
		await expect(page.locator('table').first()).toBeVisible();
	});
});

// SQLite always; PostgreSQL when TEST_DATABASE_URL is set (tests/helpers/app-process.ts).
test.describe('two app processes on one database', () => {
	test.describe.configure({ mode: 'serial', timeout: 180_000 });
	// Ports of this spec's own, away from the security tests' 4213–4219.
	const port = 5000 + (Number(process.env.E2E_PORT ?? 4173) % 100) * 4;

	for (const [index, database] of sharedDatabases.entries()) {
		test(`on ${database.engine}: supports sent to both at once give exact counts`, async () => {
			const shared = await database.create();
			const apps: AppProcess[] = [];
			let db: Db | null = null;
			try {
				apps.push(await startApp({ port: port + index * 2, databaseUrl: shared.url }));
				apps.push(await startApp({ port: port + index * 2 + 1, databaseUrl: shared.url }));
				db = await openDatabase(shared.url);
				const project = await makeProject(db, { phase: 'support' });
				const citizens = await makeCitizens(db, 60);
				const cookies = await Promise.all(citizens.map((citizen) => cookieFor(db!, citizen.id)));
				const answers = await Promise.all(
					cookies.flatMap((cookie) =>
						[0, 1, 0, 1].map((i) =>
							postForm(apps[i]!.origin, `/de/participate/${project.slug}?/support`, { project: project.id }, { cookie })
						)
					)
				);
				expect(answers.map((answer) => answer.status).filter((status) => status !== 200)).toEqual([]);
				expect(await supportsOf(db, project.id)).toBe(60);
				const page = await fetch(`${apps[1]!.origin}/de/participate/${project.slug}`).then((r) => r.text());
				expect(page).toContain('60 Personen unterstützen dieses Projekt.');
			} finally {
				await db?.close();
				for (const app of apps) await app.stop();
				await shared.drop();
			}
		});
	}
});
