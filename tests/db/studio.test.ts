/**
 * The lesson studio end to end in the domain: an instructor writes a lesson, saves it with
 * problems as a draft, fixes it, publishes it to a class; that class's learners (and no one
 * else) see it; publishing again makes a new version and progress stays.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { archiveClass } from '../../src/lib/server/classes/class-settings.ts';
import { accountProgress } from '../../src/lib/server/learning/progress-store.ts';
import {
	createLesson,
	findOwnLesson,
	lessonProblems,
	listOwnLessons,
	requireOwnLesson,
	saveLesson,
	translationStates
} from '../../src/lib/server/studio/lessons.ts';
import {
	chooseStudioText,
	findVisibleStudioLesson,
	publishedClassIds,
	publishLesson,
	visibleStudioLessons
} from '../../src/lib/server/studio/publishing.ts';
import { studioLessonKey } from '../../src/lib/server/studio/rules.ts';
import { engines, type TestDatabase } from '../helpers/databases.ts';
import { makeClass, makeMember } from '../helpers/class-factories.ts';
import { makeUser } from '../helpers/factories.ts';
import { makeStudioLesson, saveInput } from '../helpers/studio-factories.ts';

async function statusOf(work: Promise<unknown>): Promise<number | 'passed'> {
	try {
		await work;
		return 'passed';
	} catch (failure) {
		return (failure as { status: number }).status;
	}
}

describe.each(engines)('the lesson studio on $name', (engine) => {
	let test: TestDatabase;
	beforeEach(async () => (test = await engine.open()));
	afterEach(async () => test.drop());

	it('saves a lesson with problems as a draft, refuses to publish it, and publishes it once fixed', async () => {
		const made = await makeClass(test.db, { name: 'Dienstagskurs' });
		const learner = await makeUser(test.db);
		await makeMember(test.db, made.id, learner.id);
		const draft = await makeStudioLesson(test.db, made.instructorId, { body: '### Zu tief\n\n![](image:bild)' });

		expect(draft.lesson.status).toBe('draft');
		expect(lessonProblems(draft).map((problem) => problem.key)).toEqual(['headingStart', 'figureAlt']);
		const refused = await publishLesson(test.db, draft, [made.id]);
		expect(refused).toEqual({
			ok: false,
			problems: expect.arrayContaining([expect.objectContaining({ key: 'figureAlt' })])
		});
		expect(await visibleStudioLessons(test.db, learner.id)).toEqual([]);

		await saveLesson(test.db, draft, saveInput({ body: '## Richtig\n\n![Eine Tastatur](image:bild)' }));
		const fixed = await requireOwnLesson(test.db, made.instructorId, draft.lesson.id);
		expect(lessonProblems(fixed)).toEqual([]);
		expect(await publishLesson(test.db, fixed, [made.id])).toEqual({ ok: true, version: 1 });

		const [seen] = await visibleStudioLessons(test.db, learner.id);
		expect(seen).toMatchObject({ id: draft.lesson.id, version: 1 });
		expect(seen!.snapshot.texts.de!.body).toContain('## Richtig');
		expect(seen!.snapshot.texts.de!.quizzes).toEqual([expect.objectContaining({ id: 'enter-key', type: 'single' })]);
		expect(chooseStudioText(seen!.snapshot, 'ar')).toMatchObject({ contentLocale: 'de', isFallback: true });
		const [listed] = await listOwnLessons(test.db, made.instructorId);
		expect(listed).toMatchObject({ id: draft.lesson.id, status: 'published', title: 'Die Eingabetaste' });
	});

	it('shows a lesson to no other instructor or learner, nor through an archived class', async () => {
		const made = await makeClass(test.db);
		const [learner, stranger] = [await makeUser(test.db), await makeUser(test.db)];
		const otherInstructor = await makeUser(test.db, { role: 'instructor' });
		await makeMember(test.db, made.id, learner.id);
		const lesson = await makeStudioLesson(test.db, made.instructorId);

		expect(await findOwnLesson(test.db, otherInstructor.id, lesson.lesson.id)).toBeNull();
		expect(await statusOf(requireOwnLesson(test.db, otherInstructor.id, lesson.lesson.id))).toBe(404);
		expect(await listOwnLessons(test.db, otherInstructor.id)).toEqual([]);
		// Not to a class someone else teaches.
		const foreign = await makeClass(test.db);
		expect(await publishLesson(test.db, lesson, [foreign.id])).toEqual({
			ok: false,
			reason: 'studio.publish.notYourClass'
		});
		expect(await publishLesson(test.db, lesson, [])).toEqual({ ok: false, reason: 'studio.publish.noClass' });

		await publishLesson(test.db, lesson, [made.id]);
		expect(await findVisibleStudioLesson(test.db, learner.id, lesson.lesson.id)).not.toBeNull();
		expect(await findVisibleStudioLesson(test.db, made.instructorId, lesson.lesson.id)).not.toBeNull();
		for (const outsider of [stranger, otherInstructor])
			expect(await findVisibleStudioLesson(test.db, outsider.id, lesson.lesson.id)).toBeNull();

		await archiveClass(test.db, made.instructorId, made.id);
		expect(await findVisibleStudioLesson(test.db, learner.id, lesson.lesson.id)).toBeNull();
		const archivedAgain = await requireOwnLesson(test.db, made.instructorId, lesson.lesson.id);
		expect(await publishLesson(test.db, archivedAgain, [made.id])).toEqual({
			ok: false,
			reason: 'studio.publish.notYourClass'
		});
	});

	it('makes a new version when a published lesson is edited and published again; learners keep their progress', async () => {
		const made = await makeClass(test.db);
		const second = await makeClass(test.db, { instructorId: made.instructorId });
		const learner = await makeUser(test.db);
		await makeMember(test.db, made.id, learner.id);
		const lesson = await makeStudioLesson(test.db, made.instructorId);
		await publishLesson(test.db, lesson, [made.id]);
		const progress = accountProgress(test.db, learner.id);
		const key = studioLessonKey(lesson.lesson.id);
		await progress.recordAttempt(key, 'enter-key', 100);
		await progress.complete(key);

		const published = await requireOwnLesson(test.db, made.instructorId, lesson.lesson.id);
		await saveLesson(test.db, published, saveInput({ title: 'Die Eingabetaste, neu' }));
		// Until published again, learners see version 1.
		expect((await findVisibleStudioLesson(test.db, learner.id, lesson.lesson.id))!.snapshot.texts.de!.title).toBe(
			'Die Eingabetaste'
		);
		const edited = await requireOwnLesson(test.db, made.instructorId, lesson.lesson.id);
		expect(await publishLesson(test.db, edited, [made.id, second.id])).toEqual({ ok: true, version: 2 });
		const seen = await findVisibleStudioLesson(test.db, learner.id, lesson.lesson.id);
		expect(seen).toMatchObject({ version: 2, snapshot: { texts: { de: { title: 'Die Eingabetaste, neu' } } } });
		expect((await publishedClassIds(test.db, lesson.lesson.id)).sort()).toEqual([made.id, second.id].sort());
		expect((await progress.statuses()).get(key)).toBe('completed');
		expect((await progress.bestScores(key)).get('enter-key')).toBe(100);
	});

	it('shows which translations are missing or older than the source', async () => {
		const author = await makeUser(test.db, { role: 'instructor' });
		const lesson = await makeStudioLesson(test.db, author.id, {}, new Date('2026-03-01T10:00:00Z'));
		await saveLesson(
			test.db,
			lesson,
			saveInput({ locale: 'en', title: 'The enter key' }),
			new Date('2026-03-02T10:00:00Z')
		);
		const translated = await requireOwnLesson(test.db, author.id, lesson.lesson.id);
		expect(translationStates(translated, ['de', 'en', 'ar'])).toEqual({ de: 'source', en: 'current', ar: 'missing' });
		await saveLesson(test.db, translated, saveInput({ body: '## Geändert' }), new Date('2026-03-03T10:00:00Z'));
		const changed = await requireOwnLesson(test.db, author.id, lesson.lesson.id);
		expect(translationStates(changed, ['de', 'en'])).toEqual({ de: 'source', en: 'older' });
	});

	it('keeps the rules in the schema: a lesson the checks would refuse to store leaves nothing half-written', async () => {
		const author = await makeUser(test.db, { role: 'instructor' });
		const input = saveInput();
		for (const meta of [
			{ ...input.meta, minutes: 11 },
			{ ...input.meta, level: 'expert' }
		])
			await expect(createLesson(test.db, author.id, { ...input, meta })).rejects.toThrow();
		expect(await listOwnLessons(test.db, author.id)).toEqual([]);
		expect(await test.db.orm.select().from(test.db.t.studioLessonTexts)).toEqual([]);
	});
});
