import type { Browser, BrowserContext, Page } from '@playwright/test';
import type { Db } from '../../src/lib/server/db/database.ts';
import { makeAttempt, makeProgress } from '../helpers/factories.ts';
import { expect, signInNewUser, test } from './fixtures';
import { BASE_URL, expectNoAxeViolations, HIGH_CONTRAST_COOKIE, LOCALES, open, type Contrast } from './helpers';

/**
 * Every page in every language, checked by axe: in normal contrast against all of WCAG 2.2
 * A/AA (WCAG_TAGS), in high contrast against the rules contrast can change
 * (HIGH_CONTRAST_RULES). Adding a page is one line in PAGES.
 *
 * One browser page per worker and kind of visitor is reused for the whole matrix: a fresh
 * context per check cost more than the navigation itself and checked nothing more.
 */
type Who = 'guest' | 'learner';
interface MatrixPage {
	path: string;
	who?: Who;
	locales?: readonly (typeof LOCALES)[number][];
}

const PAGES: MatrixPage[] = [
	// The shell
	{ path: '' },
	{ path: '/participate' },
	{ path: '/classes' },
	{ path: '/signin' },
	{ path: '/signup' },
	{ path: '/settings' },
	{ path: '/accessibility' },
	{ path: '/easy' },
	{ path: '/privacy' },
	{ path: '/no-such-page' },
	{ path: '/account', who: 'learner' },
	// Learning: lessons chosen so that every quiz type, every simulation and a code exercise are checked.
	{ path: '/learn' },
	{ path: '/learn?q=a' },
	{ path: '/learn/first-steps' },
	{ path: '/learn/first-steps/keyboard' },
	{ path: '/learn/first-steps/the-device' },
	{ path: '/learn/safe-online/recognising-phishing' },
	{ path: '/learn/safe-online/online-id' },
	{ path: '/learn/safe-online/city-online-services' },
	{ path: '/learn/first-programs/values-and-variables' },
	{ path: '/learn/first-programs/first-web-page' },
	{ path: '/learn/first-steps/self-check?phase=before' },
	{ path: '/learn/dashboard' },
	{ path: '/learn/dashboard', who: 'learner' },
	{ path: '/verify' }
];

/** One context and page per kind of visitor, made once per worker. */
class Visitors {
	private readonly pages = new Map<Who, Promise<{ context: BrowserContext; page: Page }>>();

	constructor(
		private readonly browser: Browser,
		private readonly db: Db
	) {}

	page(who: Who): Promise<{ context: BrowserContext; page: Page }> {
		let entry = this.pages.get(who);
		if (!entry) {
			entry = this.create();
			this.pages.set(who, entry);
		}
		return entry;
	}

	private async create() {
		const context = await this.browser.newContext();
		const page = await context.newPage();
		return { context, page };
	}

	/** A learner with some progress, so the dashboard shows what it shows to people who learn. */
	async signInLearner(context: BrowserContext): Promise<void> {
		const db = this.db;
		const user = await signInNewUser(db, context);
		await makeProgress(db, user.id, 'first-steps/keyboard', 'completed');
		await makeProgress(db, user.id, 'first-steps/the-device', 'started');
		await makeAttempt(db, { userId: user.id, lessonKey: 'first-steps/keyboard', quizId: 'enter-key', score: 100 });
	}

	async close(): Promise<void> {
		for (const entry of this.pages.values()) await (await entry).context.close();
	}
}

const matrix = test.extend<object, { visitors: Visitors }>({
	visitors: [
		async ({ browser, appDb }, use) => {
			const visitors = new Visitors(browser, appDb);
			await use(visitors);
			await visitors.close();
		},
		{ scope: 'worker' }
	]
});

for (const { path, who = 'guest', locales = LOCALES } of PAGES) {
	for (const contrast of ['normal', 'high'] as const satisfies readonly Contrast[]) {
		matrix(
			`${who} ${path || '/'} in ${locales.length} languages, ${contrast} contrast: zero axe violations, one h1, right lang`,
			async ({ visitors }) => {
				const { context, page } = await visitors.page(who);
				// Each row starts from the same state whatever ran before it in this worker.
				await context.clearCookies();
				if (who === 'learner') await visitors.signInLearner(context);
				if (contrast === 'high') await context.addCookies([HIGH_CONTRAST_COOKIE]);
				for (const locale of locales) {
					const url = `/${locale}${path}`;
					await page.goto(url);
					await expect.soft(page.locator('h1'), url).toHaveCount(1);
					await expect.soft(page.locator('html'), url).toHaveAttribute('lang', locale);
					if (contrast === 'high') await expect.soft(page.locator('html'), url).toHaveClass(/contrast-high/);
					await expectNoAxeViolations(page, { rules: contrast === 'high' ? 'contrast' : 'wcag', soft: true });
				}
			}
		);
	}
}

test('the 404 page answers with status 404 and a translated message', async ({ page }) => {
	const response = await page.goto('/en/no-such-page');
	expect(response?.status()).toBe(404);
	await expect(page.locator('h1')).toHaveText('Something went wrong');
});

test('forms show their errors accessibly: summary, linked fields, aria-invalid', async ({ page }) => {
	await open(page, '/de/signup');
	await page.locator('#field-username').fill('a b');
	await page.locator('form.stack button[type=submit]').click();
	const summary = page.locator('.error-summary');
	await expect(summary).toBeVisible();
	await expect(summary).toBeFocused();
	await expect(page.locator('#field-username')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.locator('#field-username')).toHaveAttribute('aria-describedby', /field-username-error/);
	await expectNoAxeViolations(page);
});

test('text enlarged to 200 % still fits a phone screen without sideways scrolling', async ({ browser }) => {
	const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
	await context.addCookies([
		{ name: 'lotse_display', value: 'textSize-200.contrast-normal.spacing-wide.motion-reduce', url: BASE_URL }
	]);
	const page = await context.newPage();
	const lessons = [
		'first-steps/keyboard',
		'safe-online/recognising-phishing',
		'safe-online/online-id',
		'safe-online/city-online-services',
		'first-programs/loops'
	];
	const learning = [
		'/de/learn',
		'/de/learn/first-steps',
		...lessons.map((lesson) => `/de/learn/${lesson}`),
		'/ar/learn/first-steps/keyboard'
	];
	for (const path of ['/de', '/de/signup', '/ar/accessibility', '/de/settings', ...learning]) {
		await page.goto(path);
		// With JavaScript: lesson islands replace their server-rendered versions.
		await page.waitForSelector('html[data-hydrated]', { state: 'attached' });
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
	}
	await context.close();
});

test('no request leaves the origin (fonts, scripts and styles are served by Lotse)', async ({ page }) => {
	const foreign: string[] = [];
	page.on('request', (request) => {
		const url = new URL(request.url());
		if (url.origin !== BASE_URL && url.protocol !== 'data:' && url.protocol !== 'blob:') foreign.push(request.url());
	});
	for (const path of ['/de', '/ar', '/uk/signup', '/en/settings']) await page.goto(path, { waitUntil: 'networkidle' });
	expect(foreign).toEqual([]);
});
