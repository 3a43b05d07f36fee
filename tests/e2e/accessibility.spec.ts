import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, LOCALES, signUp, open, BASE_URL } from './helpers';

// Every page of the shell, in every language, with normal and with high contrast.
const PUBLIC_PAGES = [
	'',
	'/learn',
	'/participate',
	'/classes',
	'/signin',
	'/signup',
	'/settings',
	'/accessibility',
	'/easy',
	'/privacy',
	'/no-such-page'
];

for (const contrast of ['normal', 'high'] as const) {
	test.describe(`${contrast} contrast`, () => {
		test.beforeEach(async ({ context }) => {
			if (contrast === 'high') {
				await context.addCookies([
					{ name: 'lotse_display', value: 'textSize-100.contrast-high.spacing-normal.motion-normal', url: BASE_URL }
				]);
			}
		});

		for (const locale of LOCALES) {
			for (const path of PUBLIC_PAGES) {
				test(`${locale}${path || '/'}: zero axe violations, one h1, right lang`, async ({ page }) => {
					await page.goto(`/${locale}${path}`);
					await expect(page.locator('h1')).toHaveCount(1);
					await expect(page.locator('html')).toHaveAttribute('lang', locale);
					if (contrast === 'high') await expect(page.locator('html')).toHaveClass(/contrast-high/);
					await expectNoAxeViolations(page);
				});
			}

			test(`${locale}: the account page has zero axe violations`, async ({ page }) => {
				await signUp(page, undefined, locale);
				await expectNoAxeViolations(page);
			});
		}
	});
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
