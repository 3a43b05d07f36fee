import { expect, test } from '@playwright/test';
import { open } from './helpers';

test('"/" goes to the language the browser asks for', async ({ browser }) => {
	const context = await browser.newContext({
		locale: 'uk-UA',
		extraHTTPHeaders: { 'Accept-Language': 'uk-UA,uk;q=0.9,en;q=0.5' }
	});
	const page = await context.newPage();
	await page.goto('/');
	expect(new URL(page.url()).pathname).toBe('/uk');
	await context.close();
});

test('"/" prefers the language chosen before over the browser language', async ({ page }) => {
	await page.setExtraHTTPHeaders({ 'Accept-Language': 'en' });
	await page.goto('/tr/privacy');
	await page.goto('/');
	expect(new URL(page.url()).pathname).toBe('/tr');
});

test('falls back to German when nothing matches', async ({ browser }) => {
	const context = await browser.newContext({ locale: 'ja-JP' });
	const page = await context.newPage();
	await page.goto('/');
	expect(new URL(page.url()).pathname).toBe('/de');
	await context.close();
});

for (const locale of ['ar', 'fa']) {
	test(`${locale} pages are right-to-left in the server HTML and mirrored on screen`, async ({ page, request }) => {
		const html = await (await request.get(`/${locale}/signin`)).text();
		expect(html).toMatch(new RegExp(`<html lang="${locale}" dir="rtl"`));
		await page.goto(`/${locale}`);
		await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
		const viewport = page.viewportSize()!;
		const brand = await page.locator('.brand').boundingBox();
		const switcher = await page.locator('.language-switcher summary').boundingBox();
		// The brand starts on the right, the language switcher sits on the left.
		expect(brand!.x).toBeGreaterThan(viewport.width / 2);
		expect(switcher!.x).toBeLessThan(viewport.width / 2);
	});
}

test('German and other left-to-right pages say dir="ltr"', async ({ request }) => {
	for (const locale of ['de', 'en', 'tr', 'uk', 'ru', 'pl']) {
		const html = await (await request.get(`/${locale}`)).text();
		expect(html, locale).toMatch(new RegExp(`<html lang="${locale}" dir="ltr"`));
	}
});

test('the language switcher keeps the current page and opens with the keyboard', async ({ page }) => {
	await open(page, '/de/privacy');
	await page.locator('.language-switcher summary').focus();
	await page.keyboard.press('Enter');
	const english = page.locator('.language-switcher a[lang="en"]');
	await expect(english).toBeVisible();
	await expect(page.locator('.language-switcher a[aria-current="true"]')).toHaveAttribute('lang', 'de');
	await english.focus();
	await page.keyboard.press('Enter');
	await page.waitForURL('**/en/privacy');
	await expect(page.locator('h1')).toHaveText('Privacy');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
