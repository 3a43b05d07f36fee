/**
 * A certificate attests something: every lesson of the course completed, and each of its
 * quizzes passed (best score at least CERTIFICATE_PASS_SCORE). Marking lessons complete
 * alone, six POSTs to ?/complete, gives nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	CERTIFICATE_PASS_SCORE,
	isCourseComplete,
	issueCertificate
} from '../../src/lib/server/learning/certificates.ts';
import { lessonQuizIds } from '../../src/lib/server/learning/catalogue.ts';
import {
	completionProblem,
	recordLessonCompletion,
	recordLessonStart,
	recordQuizAttempt
} from '../../src/lib/server/learning/progress.ts';
import { engines, type TestDatabase } from '../helpers/databases.ts';
import { makeUser } from '../helpers/factories.ts';
import { contentCatalogue } from '../helpers/quiz-answers.ts';

const course = contentCatalogue().course('first-steps')!;
const holder = { holderName: null, showName: false };

describe('the certificate rule', () => {
	it('is stated as a pass score of 80 %', () => {
		expect(CERTIFICATE_PASS_SCORE).toBe(80);
	});

	it('lets a lesson be completed only once it was opened and each quiz answered', () => {
		expect(completionProblem(['a', 'b'], { started: false, answered: new Set() })).toBe('learn.lesson.openFirst');
		expect(completionProblem(['a', 'b'], { started: true, answered: new Set(['a']) })).toBe('learn.lesson.answerFirst');
		expect(completionProblem(['a', 'b'], { started: true, answered: new Set(['a', 'b']) })).toBeNull();
		expect(completionProblem([], { started: true, answered: new Set() })).toBeNull();
	});

	it('applies to a course whose lessons have quizzes', () => {
		expect(course.lessons.length).toBe(6);
		expect(course.lessons.every((lesson) => lessonQuizIds(lesson).length > 0)).toBe(true);
	});
});

describe.each(engines)('certificates on $name', (engine) => {
	let test: TestDatabase;
	beforeEach(async () => (test = await engine.open()));
	afterEach(async () => test.drop());

	async function learn(userId: string, score: (lessonKey: string, quizId: string) => number | null) {
		for (const lesson of course.lessons) {
			await recordLessonStart(test.db, userId, lesson.key);
			for (const quizId of lessonQuizIds(lesson)) {
				const value = score(lesson.key, quizId);
				if (value !== null) await recordQuizAttempt(test.db, { userId, lessonKey: lesson.key, quizId, score: value });
			}
			await recordLessonCompletion(test.db, userId, lesson.key);
		}
	}

	it('are not issued for lessons marked complete with no quiz answered', async () => {
		const user = await makeUser(test.db);
		for (const lesson of course.lessons) await recordLessonCompletion(test.db, user.id, lesson.key);
		expect(await isCourseComplete(test.db, user.id, course)).toBe(false);
		expect(await issueCertificate(test.db, user.id, course, holder)).toBeNull();
		expect(await test.db.orm.select().from(test.db.t.certificates)).toHaveLength(0);
	});

	it('are issued when every lesson is complete and every quiz passed', async () => {
		const user = await makeUser(test.db);
		await learn(user.id, () => 100);
		expect((await issueCertificate(test.db, user.id, course, holder))?.courseId).toBe('first-steps');
	});

	it('count the best attempt, from exactly the pass score on', async () => {
		const user = await makeUser(test.db);
		const [first] = course.lessons;
		const firstQuiz = lessonQuizIds(first!)[0]!;
		await learn(user.id, (lessonKey, quizId) =>
			lessonKey === first!.key && quizId === firstQuiz ? CERTIFICATE_PASS_SCORE - 1 : 100
		);
		expect(await issueCertificate(test.db, user.id, course, holder)).toBeNull();
		await recordQuizAttempt(test.db, { userId: user.id, lessonKey: first!.key, quizId: firstQuiz, score: 0 });
		expect(await isCourseComplete(test.db, user.id, course)).toBe(false);
		await recordQuizAttempt(test.db, {
			userId: user.id,
			lessonKey: first!.key,
			quizId: firstQuiz,
			score: CERTIFICATE_PASS_SCORE
		});
		expect(await issueCertificate(test.db, user.id, course, holder)).not.toBeNull();
	});

	it('are not issued while one quiz of one lesson was never answered', async () => {
		const user = await makeUser(test.db);
		const last = course.lessons.at(-1)!;
		const lastQuiz = lessonQuizIds(last).at(-1)!;
		await learn(user.id, (lessonKey, quizId) => (lessonKey === last.key && quizId === lastQuiz ? null : 100));
		expect(await issueCertificate(test.db, user.id, course, holder)).toBeNull();
	});
});
