import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import en from '../../src/lib/i18n/translations/en/shell.json' with { type: 'json' };
import { BASE_URL, PASSWORD, tabTo, uniqueUsername, open } from './helpers';

/** The whole account round trip with nothing but the keyboard. */
async function signUpSignOutSignInByKeyboard(page: Page) {
	const username = uniqueUsername('kbd');
	await page.goto('/de');

	await tabTo(page, 'a[href="/de/signup"]');
	await page.keyboard.press('Enter');
	await page.waitForURL('**/de/signup');

	await tabTo(page, '#field-username');
	await page.keyboard.type(username);
	await tabTo(page, '#field-password');
	await page.keyboard.type(PASSWORD);
	await page.keyboard.press('Enter');
	await page.waitForURL('**/de/welcome?kept=*');
	await expect(page.locator('main')).toContainText(username);

	await tabTo(page, 'header form button[type=submit]');
	await page.keyboard.press('Enter');
	await page.waitForURL('**/de/signin?signedout=1');
	await expect(page.locator('[role=status]')).toHaveText('Sie sind abgemeldet.');

	await tabTo(page, '#field-username');
	await page.keyboard.type(username);
	await tabTo(page, '#field-password');
	await page.keyboard.type(PASSWORD);
	await page.keyboard.press('Enter');
	await page.waitForURL((url) => url.pathname === '/de');
	await expect(page.locator('header')).toContainText('Konto');

	// The session is real: the account page opens.
	await page.goto('/de/account');
	await expect(page.locator('main')).toContainText(username);
}

test('sign up, sign out and sign in with the keyboard alone', async ({ page }) => {
	await signUpSignOutSignInByKeyboard(page);
});

test.describe('with JavaScript turned off', () => {
	test.use({ javaScriptEnabled: false });

	test('sign up, sign out and sign in with the keyboard alone', async ({ page }) => {
		await signUpSignOutSignInByKeyboard(page);
	});

	test('a wrong password gets one generic message and status 400', async ({ page }) => {
		await page.goto('/en/signin');
		await page.locator('#field-username').fill('nobody-here');
		await page.locator('#field-password').fill('wrong password');
		const [response] = await Promise.all([
			page.waitForResponse((r) => r.request().method() === 'POST'),
			page.locator('main button[type=submit]').click()
		]);
		expect(response.status()).toBe(400);
		await expect(page.locator('.error-summary li')).toHaveText(en.errors.signIn.invalid);
	});

	test('display settings apply on the next page, without a flash and without JavaScript', async ({ page }) => {
		await page.goto('/de/settings');
		await page.locator('input[name=textSize][value="200"]').check();
		await page.locator('input[name=contrast][value="high"]').check();
		await page.locator('main button[type=submit]').click();
		await expect(page.locator('[role=status]')).toBeVisible();
		await page.goto('/de');
		await expect(page.locator('html')).toHaveClass('text-200 contrast-high');
	});

	test('accessibility feedback can be sent', async ({ page }) => {
		await page.goto('/de/accessibility');
		await page.locator('#field-message').fill('Der Knopf „Weiter“ ist mit der Tastatur nicht erreichbar.');
		await page.locator('main form button[type=submit]').click();
		await expect(page.locator('[role=status]')).toHaveText('Danke! Ihre Meldung ist angekommen.');
	});
});

test('the account page is only for signed-in people and sends others to sign in', async ({ page }) => {
	await page.goto('/de/account');
	expect(new URL(page.url()).pathname).toBe('/de/signin');
	expect(new URL(page.url()).searchParams.get('next')).toBe('/de/account');
	// The download is for the signed-in person too: others are sent to sign in and back.
	const response = await page.request.get('/de/account/export', { maxRedirects: 0 });
	expect(response.status()).toBe(303);
	expect(response.headers().location).toBe('/de/signin?next=%2Fde%2Faccount%2Fexport');
});

test('a signed-in person can download their data and delete their account', async ({ page, signIn }) => {
	const { username } = await signIn({ locale: 'en' });
	await open(page, '/en/account');

	const download = await page.request.get('/en/account/export');
	expect(download.status()).toBe(200);
	expect(download.headers()['content-disposition']).toContain('attachment');
	const data = await download.json();
	expect(data.account.username).toBe(username);
	expect(JSON.stringify(data)).not.toContain('argon2');

	await page.locator('#field-password').fill(PASSWORD);
	await page.locator('.danger-zone button[type=submit]').click();
	await page.waitForURL((url) => url.pathname === '/en');
	await page.goto('/en/signin');
	await page.locator('#field-username').fill(username);
	await page.locator('#field-password').fill(PASSWORD);
	await page.locator('main form button[type=submit]').click();
	await expect(page.locator('.error-summary li')).toHaveText(en.errors.signIn.invalid);
});

test('session cookie is HttpOnly and SameSite=Lax', async ({ page, context }) => {
	await open(page, '/de/signup');
	await page.locator('#field-username').fill(uniqueUsername('cookie'));
	await page.locator('#field-password').fill(PASSWORD);
	await page.locator('main form button[type=submit]').click();
	await page.waitForURL('**/de/welcome?kept=*');
	const cookie = (await context.cookies()).find((c) => c.name === 'lotse_session');
	expect(cookie?.httpOnly).toBe(true);
	expect(cookie?.sameSite).toBe('Lax');
	expect(cookie?.value).toMatch(/^[a-z2-7]{24}\.[a-z2-7]{24}$/);
});

test('responses carry the security headers and a CSP without inline scripts', async ({ request }) => {
	// A page with the SvelteKit client, whose start-up script is allowed by its nonce alone.
	const response = await request.get('/de/signin');
	const headers = response.headers();
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
	expect(headers['permissions-policy']).toContain('camera=()');
	const csp = headers['content-security-policy'] ?? '';
	expect(csp).toContain("frame-ancestors 'none'");
	expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
	expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
});

test('a form posted from another site is refused (origin check)', async ({ request }) => {
	const response = await request.post('/de/signin', {
		headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
		data: 'username=a&password=b'
	});
	expect(response.status()).toBe(403);
});

test('signing out clears what this browser stored (a shared computer keeps no one’s code)', async ({
	page,
	signIn
}) => {
	await signIn();
	await page.goto('/de');
	const response = await page.request.post('/de/signout', {
		form: {},
		headers: { origin: BASE_URL, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(response.status()).toBe(303);
	expect(response.headers()['clear-site-data']).toBe('"storage"');
});
