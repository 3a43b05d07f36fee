/**
 * The lesson studio in the browser, without JavaScript: an instructor writes a lesson, is
 * shown its problems next to their fields, fixes them, previews it and publishes it to their
 * class; a learner of that class finds it in the catalogue, answers its quiz and completes it.
 * What the instructor typed as HTML reaches the learner as text.
 */
import { and, eq } from 'drizzle-orm';
import { expect, signInNewUser, test } from './fixtures';
import deLearn from '../../src/lib/i18n/translations/de/learn.json' with { type: 'json' };
import deClasses from '../../src/lib/i18n/translations/de/classes.json' with { type: 'json' };
import deStudio from '../../src/lib/i18n/translations/de/studio.json' with { type: 'json' };
import { makeClass, makeMember } from '../helpers/class-factories.ts';
import { GOOD_QUIZZES } from '../helpers/studio-factories.ts';

const s = deStudio.studio;

test.describe('the lesson studio without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('an instructor writes, fixes and publishes a lesson; a learner of the class completes it', async ({
		page,
		context,
		browser,
		appDb
	}) => {
		const instructor = await signInNewUser(appDb, context, { role: 'instructor' });
		const made = await makeClass(appDb, { instructorId: instructor.id, name: 'Studio-Kurs' });

		// The studio is found where instructors work: their classes page.
		await page.goto('/de/classes');
		await page.getByRole('link', { name: deClasses.classes.studioLink }).click();
		await expect(page).toHaveURL(/\/de\/studio$/);
		await page.getByRole('link', { name: s.newLink }).click();
		await page.getByLabel(s.fields.title).fill('Die Eingabetaste');
		await page.getByLabel(s.fields.summary).fill('Eine Eingabe abschicken.');
		await page.getByLabel(s.fields.minutes).fill('5');
		await page.locator('input[name=competences][value="1.1"]').check();
		await page
			.getByLabel(s.fields.body)
			.fill('### Zu tief begonnen\n\nText mit <script>window.hacked = 1</script> darin.');
		await page.getByLabel(s.fields.quizzes).fill(GOOD_QUIZZES);
		await page.getByRole('button', { name: s.new.submit }).click();

		// Saved as a draft, with its problem on its line and publishing blocked.
		await expect(page).toHaveURL(/\/de\/studio\/[^/?]+\?saved=1/);
		await expect(page.locator('#problems-body')).toContainText('Zeile 1:');
		await expect(page.locator('#problems-body')).toContainText('###');
		await expect(page.getByText(s.publish.blocked)).toBeVisible();
		const lessonId = new URL(page.url()).pathname.split('/').at(-1)!;

		await page
			.getByLabel(s.fields.body)
			.fill('## Die Taste\n\n::: tip\nSie ist groß.\n:::\n\nText mit <script>window.hacked = 1</script> darin.');
		await page.getByRole('button', { name: s.edit.save, exact: true }).click();
		await expect(page.locator('#problems-body')).toHaveCount(0);

		// The preview, in Arabic: no translation yet, so the German text with the fallback label.
		await page.goto(`/de/studio/${lessonId}/preview?locale=ar`);
		await expect(page.locator('h1')).toHaveText('Die Eingabetaste');
		await expect(page.locator('.lesson__fallback')).toBeVisible();
		await expect(page.locator('.callout--tip')).toContainText('Sie ist groß.');

		await page.goto(`/de/studio/${lessonId}`);
		await page.getByLabel('Studio-Kurs').check();
		await page.getByRole('button', { name: s.publish.submit, exact: true }).click();
		await expect(page.getByText(s.publish.done.replace('{{version}}', '1'))).toBeVisible();

		// A learner of the class, in a browser of their own.
		const learnerContext = await browser.newContext({ javaScriptEnabled: false });
		const learner = await signInNewUser(appDb, learnerContext);
		await makeMember(appDb, made.id, learner.id);
		const learnerPage = await learnerContext.newPage();
		await learnerPage.goto('/de/learn');
		await learnerPage.getByRole('link', { name: 'Die Eingabetaste' }).click();
		await expect(learnerPage).toHaveURL(`/de/learn/studio/${lessonId}`);
		await expect(learnerPage.locator('#lesson-text')).toContainText('<script>window.hacked = 1</script>');
		await expect(learnerPage.locator('#lesson-text script')).toHaveCount(0);
		// The answers are not in the page before answering.
		expect(await learnerPage.content()).not.toContain('Richtig. Die Eingabetaste bestätigt.');

		await learnerPage.locator('#quiz-enter-key input[value="0"]').check();
		await learnerPage.locator('#quiz-enter-key button[type=submit]').click();
		await expect(learnerPage.locator('#quiz-enter-key [role=status]')).toContainText(deLearn.learn.quiz.correct);
		await learnerPage.getByRole('button', { name: deLearn.learn.lesson.markComplete }).click();
		await expect(learnerPage.getByText(deLearn.learn.lesson.completed)).toBeVisible();

		const t = appDb.t.lessonProgress;
		const [progress] = await appDb.orm
			.select()
			.from(t)
			.where(and(eq(t.userId, learner.id), eq(t.lessonKey, `studio/${lessonId}`)));
		expect(progress?.status).toBe('completed');

		// Someone outside the class gets nothing.
		const strangerContext = await browser.newContext({ javaScriptEnabled: false });
		await signInNewUser(appDb, strangerContext);
		const strangerPage = await strangerContext.newPage();
		expect((await strangerPage.goto(`/de/learn/studio/${lessonId}`))?.status()).toBe(404);
		await learnerContext.close();
		await strangerContext.close();
	});
});
