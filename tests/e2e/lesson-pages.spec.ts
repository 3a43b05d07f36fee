import type { APIResponse } from '@playwright/test';
import { expect, test } from './fixtures';
import deLearn from '../../src/lib/i18n/translations/de/learn.json' with { type: 'json' };
import deLesson from '../../src/lib/i18n/translations/de/lesson.json' with { type: 'json' };
import { unpackGuestProgress, type GuestProgress } from '../../src/lib/server/learning/guest-progress-format.ts';
import { correctAnswerForm, lessonQuizzes } from '../helpers/quiz-answers';
import { BASE_URL, open } from './helpers';

// Lesson pages are rendered on the server only; what runs in the browser is the islands
// bundle (src/lib/islands). Guests' pages are kept rendered per state (guest-lesson-pages.ts).

const LESSON = '/en/learn/first-steps/the-browser';
const readAloud = deLesson.lesson.readAloud;

function setCookies(response: APIResponse): Map<string, string> {
	const cookies = new Map<string, string>();
	for (const { name, value } of response.headersArray()) {
		if (name.toLowerCase() !== 'set-cookie') continue;
		const [pair = ''] = value.split(';');
		const at = pair.indexOf('=');
		cookies.set(pair.slice(0, at), pair.slice(at + 1));
	}
	return cookies;
}

function guestProgress(value: string | undefined): GuestProgress {
	expect(value, 'the guest progress cookie is set').toBeTruthy();
	// "<payload>.<signature>": the payload is the packed progress, base64url.
	const progress = unpackGuestProgress(new Uint8Array(Buffer.from(value!.split('.')[0]!, 'base64url')));
	expect(progress, 'the guest progress cookie can be read').not.toBeNull();
	return progress!;
}

test.describe('guests’ lesson pages', () => {
	test('the same state gets the same page from memory, and the lesson is still noted as started', async ({
		playwright
	}) => {
		const responses: APIResponse[] = [];
		for (let i = 0; i < 2; i++) {
			const guest = await playwright.request.newContext({ baseURL: BASE_URL });
			responses.push(await guest.get(LESSON));
		}
		const [first, second] = responses as [APIResponse, APIResponse];
		expect(first.status()).toBe(200);
		expect(second.status()).toBe(200);
		expect(second.headers()['x-cache']).toBe('HIT');
		expect(await second.text()).toBe(await first.text());
		for (const response of responses) {
			const cookies = setCookies(response);
			expect(cookies.get('lotse_locale')).toBe('en');
			expect(guestProgress(cookies.get('lotse_progress')).l['first-steps/the-browser']?.[0]).toBe(0);
			expect(response.headers()['content-security-policy']).toContain("script-src 'self'");
		}
	});

	test('a kept page goes out compressed as each browser asks, and unpacks to the same page', async ({ playwright }) => {
		const pages = new Map<string, string>();
		for (const encoding of ['br', 'gzip', 'identity']) {
			for (let i = 0; i < 2; i++) {
				const guest = await playwright.request.newContext({
					baseURL: BASE_URL,
					extraHTTPHeaders: { 'accept-encoding': encoding }
				});
				const response = await guest.get(LESSON);
				expect(response.status()).toBe(200);
				expect(response.headers()['content-encoding']).toBe(encoding === 'identity' ? undefined : encoding);
				expect(response.headers()['vary']).toContain('Accept-Encoding');
				if (i === 1) {
					expect(response.headers()['x-cache']).toBe('HIT');
					pages.set(encoding, await response.text());
				}
			}
		}
		expect(pages.get('br')).toContain('</html>');
		expect(pages.get('gzip')).toBe(pages.get('br'));
		expect(pages.get('identity')).toBe(pages.get('br'));
	});

	test('a guest who finished the lesson, or chose other display settings, gets a page of their own', async ({
		playwright
	}) => {
		const guest = await playwright.request.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { origin: BASE_URL } });
		await guest.get(LESSON);
		// A lesson is complete once its questions are answered.
		for (const quiz of lessonQuizzes('first-steps/the-browser')) {
			await guest.post(`${LESSON}?/answer`, {
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
				data: correctAnswerForm(quiz).toString()
			});
		}
		const done = await guest.post(`${LESSON}?/complete`, { form: {} });
		expect(done.status()).toBe(200);
		expect(guestProgress(setCookies(done).get('lotse_progress')).l['first-steps/the-browser']?.[0]).toBe(1);
		for (let i = 0; i < 2; i++) {
			const page = await guest.get(LESSON);
			await expect(page).toBeOK();
			expect(await page.text()).toContain('class="lesson__done');
		}
		const stranger = await playwright.request.newContext({ baseURL: BASE_URL });
		expect(await (await stranger.get(LESSON)).text()).not.toContain('class="lesson__done');

		const largeText = await playwright.request.newContext({
			baseURL: BASE_URL,
			extraHTTPHeaders: { cookie: 'lotse_display=textSize-200.contrast-high.spacing-normal.motion-normal' }
		});
		for (let i = 0; i < 2; i++) {
			const html = await (await largeText.get(LESSON)).text();
			expect(html).toMatch(/<html[^>]*class="[^"]*text-200[^"]*contrast-high/);
		}
		expect(await (await stranger.get(LESSON)).text()).not.toMatch(/<html[^>]*class="[^"]*text-200/);
	});

	test('signed-in learners always get a page rendered for them', async ({ page, signIn }) => {
		await signIn();
		for (let i = 0; i < 2; i++) {
			const response = await page.request.get(LESSON);
			expect(response.headers()['x-cache']).toBeUndefined();
			expect(await response.text()).toContain('action="/en/signout"');
		}
	});
});

test('a lesson page runs no SvelteKit client, only its islands', async ({ page }) => {
	const scripts: string[] = [];
	page.on('request', (request) => {
		if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
	});
	await open(page, '/de/learn/safe-online/recognising-phishing');
	expect(scripts.length).toBeGreaterThan(0);
	expect(scripts.filter((path) => !path.startsWith('/_islands/'))).toEqual([]);
	// The simulation island replaced its no-JavaScript version.
	await expect(page.locator('.simulation .needs-js')).toHaveCount(0);
});

test.describe('read aloud', () => {
	test.beforeEach(async ({ page }) => {
		// Headless Chromium has no voices: a stand-in speech synthesis with a German voice.
		await page.addInitScript(() => {
			const spoken: string[] = [];
			(window as unknown as { spoken: string[] }).spoken = spoken;
			class Utterance {
				lang = '';
				rate = 1;
				voice: unknown = null;
				onend: (() => void) | null = null;
				onerror: (() => void) | null = null;
				constructor(readonly text: string) {}
			}
			const synth = Object.assign(new EventTarget(), {
				getVoices: () => [{ lang: 'de-DE', name: 'Test', default: true, localService: true, voiceURI: 'test' }],
				speak(utterance: Utterance) {
					spoken.push(utterance.text);
					setTimeout(() => utterance.onend?.(), 200);
				},
				cancel() {},
				pause() {},
				resume() {}
			});
			Object.defineProperty(window, 'speechSynthesis', { value: synth });
			Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance });
		});
	});

	test('reads the lesson text in pieces, pauses, and stops by keyboard', async ({ page }) => {
		await open(page, '/de/learn/first-steps/keyboard');
		const controls = page.getByRole('group', { name: readAloud.label });
		await expect(controls).toBeVisible();
		const status = controls.getByRole('status');

		await controls.getByRole('button', { name: readAloud.start }).focus();
		await page.keyboard.press('Enter');
		await expect(status).toHaveText(readAloud.status.playing);
		// The first piece is the start of the lesson text (not the controls or the page header).
		const spoken = await page.evaluate(() => (window as unknown as { spoken: string[] }).spoken);
		const lessonText = (await page.locator('#lesson-text').innerText()).replace(/\s+/g, ' ').trim();
		expect(spoken[0]?.length).toBeGreaterThan(10);
		expect(lessonText.startsWith(spoken[0]!)).toBe(true);

		await controls.getByRole('button', { name: readAloud.pause }).click();
		await expect(status).toHaveText(readAloud.status.paused);
		await controls.getByRole('button', { name: readAloud.resume }).click();
		await expect(status).toHaveText(readAloud.status.resumed);

		await controls.getByRole('button', { name: readAloud.stop }).focus();
		await page.keyboard.press('Enter');
		await expect(status).toHaveText(readAloud.status.stopped);
		await expect(controls.getByRole('button', { name: readAloud.stop })).toBeHidden();
		await expect(controls.getByRole('button', { name: readAloud.start })).toBeFocused();
	});

	test('is not offered where the browser has no voice for the lesson language', async ({ page }) => {
		await open(page, '/ar/learn/first-steps/keyboard');
		await expect(page.locator('.read-aloud')).toBeHidden();
		await expect(page.locator('.lesson-body')).toBeVisible();
	});
});

test('a lesson reached from the course page is loaded as a whole page, and its islands start once', async ({
	page
}) => {
	await open(page, '/de/learn/safe-online');
	const scripts: string[] = [];
	page.on('request', (request) => {
		if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
	});
	await Promise.all([
		page.waitForURL('**/de/learn/safe-online/recognising-phishing'),
		page.locator('.course-lessons a[href$="/recognising-phishing"]').click()
	]);
	await page.waitForSelector('html[data-hydrated]', { state: 'attached' });
	expect(scripts).toContain('/_islands/lesson.js');
	expect(scripts.filter((path) => !path.startsWith('/_islands/'))).toEqual([]);
	await expect(page.locator('.simulation [data-island] > div')).toHaveCount(1);
	await expect(page.locator('.simulation .needs-js')).toHaveCount(0);
});

const EASY_DEVICE = '/de/learn/first-steps/the-device?version=easy';
const EASY_QUESTION = 'Welches Gerät passt in die Hosen-Tasche?';

test('an answer in the easy-German version comes back in easy German, with and without JavaScript', async ({
	browser
}) => {
	for (const javaScriptEnabled of [true, false]) {
		const context = await browser.newContext({ javaScriptEnabled });
		const page = await context.newPage();
		if (javaScriptEnabled) await open(page, EASY_DEVICE);
		else await page.goto(EASY_DEVICE);
		const quiz = page.locator('#quiz-what-is-smartphone');
		await expect(quiz.locator('legend')).toContainText(EASY_QUESTION);
		await quiz.locator('input[value="0"]').check();
		await quiz.locator('button[type=submit]').click();
		await expect(page.locator('#quiz-what-is-smartphone [role=status]')).toContainText(deLearn.learn.quiz.correct);
		await expect(page.locator('#quiz-what-is-smartphone legend')).toContainText(EASY_QUESTION);
		await expect(page.locator('a', { hasText: deLearn.learn.lesson.standardVersion })).toBeVisible();
		await context.close();
	}
});

test('a glossary term explains itself on demand, by keyboard, and reads in full without JavaScript', async ({
	browser
}) => {
	const explanation = 'Der blinkende Strich zeigt, wo der nächste Buchstabe erscheint.';
	const withJs = await browser.newContext();
	const page = await withJs.newPage();
	await open(page, '/de/learn/first-steps/keyboard');
	const term = page.getByRole('button', { name: /Cursor/ });
	await expect(term).toHaveAttribute('aria-expanded', 'false');
	await expect(page.getByText(explanation)).toHaveCount(0);
	await term.focus();
	await page.keyboard.press('Enter');
	await expect(term).toHaveAttribute('aria-expanded', 'true');
	await expect(page.getByText(explanation)).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(page.getByText(explanation)).toHaveCount(0);
	await withJs.close();

	const withoutJs = await browser.newContext({ javaScriptEnabled: false });
	const plain = await withoutJs.newPage();
	await plain.goto('/de/learn/first-steps/keyboard');
	await expect(plain.locator('dfn', { hasText: 'Cursor' })).toBeVisible();
	await expect(plain.getByText(explanation)).toBeVisible();
	await expect(plain.getByRole('button', { name: /Cursor/ })).toHaveCount(0);
	await withoutJs.close();
});
