import { expect, test } from './fixtures';
import de from '../../src/lib/i18n/translations/de/learn.json' with { type: 'json' };
import deShell from '../../src/lib/i18n/translations/de/shell.json' with { type: 'json' };
import { contentCatalogue, correctAnswerForm, lessonQuizzes } from '../helpers/quiz-answers';
import { expectNoAxeViolations, LOCALES, open, PASSWORD, tabTo, uniqueUsername, BASE_URL } from './helpers';

const KEYBOARD_LESSON = '/de/learn/first-steps/keyboard';

test('a guest answers a First-steps quiz with the keyboard alone, signs up, and finds the progress in the account', async ({
	page
}) => {
	await open(page, KEYBOARD_LESSON);

	// Single choice: the Enter key (first option).
	await tabTo(page, '#quiz-enter-key input[value="0"]');
	await page.keyboard.press('Space');
	await tabTo(page, '#quiz-enter-key button[type=submit]');
	await page.keyboard.press('Enter');
	await expect(page.locator('#quiz-enter-key [role=status]')).toContainText(de.learn.quiz.correct);

	// Fill in a word.
	await tabTo(page, '#quiz-shift-key-answer');
	await page.keyboard.type('Shift');
	await page.keyboard.press('Enter');
	await expect(page.locator('#quiz-shift-key [role=status]')).toContainText(de.learn.quiz.correct);

	// Put in order: each item's place is chosen with the arrow keys, in the order they are shown.
	const selects = page.locator('#quiz-at-sign-phone select');
	for (let shown = 0; shown < (await selects.count()); shown++) {
		const select = selects.nth(shown);
		const id = await select.getAttribute('id');
		await tabTo(page, `#${id}`);
		// The field is named after the item's place in the right order (position-0 is first).
		const place = Number((await select.getAttribute('name'))!.replace('position-', ''));
		await page.keyboard.press('Home');
		for (let step = 0; step < place; step++) await page.keyboard.press('ArrowDown');
	}
	await tabTo(page, '#quiz-at-sign-phone button[type=submit]');
	await page.keyboard.press('Enter');
	await expect(page.locator('#quiz-at-sign-phone [role=status]')).toContainText(de.learn.quiz.correct);

	// Finish the lesson: every quiz is answered, so it counts as done.
	await tabTo(page, '.lesson__finish button[type=submit]');
	await page.keyboard.press('Enter');
	await expect(page.locator('.lesson__finish [role=status]')).toHaveText(de.learn.lesson.completed);

	// Sign up: the guest's progress moves into the new account.
	await open(page, '/de/signup');
	await page.locator('#field-username').fill(uniqueUsername('guest'));
	await page.locator('#field-password').fill(PASSWORD);
	await page.locator('main form button[type=submit]').click();
	await page.waitForURL('**/de/welcome?kept=*');
	// The confirmation: the account exists, the one lesson learned as a guest came along.
	await expect(page.locator('h1')).toHaveText(deShell.welcome.title);
	await expect(page.locator('main')).toContainText(deShell.welcome.kept_one.replace('{{count}}', '1'));
	await expect(page.locator('main a.button')).toBeVisible();
	expect((await page.context().cookies()).some((c) => c.name === 'lotse_progress')).toBe(false);

	await page.goto('/de/learn/first-steps');
	const item = page.locator('.course-lessons__item', { hasText: 'Die Tastatur' });
	await expect(item).toContainText(de.learn.status.completed);
	await page.goto(KEYBOARD_LESSON);
	await expect(page.locator('#quiz-enter-key [role=status]')).toContainText('100 %');
	await page.goto('/de/learn/dashboard');
	await expect(page.locator('main')).toContainText(
		de.learn.catalogue.progress_other.replace('{{done}}', '1').replace('{{count}}', '6')
	);
});

test.describe('with JavaScript turned off', () => {
	test.use({ javaScriptEnabled: false });

	test('every quiz type is graded by the server, with feedback', async ({ page }) => {
		await page.goto(KEYBOARD_LESSON);
		await page.locator('#quiz-enter-key input[value="1"]').check();
		await page.locator('#quiz-enter-key button[type=submit]').click();
		await expect(page.locator('#quiz-enter-key [role=status]')).toContainText(de.learn.quiz.notYet.split(' (')[0]!);
		await expect(page.locator('#quiz-enter-key .quiz__feedback')).toBeVisible();

		await page.locator('#quiz-shift-key-answer').fill('Umschalt');
		await page.locator('#quiz-shift-key button[type=submit]').click();
		await expect(page.locator('#quiz-shift-key [role=status]')).toContainText(de.learn.quiz.correct);

		// Put in order: the solved order is items 0,1,2,… → places 1,2,3,…
		const selects = page.locator('#quiz-at-sign-phone select');
		const count = await selects.count();
		for (let i = 0; i < count; i++) {
			await page.locator(`#quiz-at-sign-phone select[name="position-${i}"]`).selectOption(String(i + 1));
		}
		await page.locator('#quiz-at-sign-phone button[type=submit]').click();
		await expect(page.locator('#quiz-at-sign-phone [role=status]')).toContainText(de.learn.quiz.correct);

		// Multiple choice: one of the two right answers scores 50 % and names the one missed,
		// a wrong one cancels a right one (0 %), and both right ones, nothing else, are correct.
		await page.goto('/de/learn/first-steps/the-device');
		const lightning = 'Im Batterie-Zeichen erscheint ein kleiner Blitz.';
		const percentage = 'Die Prozentzahl neben der Batterie steigt langsam.';
		const brighter = 'Der Bildschirm wird heller.';
		const status = page.locator('#quiz-charging-signs [role=status]');
		async function answerMultiple(chosen: string[]) {
			const quiz = page.locator('#quiz-charging-signs');
			for (const option of [lightning, percentage, brighter]) {
				await quiz.getByLabel(option).setChecked(chosen.includes(option));
			}
			await quiz.locator('button[type=submit]').click();
		}
		await answerMultiple([lightning]);
		await expect(status).toContainText(de.learn.quiz.notYet.replace('{{score}}', '50'));
		// Feedback stands beside each option that was chosen or should have been.
		const feedback = (text: string) => page.locator('#quiz-charging-signs .quiz__feedback', { hasText: text });
		await expect(feedback('Der Blitz zeigt')).toContainText(de.learn.quiz.optionRight);
		await expect(feedback('Steigt die Zahl')).toContainText(de.learn.quiz.optionMissed);
		await answerMultiple([lightning, brighter]);
		await expect(status).toContainText(de.learn.quiz.notYet.replace('{{score}}', '0'));
		await expect(feedback('Die Helligkeit')).toContainText(de.learn.quiz.optionWrong);
		await answerMultiple([lightning, percentage]);
		await expect(status).toContainText(de.learn.quiz.correct);
		await expect(status).not.toContainText(de.learn.quiz.notYet.split(' (')[0]!);
	});

	test('an empty answer gets a message and status 400', async ({ page }) => {
		await page.goto(KEYBOARD_LESSON);
		const [response] = await Promise.all([
			page.waitForResponse((r) => r.request().method() === 'POST'),
			page.locator('#quiz-enter-key button[type=submit]').click()
		]);
		expect(response.status()).toBe(400);
		await expect(page.locator('#quiz-enter-key .field__error')).toHaveText(de.learn.quiz.noAnswer);
		// The message takes focus, and the title says something went wrong.
		await expect(page.locator('#quiz-enter-key-error')).toBeFocused();
		await expect(page).toHaveTitle(/^Fehler: /);
	});
});

test('the same lesson in Arabic renders right to left', async ({ page }) => {
	await page.goto('/ar/learn/first-steps/keyboard');
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page.locator('#lesson-text')).toHaveAttribute('lang', 'ar');
	await expect(page.locator('#lesson-text')).toHaveAttribute('dir', 'rtl');
	const text = page.locator('#lesson-text p').first();
	expect(await text.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
});

test('every lesson is offered in the reader’s language; easy German links back to the standard version', async ({
	page
}) => {
	await page.goto('/tr/learn/safe-online/strong-passwords');
	await expect(page.locator('#lesson-text')).toHaveAttribute('lang', 'tr');
	await expect(page.locator('.lesson__fallback')).toHaveCount(0);
	await page.goto('/de/learn/first-steps/keyboard?version=easy');
	await expect(page.locator('#lesson-text')).toHaveAttribute('lang', 'de');
	await expect(page.locator('a', { hasText: de.learn.lesson.standardVersion })).toBeVisible();
});

test('search and filters find lessons in the current language, also without JavaScript', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/de/learn?q=Passwort');
	await expect(page.locator('.lesson-list li').first()).toBeVisible();
	await page.goto('/de/learn?area=3&level=intermediate');
	const results = page.locator('.lesson-list li');
	expect(await results.count()).toBeGreaterThan(0);
	await page.goto('/de/learn?q=zzzzqqq');
	await expect(page.locator('main')).toContainText(de.learn.catalogue.noResults);
	await context.close();
});

test('on a phone the catalogue shows the courses first; search and filters are one tap away, without JavaScript', async ({
	browser
}) => {
	const phone = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
	const page = await phone.newPage();
	await page.goto('/de/learn');
	await expect(page.locator('#field-q')).toBeHidden();
	const firstCourse = await page.locator('.cards .card h3').first().boundingBox();
	expect(firstCourse!.y + firstCourse!.height).toBeLessThan(740);
	await page.getByText(de.learn.catalogue.searchAndFilter, { exact: true }).click();
	await expect(page.locator('#field-q')).toBeVisible();
	// A search keeps its form open, so its terms can be changed.
	await page.goto('/de/learn?q=Passwort');
	await expect(page.locator('#field-q')).toHaveValue('Passwort');
	await expect(page.locator('#field-q')).toBeVisible();
	await phone.close();

	const desktop = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
	const wide = await desktop.newPage();
	await wide.goto('/de/learn');
	await expect(wide.locator('#field-q')).toBeVisible();
	await desktop.close();
});

test('a first-time visitor finds one clear “start learning” action on the home page', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/de');
	const start = page.locator('.hero a.button');
	await expect(start).toHaveCount(1);
	await expect(start).toHaveText(deShell.home.startLearning);
	await expect(start).toHaveAttribute('href', '/de/learn');
	await context.close();
});

test('a completed course gives a certificate whose code can be verified publicly', async ({
	page,
	browser,
	signIn
}) => {
	test.setTimeout(180_000);
	await signIn();
	// Open every lesson, pass each quiz, then mark it complete: what a certificate attests.
	for (const lesson of contentCatalogue().course('first-steps')!.lessons) {
		const path = `/de/learn/${lesson.key}`;
		await expect(await page.request.get(path)).toBeOK();
		for (const quiz of lessonQuizzes(lesson.key)) {
			const answered = await page.request.post(`${path}?/answer`, {
				headers: { origin: BASE_URL, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
				data: correctAnswerForm(quiz).toString()
			});
			expect(answered.status()).toBe(200);
		}
		const response = await page.request.post(`${path}?/complete`, {
			headers: { origin: BASE_URL, accept: 'text/html' },
			form: {}
		});
		expect(response.status()).toBe(200);
	}
	await open(page, '/de/learn/first-steps/certificate');
	await page.locator('#field-holderName').fill('Ayşe Yılmaz');
	await page.locator('input[name=showName]').check();
	await page.locator('main form button[type=submit]').click();
	const code = (await page.locator('.certificate').textContent())?.match(
		/LOTSE-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}/
	)?.[0];
	expect(code).toBeTruthy();
	await expectNoAxeViolations(page);

	const stranger = await browser.newContext();
	const verify = await stranger.newPage();
	await verify.goto(`/en/verify/${code}`);
	await expect(verify.locator('main')).toContainText('This certificate is genuine.');
	await expect(verify.locator('main')).toContainText('Ayşe Yılmaz');
	await verify.goto('/en/verify/LOTSE-AAAA-BBBB-CCCC');
	await expect(verify.locator('main')).toContainText('There is no certificate with this code.');
	await stranger.close();

	for (const locale of LOCALES) {
		await page.goto(`/${locale}/learn/first-steps/certificate`);
		await expect(page.locator('.certificate')).toContainText(code!);
		await expectNoAxeViolations(page);
	}
});

// Every learning page in every language is checked by axe in accessibility.spec.ts (PAGES).

test('learning pages have zero axe violations with high contrast and after answering', async ({ page, context }) => {
	await context.addCookies([
		{ name: 'lotse_display', value: 'textSize-200.contrast-high.spacing-wide.motion-reduce', url: BASE_URL }
	]);
	await open(page, KEYBOARD_LESSON);
	await page.locator('#quiz-enter-key input[value="1"]').check();
	await page.locator('#quiz-enter-key button[type=submit]').click();
	await expect(page.locator('#quiz-enter-key .quiz__feedback')).toBeVisible();
	await expectNoAxeViolations(page);
	for (const path of ['/de/learn', '/de/learn/safe-online/recognising-phishing', '/de/learn/first-programs/loops']) {
		await page.goto(path);
		await expectNoAxeViolations(page);
	}
});
