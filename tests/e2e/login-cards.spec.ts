/**
 * Accounts for people without e-mail, in the browser: an instructor pastes names and prints
 * login cards (eight to an A4 page, nothing else on the paper); a learner signs in with a
 * card by keyboard alone and must set a password of their own first; resets give a new card.
 */
import type { Browser, Page } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { isolate } from '../../src/lib/i18n/isolate.ts';
import { createLearnerAccounts } from '../../src/lib/server/classes/learner-accounts.ts';
import { makeClass, makeMember } from '../helpers/class-factories.ts';
import { makeUser } from '../helpers/factories.ts';
import { definePageMatrix } from './axe-matrix';
import { expect, signInNewUser, test } from './fixtures';
import { expectNoAxeViolations, HIGH_CONTRAST_COOKIE, LOCALES, open, tabTo } from './helpers';

// The language loops below check eight pages each; on a busy 2-core machine that takes minutes.
test.describe.configure({ timeout: 300_000 });

const NAMES = ['Ayşe Yılmaz', 'Иван Петров', 'Łukasz Żółw', 'محمد علي', 'Jonas Becker'];
const OWN_PASSWORD = 'Leuchtturm Krabbe Deich Sturm';
// 297 mm less 2 × 10 mm of page margin, at 96 CSS pixels per inch.
const MM = 96 / 25.4;

/** Pages in a PDF: Chromium writes one "/Type /Page" object per page. */
const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;

async function createCards(page: Page, classId: string, names: readonly string[], locale = 'de') {
	await page.goto(`/${locale}/classes/${classId}/learners`);
	await page.locator('#field-names').fill(names.join('\n'));
	const [response] = await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST'),
		page.locator('main form button[type=submit]').click()
	]);
	expect(response.status()).toBe(200);
	await expect(page.locator('.login-card')).toHaveCount(names.length);
}

async function readCard(page: Page, index: number) {
	const card = page.locator('.login-card').nth(index);
	const codes = card.locator('code');
	return { username: await codes.nth(0).innerText(), password: await codes.nth(1).innerText() };
}

test('an instructor creates 5 learners and prints their cards on one A4 page', async ({ page, signIn, appDb }) => {
	const instructor = await signIn({ role: 'instructor' });
	const klass = await makeClass(appDb, { instructorId: instructor.id, courseLocale: 'de' });
	await open(page, `/de/classes/${klass.id}/learners`);
	await createCards(page, klass.id, NAMES);

	await expect(page.locator('main')).toContainText('nur auf dieser Seite');
	await expect(page.getByRole('button', { name: 'Karten drucken' })).toBeVisible();
	const first = await readCard(page, 0);
	expect(first.username).toMatch(/^ayse\.yilmaz\d*$/);
	expect(first.password).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
	await expect(page.locator('.login-card img')).toHaveCount(5);
	await page.screenshot({ path: test.info().outputPath('cards-screen.png'), fullPage: true });

	await page.emulateMedia({ media: 'print' });
	await page.screenshot({ path: test.info().outputPath('cards-print.png'), fullPage: true });
	// Nothing but the cards is printed.
	for (const selector of ['.site-header', '.site-footer', 'main h1', 'main .notice', 'main button'])
		await expect(page.locator(selector).first()).toBeHidden();
	const boxes = await page.locator('.login-card').evaluateAll((cards) =>
		cards.map((card) => {
			const box = card.getBoundingClientRect();
			return { top: box.top, bottom: box.bottom, left: box.left, width: box.width, height: box.height };
		})
	);
	const sheetTop = Math.min(...boxes.map((b) => b.top));
	for (const box of boxes) {
		expect(box.width).toBeCloseTo(95 * MM, 0);
		expect(box.height).toBeCloseTo(69 * MM, 0);
		expect(box.bottom - sheetTop).toBeLessThanOrEqual(277 * MM + 1);
	}
	// Two columns: 3 cards in the first, 2 in the second row by row.
	expect(new Set(boxes.map((b) => Math.round(b.left))).size).toBe(2);
	expect(pdfPages(await page.pdf({ format: 'A4' }))).toBe(1);
});

test('nine cards take two A4 pages', async ({ page, signIn, appDb }) => {
	const instructor = await signIn({ role: 'instructor' });
	const klass = await makeClass(appDb, { instructorId: instructor.id });
	await createCards(
		page,
		klass.id,
		Array.from({ length: 9 }, (_, i) => `Person ${i + 1}`)
	);
	await page.emulateMedia({ media: 'print' });
	expect(pdfPages(await page.pdf({ format: 'A4' }))).toBe(2);
});

test('a learner signs in with a card by keyboard alone and must set a password first', async ({ browser, appDb }) => {
	const klass = await makeClass(appDb, { courseLocale: 'de' });
	const [card] = await createLearnerAccounts(appDb, klass.instructorId, {
		classId: klass.id,
		names: ['Ayşe Yılmaz'],
		locale: 'de'
	});
	const context = await browser.newContext();
	const page = await context.newPage();
	// The card's QR code opens the sign-in page with the username filled in.
	await open(page, `/de/signin?username=${card!.username}`);
	await expect(page.locator('#field-username')).toHaveValue(card!.username);
	await page.goto('/de/signin');
	await tabTo(page, '#field-username');
	await page.keyboard.type(card!.username);
	await tabTo(page, '#field-password');
	await page.keyboard.type(card!.oneTimePassword);
	await page.keyboard.press('Enter');
	await page.waitForURL('**/de/account/new-password*');
	await expect(page.locator('h1')).toHaveText('Eigenes Passwort festlegen');

	// Every other page sends them back here until it is done.
	const elsewhere = await page.goto('/de/learn/dashboard');
	expect(new URL(page.url()).pathname).toBe('/de/account/new-password');
	expect(elsewhere?.status()).toBe(200);

	// A password the rules refuse gets its message.
	await tabTo(page, '#field-newPassword');
	await page.keyboard.type('12345678');
	await page.keyboard.press('Enter');
	await expect(page.locator('.error-summary')).toContainText('sehr oft benutzt');

	await tabTo(page, '#field-newPassword');
	await page.keyboard.press('Control+A');
	await page.keyboard.type(OWN_PASSWORD);
	await page.keyboard.press('Enter');
	await page.waitForURL((url) => url.pathname === '/de/learn/dashboard');
	const [row] = await appDb.orm.select().from(appDb.t.users).where(eq(appDb.t.users.id, card!.userId));
	expect(row!.mustChangePassword).toBe(false);
	// Now the site is open to them.
	await page.goto('/de/account');
	expect(new URL(page.url()).pathname).toBe('/de/account');
	await context.close();
});

test.describe('with JavaScript turned off', () => {
	test.use({ javaScriptEnabled: false });

	test('creating learners and resetting a password work, and too many names are refused', async ({
		page,
		signIn,
		appDb
	}) => {
		const instructor = await signIn({ role: 'instructor' });
		const klass = await makeClass(appDb, { instructorId: instructor.id, courseLocale: 'en' });

		await page.goto(`/en/classes/${klass.id}/learners`);
		await page.locator('#field-names').fill(Array.from({ length: 41 }, (_, i) => `Person ${i + 1}`).join('\n'));
		const [refused] = await Promise.all([
			page.waitForResponse((r) => r.request().method() === 'POST'),
			page.locator('main form button[type=submit]').click()
		]);
		expect(refused.status()).toBe(400);
		await expect(page.locator('.error-summary')).toContainText('at most 40 names at once (there were 41)');
		const members = await appDb.orm
			.select()
			.from(appDb.t.classMembers)
			.where(eq(appDb.t.classMembers.classId, klass.id));
		expect(members).toEqual([]);

		await createCards(page, klass.id, ['Mira Krause', 'Ali Hassan'], 'en');
		await expect(page.locator('main')).toContainText("use your browser's print function");
		const mira = await readCard(page, 0);

		await page.goto(`/en/classes/${klass.id}/learners`);
		await expect(page.locator('tbody tr')).toHaveCount(2);
		// The name sits in the sentence as isolate() puts it there (U+2068 … U+2069).
		await page.getByRole('link', { name: `Reset the password of ${isolate('Mira Krause')}` }).click();
		await expect(page.locator('h1')).toHaveText(`New password for ${isolate('Mira Krause')}`);
		await page.locator('main form button[type=submit]').click();
		await expect(page.locator('.login-card')).toHaveCount(1);
		const renewed = await readCard(page, 0);
		expect(renewed.username).toBe(mira.username);
		expect(renewed.password).not.toBe(mira.password);
	});

	test('the reset page refuses other instructors, and learners of other classes are not found', async ({
		page,
		signIn,
		appDb
	}) => {
		const instructor = await signIn({ role: 'instructor' });
		const klass = await makeClass(appDb, { instructorId: instructor.id });
		const colleague = await makeUser(appDb, { role: 'instructor' });
		await makeMember(appDb, klass.id, colleague.id);
		const other = await makeClass(appDb);
		const stranger = await makeUser(appDb);
		await makeMember(appDb, other.id, stranger.id);

		const refused = await page.goto(`/en/classes/${klass.id}/learners/${colleague.id}/reset`);
		expect(refused?.status()).toBe(403);
		const hidden = await page.goto(`/en/classes/${klass.id}/learners/${stranger.id}/reset`);
		expect(hidden?.status()).toBe(404);
		const notMine = await page.goto(`/en/classes/${other.id}/learners`);
		expect(notMine?.status()).toBe(404);
	});
});

async function cardsInEveryLocale(browser: Browser, appDb: Parameters<typeof makeClass>[0], high: boolean) {
	const context = await browser.newContext();
	const page = await context.newPage();
	const instructor = await signInNewUser(appDb, context, { role: 'instructor' });
	if (high) await context.addCookies([HIGH_CONTRAST_COOKIE]);
	for (const locale of LOCALES) {
		const klass = await makeClass(appDb, { instructorId: instructor.id, courseLocale: locale });
		await open(page, `/${locale}/classes/${klass.id}/learners`);
		await createCards(page, klass.id, ['محمد علي', 'Ayşe Yılmaz'], locale);
		await expect(page.locator('.login-sheet')).toHaveAttribute('lang', locale);
		await expect(page.locator('.login-sheet')).toHaveAttribute(
			'dir',
			locale === 'ar' || locale === 'fa' ? 'rtl' : 'ltr'
		);
		await expectNoAxeViolations(page, { rules: high ? 'contrast' : 'wcag', soft: true });
		if (!high && (locale === 'de' || locale === 'ar')) {
			// For people to look at: the cards on screen and on paper.
			await page.screenshot({ path: test.info().outputPath(`cards-${locale}-screen.png`), fullPage: true });
			await page.emulateMedia({ media: 'print' });
			await page.screenshot({ path: test.info().outputPath(`cards-${locale}-print.png`), fullPage: true });
			await page.emulateMedia({ media: 'screen' });
		}
	}
	await context.close();
}

test('login cards in every language, normal contrast: zero axe violations', async ({ browser, appDb }) => {
	await cardsInEveryLocale(browser, appDb, false);
});

test('login cards in every language, high contrast: zero axe violations', async ({ browser, appDb }) => {
	await cardsInEveryLocale(browser, appDb, true);
});

definePageMatrix([
	{
		name: '/classes/<id>/learners',
		who: 'instructor',
		path: async (db, visitor) => {
			const klass = await makeClass(db, { instructorId: visitor!.id });
			await createLearnerAccounts(db, klass.instructorId, {
				classId: klass.id,
				names: ['Ayşe Yılmaz', 'محمد علي'],
				locale: 'de'
			});
			return `/classes/${klass.id}/learners`;
		}
	},
	{
		name: '/classes/<id>/learners (empty)',
		who: 'instructor',
		path: async (db, visitor) => `/classes/${(await makeClass(db, { instructorId: visitor!.id })).id}/learners`
	},
	{
		name: '/classes/<id>/learners/<learner>/reset',
		who: 'instructor',
		path: async (db, visitor) => {
			const klass = await makeClass(db, { instructorId: visitor!.id });
			const [learner] = await createLearnerAccounts(db, klass.instructorId, {
				classId: klass.id,
				names: ['محمد علي'],
				locale: 'ar'
			});
			return `/classes/${klass.id}/learners/${learner!.userId}/reset`;
		}
	},
	{
		name: '/account/new-password',
		who: 'learner',
		path: async (db, visitor) => {
			await db.orm.update(db.t.users).set({ mustChangePassword: true }).where(eq(db.t.users.id, visitor!.id));
			return '/account/new-password';
		}
	}
]);
