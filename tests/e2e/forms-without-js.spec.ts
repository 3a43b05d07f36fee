/**
 * What happens after a form, without JavaScript (and with it): answers, "done" and settings
 * are sent once (post/redirect/get), so a reload or the back button sends nothing again;
 * the page after the redirect shows the feedback and applies the new settings; a refused
 * form says "Error:" in the title, puts focus on the error summary and names each field.
 */
import { and, eq } from 'drizzle-orm';
import { expect, signInNewUser, test } from './fixtures';
import deLearn from '../../src/lib/i18n/translations/de/learn.json' with { type: 'json' };
import deShell from '../../src/lib/i18n/translations/de/shell.json' with { type: 'json' };
import enShell from '../../src/lib/i18n/translations/en/shell.json' with { type: 'json' };
import { PASSWORD, uniqueUsername } from './helpers';

const LESSON = '/de/learn/first-steps/keyboard';

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('reloading the page after answering a quiz records one attempt, and still shows the feedback', async ({
		page,
		context,
		appDb
	}) => {
		const user = await signInNewUser(appDb, context);
		const attempts = async () => {
			const t = appDb.t.quizAttempts;
			return (
				await appDb.orm
					.select()
					.from(t)
					.where(and(eq(t.userId, user.id), eq(t.quizId, 'enter-key')))
			).length;
		};
		await page.goto(LESSON);
		await page.locator('#quiz-enter-key input[value="0"]').check();
		const [answer] = await Promise.all([
			page.waitForResponse((r) => r.request().method() === 'POST'),
			page.locator('#quiz-enter-key button[type=submit]').click()
		]);
		expect(answer.status()).toBe(303);
		const status = page.locator('#quiz-enter-key [role=status]');
		await expect(status).toContainText(deLearn.learn.quiz.correct);
		await expect(page.locator('#quiz-enter-key input[value="0"]')).toBeChecked();
		expect(await attempts()).toBe(1);

		const reloaded = await page.reload();
		expect(reloaded?.request().method()).toBe('GET');
		await expect(status).toContainText(deLearn.learn.quiz.correct);
		await expect(page.locator('#quiz-enter-key .quiz__feedback')).toBeVisible();
		expect(await attempts()).toBe(1);

		await page.goBack();
		await page.goForward();
		await expect(status).toContainText(deLearn.learn.quiz.correct);
		expect(await attempts()).toBe(1);
	});

	test('a guest’s feedback page is not kept for other guests', async ({ page, browser }) => {
		await page.goto(LESSON);
		await page.locator('#quiz-enter-key input[value="1"]').check();
		await page.locator('#quiz-enter-key button[type=submit]').click();
		await expect(page.locator('#quiz-enter-key .quiz__feedback')).toBeVisible();
		expect(new URL(page.url()).searchParams.get('answered')).toBe('enter-key');

		const stranger = await browser.newContext({ javaScriptEnabled: false });
		const other = await stranger.newPage();
		for (let i = 0; i < 2; i++) {
			const response = await other.goto(LESSON);
			expect(response?.status()).toBe(200);
			await expect(other.locator('.quiz__feedback')).toHaveCount(0);
			await expect(other.locator('#quiz-enter-key [role=status]')).toBeEmpty();
		}
		await stranger.close();
	});

	test('marking a lesson done is sent once; the page after it says so', async ({ page, context, appDb }) => {
		await signInNewUser(appDb, context);
		await page.goto(LESSON);
		await page.locator('#quiz-enter-key input[value="0"]').check();
		await page.locator('#quiz-enter-key button[type=submit]').click();
		await page.locator('#quiz-shift-key-answer').fill('Shift');
		await page.locator('#quiz-shift-key button[type=submit]').click();
		const selects = page.locator('#quiz-at-sign-phone select');
		for (let i = 0; i < (await selects.count()); i++) {
			await page.locator(`#quiz-at-sign-phone select[name="position-${i}"]`).selectOption(String(i + 1));
		}
		await page.locator('#quiz-at-sign-phone button[type=submit]').click();
		const [done] = await Promise.all([
			page.waitForResponse((r) => r.request().method() === 'POST'),
			page.locator('.lesson__finish button[type=submit]').click()
		]);
		expect(done.status()).toBe(303);
		await expect(page.locator('.lesson__finish [role=status]')).toHaveText(deLearn.learn.lesson.completed);
		const reloaded = await page.reload();
		expect(reloaded?.request().method()).toBe('GET');
		await expect(page.locator('.lesson__finish [role=status]')).toHaveText(deLearn.learn.lesson.completed);
	});

	test('saved display settings apply on the page that confirms them', async ({ page }) => {
		await page.goto('/de/settings');
		await page.locator('input[name=textSize][value="200"]').check();
		await page.locator('input[name=contrast][value="high"]').check();
		await page.locator('main button[type=submit]').click();
		await expect(page.locator('[role=status]')).toHaveText(deShell.display.saved);
		await expect(page.locator('html')).toHaveClass('text-200 contrast-high');
		await expect(page.locator('input[name=textSize][value="200"]')).toBeChecked();
		const reloaded = await page.reload();
		expect(reloaded?.request().method()).toBe('GET');
		await expect(page.locator('html')).toHaveClass('text-200 contrast-high');
	});

	test('a refused sign-in says "Fehler:" in the title and puts focus on the error summary', async ({ page }) => {
		await page.goto('/de/signin');
		await page.locator('#field-username').fill('nobody-here');
		await page.locator('#field-password').fill('wrong password');
		await page.locator('main button[type=submit]').click();
		await expect(page).toHaveTitle(
			new RegExp(`^${deShell.auth.errorTitle.replace('{{title}}', deShell.auth.signInTitle)} – `)
		);
		await expect(page.locator('.error-summary')).toBeFocused();
		await expect(page.locator('.error-summary li')).toHaveText(deShell.errors.signIn.invalid);
	});

	test('a refused sign-up says "Error:" in the title, focuses the summary and names the field', async ({ page }) => {
		await page.goto('/en/signup');
		await page.locator('#field-username').fill('a b');
		await page.locator('#field-password').fill(PASSWORD);
		await page.locator('main button[type=submit]').click();
		await expect(page).toHaveTitle(/^Error: /);
		await expect(page).toHaveTitle(new RegExp(enShell.auth.signUpTitle));
		const summary = page.locator('.error-summary');
		await expect(summary).toBeFocused();
		const entry = summary.locator('li a[href="#field-username"]');
		await expect(entry).toHaveText(new RegExp(`^${enShell.auth.username}: `));
	});

	test('after sign-up, a confirmation says the account exists and leads on to learning', async ({ page }) => {
		const username = uniqueUsername('welcome');
		await page.goto('/de/signup');
		await page.locator('#field-username').fill(username);
		await page.locator('#field-password').fill(PASSWORD);
		await page.locator('main button[type=submit]').click();
		await page.waitForURL('**/de/welcome?kept=0');
		await expect(page.locator('h1')).toHaveText(deShell.welcome.title);
		await expect(page.locator('[role=status]')).toContainText(username);
		await expect(page.locator('main')).toContainText(deShell.welcome.keptNone);
		await expect(page.locator('main a.button')).toHaveAttribute('href', '/de/learn');
		// A way back without e-mail is offered right away: the code, shown once on the account page.
		await page.getByRole('button', { name: deShell.recovery.create }).click();
		await page.waitForURL('**/de/account?/recoveryCode');
		await expect(page.locator('.recovery-code__code')).toHaveText(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
	});
});

test.describe('with JavaScript', () => {
	test('a refused sign-in says "Fehler:" in the title and puts focus on the error summary', async ({ page }) => {
		await page.goto('/de/signin');
		await page.waitForSelector('html[data-hydrated]', { state: 'attached' });
		await page.locator('#field-username').fill('nobody-here');
		await page.locator('#field-password').fill('wrong password');
		await page.locator('main button[type=submit]').click();
		await expect(page.locator('.error-summary')).toBeFocused();
		await expect(page).toHaveTitle(/^Fehler: /);
	});

	test('saved display settings apply on the page that confirms them', async ({ page }) => {
		await page.goto('/de/settings');
		await page.waitForSelector('html[data-hydrated]', { state: 'attached' });
		await page.locator('input[name=textSize][value="150"]').check();
		await page.locator('main button[type=submit]').click();
		await expect(page.locator('[role=status]')).toHaveText(deShell.display.saved);
		await expect(page.locator('html')).toHaveClass('text-150');
	});

	test('answering a quiz in the background records one attempt; a reload records none', async ({
		page,
		context,
		appDb
	}) => {
		const user = await signInNewUser(appDb, context);
		const t = appDb.t.quizAttempts;
		const attempts = async () => (await appDb.orm.select().from(t).where(eq(t.userId, user.id))).length;
		await page.goto(LESSON);
		await page.waitForSelector('html[data-hydrated]', { state: 'attached' });
		await page.locator('#quiz-enter-key input[value="0"]').check();
		await page.locator('#quiz-enter-key button[type=submit]').click();
		await expect(page.locator('#quiz-enter-key [role=status]')).toContainText(deLearn.learn.quiz.correct);
		// Sent in the background: the page itself did not change its address.
		expect(new URL(page.url()).pathname).toBe(LESSON);
		expect(await attempts()).toBe(1);
		await page.reload();
		expect(await attempts()).toBe(1);
	});
});
