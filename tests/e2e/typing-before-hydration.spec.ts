/**
 * On a slow connection the form is on screen before the page's script has arrived. What a
 * person types or chooses in that time must still be there once the script has taken over:
 * Svelte hydrates the page, and a field whose value is set (not bound) would be overwritten.
 */
import type { Page } from '@playwright/test';
import { expect, signInNewUser, test } from './fixtures';

/** Opens `path` with the app's scripts held back until `release` is called. */
async function openWithScriptsHeld(page: Page, path: string): Promise<() => Promise<void>> {
	let release!: () => void;
	const released = new Promise<void>((resolve) => (release = resolve));
	await page.route(/\/_app\/immutable\/.*\.js$/, async (route) => {
		await released;
		await route.continue();
	});
	await page.goto(path, { waitUntil: 'commit' });
	await page.locator('main form').first().waitFor();
	expect(await page.locator('html[data-hydrated]').count(), 'the script is held back').toBe(0);
	return async () => {
		release();
		await page.waitForSelector('html[data-hydrated]', { state: 'attached' });
	};
}

const TEXT_FIELDS =
	'main input:is([type=text], [type=search], [type=email], [type=password], :not([type])), main textarea';

/** Types into every text field and picks the last choice of every radio group in the page's main part. */
async function typeEverywhere(page: Page): Promise<{ texts: number; radios: string[] }> {
	const fields = page.locator(TEXT_FIELDS);
	const texts = await fields.count();
	for (let i = 0; i < texts; i++) await fields.nth(i).fill(`typed early ${i}`);
	const groups = await page
		.locator('main input[type=radio]')
		.evaluateAll((radios) => [...new Set(radios.map((radio) => (radio as HTMLInputElement).name))]);
	for (const group of groups) await page.locator(`main input[type=radio][name="${group}"]`).last().check();
	return { texts, radios: groups };
}

async function expectStillTyped(page: Page, typed: { texts: number; radios: string[] }): Promise<void> {
	const fields = page.locator(TEXT_FIELDS);
	for (let i = 0; i < typed.texts; i++) await expect(fields.nth(i)).toHaveValue(`typed early ${i}`);
	for (const group of typed.radios) {
		await expect(page.locator(`main input[type=radio][name="${group}"]`).last()).toBeChecked();
	}
}

const PUBLIC_FORMS = [
	'/de/signup',
	'/de/signin',
	'/de/recover',
	'/de/settings',
	'/de/accessibility',
	'/de/classes/join'
];

for (const path of PUBLIC_FORMS) {
	test(`${path}: what is typed before the script has loaded is kept`, async ({ page }) => {
		const hydrate = await openWithScriptsHeld(page, path);
		const typed = await typeEverywhere(page);
		expect(typed.texts + typed.radios.length, 'the page has something to type into').toBeGreaterThan(0);
		await hydrate();
		await expectStillTyped(page, typed);
	});
}

test('the admin people search keeps what was typed and chosen before the script has loaded', async ({
	page,
	context,
	appDb
}) => {
	await signInNewUser(appDb, context, { role: 'admin' });
	const hydrate = await openWithScriptsHeld(page, '/de/admin/people');
	const typed = await typeEverywhere(page);
	expect(typed.radios).toEqual(['match']);
	await hydrate();
	await expectStillTyped(page, typed);
});

test('a new class keeps what the instructor typed before the script has loaded', async ({ page, context, appDb }) => {
	await signInNewUser(appDb, context, { role: 'instructor' });
	const hydrate = await openWithScriptsHeld(page, '/de/classes/new');
	const typed = await typeEverywhere(page);
	expect(typed.texts).toBeGreaterThanOrEqual(2);
	await hydrate();
	await expectStillTyped(page, typed);
});
