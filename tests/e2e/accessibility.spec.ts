import { expect, test } from './fixtures';
import { definePageMatrix, type MatrixPage } from './axe-matrix';
import { BASE_URL, expectNoAxeViolations, open, scriptsSettled } from './helpers';

/** The shell and learning pages; each area's pages are in its own accessibility-<area>.spec.ts. */
const PAGES: MatrixPage[] = [
	// The shell
	{ path: '' },
	{ path: '/classes' },
	{ path: '/signin' },
	{ path: '/signup' },
	{ path: '/recover' },
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
	{ path: '/welcome?kept=2', who: 'learner' },
	{ path: '/verify' }
];

definePageMatrix(PAGES);

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
		await scriptsSettled(page);
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
