/**
 * Classes in the browser: an instructor makes one by keyboard and gets its code and QR code;
 * a learner joins a second class by code with the keyboard alone and finds its assignment
 * first on the home page; a guest joins with JavaScript off by making an account on the spot.
 */
import de from '../../src/lib/i18n/translations/de/classes.json' with { type: 'json' };
import deLearn from '../../src/lib/i18n/translations/de/learn.json' with { type: 'json' };
import en from '../../src/lib/i18n/translations/en/classes.json' with { type: 'json' };
import { listJoinedClasses, listTaughtClasses } from '../../src/lib/server/classes/listing.ts';
import { archiveClass } from '../../src/lib/server/classes/class-settings.ts';
import { JOIN_TRIES_PER_PERSON } from '../../src/lib/server/classes/join-limit.ts';
import { findUserByUsername } from '../../src/lib/server/auth/account.ts';
import { makeAssignment, makeClass, makeMember } from '../helpers/class-factories.ts';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { BASE_URL, open, PASSWORD, tabTo, uniqueUsername } from './helpers';

test('an instructor creates a class with the keyboard alone and gets its join code and QR code', async ({
	page,
	signIn,
	appDb
}) => {
	const instructor = await signIn({ role: 'instructor' });
	await open(page, '/de/classes');
	await tabTo(page, 'main a[href="/de/classes/new"]');
	await page.keyboard.press('Enter');
	await page.waitForURL('**/de/classes/new');

	await tabTo(page, '#field-name');
	await page.keyboard.type('Tastaturkurs Dienstag');
	await page.keyboard.press('Tab');
	await expect(page.locator('#field-schedule')).toBeFocused();
	await page.keyboard.type('dienstags 10–12, Raum 3');
	await tabTo(page, 'main button[type=submit]');
	await page.keyboard.press('Enter');
	await page.waitForURL(/\/de\/classes\/[^/?]+\?created=1$/);

	await expect(page.locator('h1')).toHaveText('Tastaturkurs Dienstag');
	await expect(page.getByRole('status')).toHaveText(de.classes.overview.done.created);
	const [made] = await listTaughtClasses(appDb, instructor.id);
	expect(made?.class).toMatchObject({ name: 'Tastaturkurs Dienstag', schedule: 'dienstags 10–12, Raum 3' });
	expect(made?.role).toBe('owner');
	// The code in two groups of three, and the QR code with its link as text.
	const code = made!.class.joinCode;
	await expect(page.locator('.join__group')).toHaveText([code.slice(0, 3), code.slice(3)]);
	const qr = page.getByRole('img', { name: /QR-Code/ });
	await expect(qr.locator('svg')).toHaveCount(1);
	await expect(page.locator('#qr-caption')).toContainText(`/de/classes/join?code=${code}`);
});

test('a learner joins a second class by code with the keyboard alone and sees its assignment first', async ({
	page,
	signIn,
	appDb
}) => {
	const learner = await signIn();
	const first = await makeClass(appDb, { name: 'Erste Gruppe' });
	await makeMember(appDb, first.id, learner.id);
	const second = await makeClass(appDb, { name: 'Zweite Gruppe' });
	await makeAssignment(appDb, second.id, 'safe-online/strong-passwords', {
		dueAt: new Date(Date.now() - 24 * 60 * 60 * 1000),
		note: 'Bitte bis Montag'
	});

	await open(page, '/de/classes');
	await expect(page.locator('main')).toContainText('Erste Gruppe');
	await tabTo(page, '#field-code');
	// Typed the way people type a code from the board: lower case, with a space.
	await page.keyboard.type(`${second.joinCode.slice(0, 3).toLowerCase()} ${second.joinCode.slice(3)}`);
	await page.keyboard.press('Enter');
	await page.waitForURL(`**/de/classes?joined=${second.id}`);
	await expect(page.getByRole('status')).toContainText('Zweite Gruppe');
	expect((await listJoinedClasses(appDb, learner.id)).map((row) => row.id).sort()).toEqual(
		[first.id, second.id].sort()
	);

	await open(page, '/de');
	const section = page.getByRole('region', { name: deLearn.learn.assignments.title });
	await expect(section.getByRole('listitem').first()).toContainText(deLearn.learn.assignments.status.overdue);
	await expect(section.getByRole('listitem').first()).toContainText('Bitte bis Montag');
	await expect(section.getByRole('link').first()).toHaveAttribute('href', '/de/learn/safe-online/strong-passwords');
});

/** Types a code into the join page's form and sends it; the answer to the form. */
async function submitCode(page: Page, code: string) {
	await page.goto('/en/classes/join');
	await page.locator('#field-code').fill(code);
	const [response] = await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST'),
		page.getByRole('button', { name: en.classes.join.submit }).click()
	]);
	return response;
}

test.describe('with JavaScript turned off', () => {
	test.use({ javaScriptEnabled: false });

	test('a guest opens the join link, makes an account on the spot and is in the class', async ({ page, appDb }) => {
		const made = await makeClass(appDb, { name: 'Abendkurs' });
		const username = uniqueUsername('join');
		await page.goto(`/en/classes/join?code=${made.joinCode}`);
		await expect(page.getByRole('heading', { name: en.classes.join.newAccountTitle })).toBeVisible();
		await page.locator('#field-username').fill(username);
		await page.locator('#field-password').fill(PASSWORD);
		await page.getByRole('button', { name: en.classes.join.createAndJoin }).click();
		await page.waitForURL(`**/en/classes?joined=${made.id}`);
		await expect(page.getByRole('status')).toContainText('Abendkurs');
		const account = await findUserByUsername(appDb, username);
		expect((await listJoinedClasses(appDb, account!.id)).map((row) => row.id)).toEqual([made.id]);
	});

	test('a signed-in learner is refused an archived class’s code with its own message', async ({
		page,
		signIn,
		appDb
	}) => {
		const learner = await signIn();
		const made = await makeClass(appDb);
		await archiveClass(appDb, made.instructorId, made.id);
		const response = await submitCode(page, made.joinCode);
		expect(response.status()).toBe(400);
		await expect(page.locator('.error-summary')).toContainText(en.classes.errors.codeArchived);
		expect(await listJoinedClasses(appDb, learner.id)).toEqual([]);
	});

	test('a signed-in learner who tried too many wrong codes is refused with 429 and told when to try again', async ({
		page,
		signIn,
		appDb
	}) => {
		const learner = await signIn();
		const made = await makeClass(appDb);
		// The wrong tries, sent as the form sends them, in this person's session.
		for (let i = 0; i < JOIN_TRIES_PER_PERSON.limit; i++) {
			const response = await page.request.post('/en/classes/join?/join', {
				headers: { origin: BASE_URL, accept: 'text/html' },
				form: { code: `WRONG${i}` },
				maxRedirects: 0
			});
			expect(response.status()).toBe(400);
		}
		// Then the right code, typed into the form.
		const response = await submitCode(page, made.joinCode);
		expect(response.status()).toBe(429);
		await expect(page.locator('.error-summary')).toContainText('You have tried very many codes in a short time.');
		await expect(page.locator('#field-code-error')).toHaveText(
			/^You have tried very many codes in a short time\. Please try again at .+ \(in about \d+ minutes\)\.$/
		);
		expect(await listJoinedClasses(appDb, learner.id)).toEqual([]);
	});
});
