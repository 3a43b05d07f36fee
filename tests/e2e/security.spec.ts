/**
 * What an attacker and a crash test found, tried again against running builds: the
 * shared test server for redirects and certificates, and app processes of our own
 * (ports 4213–4219) where it takes two processes on one database, or a signal.
 */
import { expect, test, type APIRequestContext, type PlaywrightWorkerArgs } from '@playwright/test';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import deLearn from '../../src/lib/i18n/translations/de/learn.json' with { type: 'json' };
import deShell from '../../src/lib/i18n/translations/de/shell.json' with { type: 'json' };
import { postForm, sharedDatabases, startApp, type AppProcess } from '../helpers/app-process.ts';
import { contentCatalogue, lessonQuizzes } from '../helpers/quiz-answers.ts';

const PASSWORD = 'Möwe Teekanne Fahrrad Elbe';
let counter = 0;
const uniqueName = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${process.pid}-${++counter}`;

async function post(request: APIRequestContext, baseURL: string, path: string, form: Record<string, string>) {
	// A browser without JavaScript: HTML preferred, so SvelteKit answers with a real redirect.
	return request.post(path, { form, headers: { origin: baseURL, accept: 'text/html' }, maxRedirects: 0 });
}

test.describe('the redirect after sign-in and sign-up stays on this site', () => {
	const hostile = [
		'/%09/evil.example/x',
		'/%0A/x',
		'/%0D/x',
		'/%5C/evil.example',
		'//evil.example/x',
		'/.//evil.example'
	];

	for (const next of hostile) {
		test(`sign-up and sign-in with next=${next} answer 303 to a page of this site`, async ({ request, baseURL }) => {
			const username = uniqueName('next');
			const signUp = await post(request, baseURL!, `/de/signup?next=${next}`, {
				username,
				password: PASSWORD,
				email: ''
			});
			expect(signUp.status(), await signUp.text()).toBe(303);
			expect(signUp.headers()['location']).toBe('/de/welcome?kept=0');

			const signIn = await post(request, baseURL!, `/en/signin?next=${next}`, { username, password: PASSWORD });
			expect(signIn.status(), await signIn.text()).toBe(303);
			expect(signIn.headers()['location']).toBe('/en');
		});
	}

	test('a path on this site is still followed after sign-in', async ({ request, baseURL }) => {
		const username = uniqueName('next');
		await post(request, baseURL!, '/de/signup', { username, password: PASSWORD, email: '' });
		const signIn = await post(request, baseURL!, `/de/signin?next=${encodeURIComponent('/de/learn?x=1')}`, {
			username,
			password: PASSWORD
		});
		expect(signIn.status()).toBe(303);
		expect(signIn.headers()['location']).toBe('/de/learn?x=1');
	});

	test('in Chromium with JavaScript on, a tab in next does not lead to another site', async ({ page, baseURL }) => {
		const username = uniqueName('tab');
		await page.goto('/de/signup?next=/%09/evil.example/x');
		await page.waitForSelector('html[data-hydrated]', { state: 'attached' });
		await page.locator('#field-username').fill(username);
		await page.locator('#field-password').fill(PASSWORD);
		await Promise.all([
			page.waitForURL('**/de/welcome?kept=0'),
			page.locator('form.stack button[type=submit]').click()
		]);
		expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
	});
});

test.describe('certificates attest learning', () => {
	const lessons = contentCatalogue().course('first-steps')!.lessons;
	const html = { accept: 'text/html' };

	async function signedUpContext(playwright: PlaywrightWorkerArgs['playwright'], baseURL: string, cookie?: string) {
		// The forged cookie goes into the cookie jar, beside the session cookie sign-up sets.
		const cookies = cookie
			? [
					{
						name: 'lotse_progress',
						value: cookie,
						domain: 'localhost',
						path: '/',
						expires: -1,
						httpOnly: true,
						secure: false,
						sameSite: 'Lax' as const
					}
				]
			: [];
		const context = await playwright.request.newContext({
			baseURL,
			extraHTTPHeaders: { origin: baseURL },
			storageState: { cookies, origins: [] }
		});
		const signUp = await context.post('/de/signup', {
			form: { username: uniqueName('cert'), password: PASSWORD, email: '' },
			headers: html,
			maxRedirects: 0
		});
		expect(signUp.status()).toBe(303);
		return context;
	}

	async function expectNoCertificate(context: APIRequestContext) {
		const issue = await context.post('/de/learn/first-steps/certificate', {
			form: { holderName: 'Mallory', showName: 'on' },
			headers: html,
			maxRedirects: 0
		});
		expect(issue.status()).toBe(400);
		const page = await context.get('/de/learn/first-steps/certificate');
		const text = await page.text();
		expect(text).toContain(deLearn.learn.certificate.notComplete);
		expect(text).not.toMatch(/LOTSE-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}/);
	}

	test('six POSTs to ?/complete, without opening a lesson or answering a quiz, give no certificate', async ({
		playwright,
		baseURL
	}) => {
		const context = await signedUpContext(playwright, baseURL!);
		for (const lesson of lessons) {
			const done = await context.post(`/de/learn/${lesson.key}?/complete`, { form: {}, headers: html });
			expect(done.status()).toBe(400);
			expect(await done.text()).toContain(deLearn.learn.lesson.openFirst);
		}
		// Opened, but no question answered: still not complete.
		for (const lesson of lessons) {
			await expect(await context.get(`/de/learn/${lesson.key}`)).toBeOK();
			const done = await context.post(`/de/learn/${lesson.key}?/complete`, { form: {}, headers: html });
			expect(done.status()).toBe(400);
			expect(await done.text()).toContain(deLearn.learn.lesson.answerFirst);
		}
		await expectNoCertificate(context);
		await context.dispose();
	});

	test('a hand-made guest progress cookie is ignored at sign-up, and on lesson pages it is replaced, not a 500', async ({
		playwright,
		baseURL
	}) => {
		const forged = {
			v: 1,
			l: Object.fromEntries(lessons.map((lesson) => [lesson.key, [1, 1_760_000_000]])),
			q: Object.fromEntries(
				lessons.flatMap((lesson) => lessonQuizzes(lesson.key).map((quiz) => [`${lesson.key}#${quiz.id}`, 100]))
			)
		};
		const payload = Buffer.from(JSON.stringify(forged)).toString('base64url');
		for (const cookie of [payload, `${payload}.${'A'.repeat(43)}`, `${payload}.`]) {
			const guest = await playwright.request.newContext({
				baseURL,
				extraHTTPHeaders: { cookie: `lotse_progress=${cookie}` }
			});
			const lessonPage = await guest.get(`/de/learn/${lessons[0]!.key}`);
			expect(lessonPage.status()).toBe(200);
			expect(await lessonPage.text()).not.toContain('class="lesson__done');
			const replaced = lessonPage
				.headersArray()
				.find((h) => h.name.toLowerCase() === 'set-cookie' && h.value.startsWith('lotse_progress='));
			expect(replaced, 'the forged cookie is replaced').toBeTruthy();
			expect(replaced!.value).not.toContain(cookie);
			await guest.dispose();

			const context = await signedUpContext(playwright, baseURL!, cookie);
			const course = await context.get('/de/learn/first-steps');
			expect(await course.text()).not.toContain(deLearn.learn.status.completed);
			await expectNoCertificate(context);
			await context.dispose();
		}
	});
});

/** Raw HTTP, so a request can be held open across a signal. */
function slowPost(origin: string, path: string, body: string) {
	const url = new URL(path, origin);
	const req = httpRequest({
		host: url.hostname,
		port: url.port,
		path: url.pathname,
		method: 'POST',
		headers: {
			origin,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded',
			'content-length': Buffer.byteLength(body)
		}
	});
	const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
		req.on('response', (res: IncomingMessage) => {
			let text = '';
			res.on('data', (chunk) => (text += chunk));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
		});
		req.on('error', reject);
	});
	const half = Math.floor(body.length / 2);
	req.write(body.slice(0, half));
	return { finish: () => req.end(body.slice(half)), response };
}

const withTimeout = <T>(promise: Promise<T>, ms: number) =>
	Promise.race([promise, new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), ms))]);

test.describe('several app processes, signals', () => {
	test.describe.configure({ mode: 'serial', timeout: 180_000 });

	for (const [index, database] of sharedDatabases.entries()) {
		test(`on ${database.engine}: 100 concurrent wrong passwords over two processes evaluate at most 5`, async () => {
			const shared = await database.create();
			const apps: AppProcess[] = [];
			try {
				apps.push(await startApp({ port: 4213 + index * 2, databaseUrl: shared.url }));
				apps.push(await startApp({ port: 4214 + index * 2, databaseUrl: shared.url }));
				const username = uniqueName('victim');
				const created = await postForm(apps[0]!.origin, '/de/signup', { username, password: PASSWORD, email: '' });
				expect(created.status).toBe(303);
				const answers = await Promise.all(
					Array.from({ length: 100 }, (_, i) =>
						postForm(apps[i % 2]!.origin, '/de/signin', { username, password: `wrong guess ${i}` }).then(
							async (response) => ({ status: response.status, text: await response.text() })
						)
					)
				);
				// 400 "wrong username or password" means the password was evaluated; 429 means locked.
				const evaluated = answers.filter(
					(a) => a.status === 400 && a.text.includes('Benutzername oder Passwort')
				).length;
				const locked = answers.filter((a) => a.status === 429).length;
				console.log(`${database.engine}: ${evaluated} of 100 passwords evaluated, ${locked} locked`);
				const odd = answers.filter((a) => a.status !== 429 && !a.text.includes('Benutzername oder Passwort'));
				expect(odd.map((a) => `${a.status} ${a.text.slice(0, 300)}`)).toEqual([]);
				expect({ evaluated, locked, other: 100 - evaluated - locked }).toEqual({ evaluated: 5, locked: 95, other: 0 });
			} finally {
				for (const app of apps) await app.stop();
				await shared.drop();
			}
		});

		test(`on ${database.engine}: SIGTERM finishes the request in flight, closes idle connections and the database, exits 0`, async () => {
			const shared = await database.create();
			const app = await startApp({ port: 4217 + index, databaseUrl: shared.url });
			try {
				// An idle keep-alive connection must not hold the shutdown up.
				const keepAlive = await fetch(`${app.origin}/de`, { headers: { connection: 'keep-alive' } });
				expect(keepAlive.ok).toBe(true);
				const inFlight = slowPost(
					app.origin,
					'/de/accessibility',
					new URLSearchParams({ message: 'The contrast of the footer is too low.', page: '', contact: '' }).toString()
				);
				await new Promise((resolve) => setTimeout(resolve, 300));
				app.child.kill('SIGTERM');
				await new Promise((resolve) => setTimeout(resolve, 500));
				expect(app.child.exitCode, 'still serving the request in flight').toBeNull();
				inFlight.finish();
				const answer = await inFlight.response;
				// Answered in full: the feedback form's post/redirect/get (303 to the thank-you).
				expect(answer.status).toBe(303);
				expect(await withTimeout(app.exited, 5000), app.output()).toBe(0);
			} finally {
				await app.stop();
				await shared.drop();
			}
		});

		test(`on ${database.engine}: sign-ups and accessibility reports are limited per address across two processes`, async () => {
			const shared = await database.create();
			const apps: AppProcess[] = [];
			try {
				apps.push(await startApp({ port: 4213 + index * 2, databaseUrl: shared.url }));
				apps.push(await startApp({ port: 4214 + index * 2, databaseUrl: shared.url }));
				const report = { message: 'x'.repeat(4000), page: '', contact: '' };
				const reports = await Promise.all(
					Array.from({ length: 30 }, (_, i) =>
						postForm(apps[i % 2]!.origin, '/de/accessibility', report).then(async (r) => ({
							status: r.status,
							text: await r.text()
						}))
					)
				);
				// Accepted reports are answered with post/redirect/get.
				expect(reports.filter((r) => r.status === 303)).toHaveLength(20);
				const refused = reports.filter((r) => r.status === 429);
				expect(refused).toHaveLength(10);
				const feedbackMessage = deShell.errors.rateLimit.feedback_other.split('{{time}}')[0]!;
				for (const answer of refused) expect(answer.text).toContain(feedbackMessage);

				const signUps = await Promise.all(
					Array.from({ length: 64 }, (_, i) =>
						postForm(apps[i % 2]!.origin, '/de/signup', {
							username: uniqueName('class'),
							password: PASSWORD,
							email: ''
						}).then(async (r) => ({ status: r.status, text: await r.text() }))
					)
				);
				expect(signUps.filter((r) => r.status === 303)).toHaveLength(60);
				const tooMany = signUps.filter((r) => r.status === 429);
				expect(tooMany).toHaveLength(4);
				const signUpMessage = deShell.errors.rateLimit.signUp_other.split('{{time}}')[0]!;
				for (const answer of tooMany) expect(answer.text).toContain(signUpMessage);
			} finally {
				for (const app of apps) await app.stop();
				await shared.drop();
			}
		});

		test(`on ${database.engine}: SIGINT also shuts down cleanly`, async () => {
			const shared = await database.create();
			const app = await startApp({ port: 4217 + index, databaseUrl: shared.url });
			try {
				expect((await fetch(`${app.origin}/de/learn`)).ok).toBe(true);
				app.child.kill('SIGINT');
				expect(await withTimeout(app.exited, 5000), app.output()).toBe(0);
			} finally {
				await app.stop();
				await shared.drop();
			}
		});
	}
});
