import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCatalogue } from '../../src/lib/server/learning/catalogue.ts';
import { certificateByCode, issueCertificate } from '../../src/lib/server/learning/certificates.ts';
import {
	emptyGuestProgress,
	guestComplete,
	guestQuizScore,
	guestStart,
	mergeGuestProgress
} from '../../src/lib/server/learning/guest-progress.ts';
import {
	bestQuizScores,
	lastLessonActivity,
	lessonStatuses,
	recordLessonCompletion,
	recordLessonStart,
	recordQuizAttempt
} from '../../src/lib/server/learning/progress.ts';
import { saveSelfCheck, selfCheckRatings, skillsProfile } from '../../src/lib/server/learning/self-check.ts';
import { engines, type TestDatabase } from '../helpers/databases.ts';
import { makeAttempt, makeUser } from '../helpers/factories.ts';

const lessonSource = (title: string) => `---
title: ${title}
summary: A lesson.
minutes: 5
level: foundation
competences: ["1.1"]
objectives: [Something]
quizzes:
  - id: q1
    type: fill
    question: "Type ___"
    answers: [yes]
    feedback: { correct: Good, incorrect: Again }
---
Body`;

// A two-lesson course, built the way the app builds its catalogue.
const catalogue = buildCatalogue(
	{
		'/content/courses/01-demo/01-one/de.svx': lessonSource('Eins'),
		'/content/courses/01-demo/02-two/de.svx': lessonSource('Zwei')
	},
	{
		'/content/courses/01-demo/course.yaml':
			'selfCheck:\n  - { id: a, competence: "1.1" }\n  - { id: b, competence: "4.2" }\n  - { id: c, competence: "4.2" }\n',
		'/content/courses/01-demo/de.yaml': 'title: Demo\nsummary: Demo course\nselfCheck: { a: A, b: B, c: C }\n'
	}
);
const course = catalogue.course('demo')!;
const isKnown = (key: string) => catalogue.lesson(key) !== undefined;

describe.each(engines)('learning progress on $name', (engine) => {
	let test: TestDatabase;
	beforeEach(async () => (test = await engine.open()));
	afterEach(async () => test.drop());

	it('records a lesson as started, then completed, keeping the first completion date', async () => {
		const user = await makeUser(test.db);
		const t0 = new Date('2026-05-01T10:00:00Z');
		await recordLessonStart(test.db, user.id, 'demo/one', t0);
		expect((await lessonStatuses(test.db, user.id)).get('demo/one')).toBe('started');
		await recordLessonCompletion(test.db, user.id, 'demo/one', new Date('2026-05-01T10:05:00Z'));
		await recordLessonCompletion(test.db, user.id, 'demo/one', new Date('2026-05-02T10:00:00Z'));
		await recordLessonStart(test.db, user.id, 'demo/one', new Date('2026-05-03T10:00:00Z'));
		const [row] = await test.db.orm.select().from(test.db.t.lessonProgress);
		expect(row?.status).toBe('completed');
		expect(row?.completedAt?.toISOString()).toBe('2026-05-01T10:05:00.000Z');
		expect(row?.startedAt.toISOString()).toBe(t0.toISOString());
	});

	it('keeps exactly one row when the same lesson is completed many times at once', async () => {
		const user = await makeUser(test.db);
		await Promise.all(Array.from({ length: 10 }, () => recordLessonCompletion(test.db, user.id, 'demo/two')));
		const rows = await test.db.orm.select().from(test.db.t.lessonProgress);
		expect(rows).toHaveLength(1);
		expect(rows[0]?.status).toBe('completed');
	});

	it('keeps every quiz attempt and reports the best score', async () => {
		const user = await makeUser(test.db);
		for (const score of [0, 100, 50])
			await recordQuizAttempt(test.db, { userId: user.id, lessonKey: 'demo/one', quizId: 'q1', score });
		expect(await test.db.orm.select().from(test.db.t.quizAttempts)).toHaveLength(3);
		expect((await bestQuizScores(test.db, user.id, 'demo/one')).get('q1')).toBe(100);
	});

	it('remembers the lesson touched last, for "continue where you left off"', async () => {
		const user = await makeUser(test.db);
		await recordLessonStart(test.db, user.id, 'demo/one', new Date('2026-05-01'));
		await recordLessonStart(test.db, user.id, 'demo/two', new Date('2026-05-02'));
		expect((await lastLessonActivity(test.db, user.id))?.lessonKey).toBe('demo/two');
	});

	describe('moving a guest’s progress into an account', () => {
		it('adds lessons and scores the account does not have', async () => {
			const user = await makeUser(test.db);
			const guest = emptyGuestProgress();
			guestStart(guest, 'demo/one');
			guestComplete(guest, 'demo/two');
			guestQuizScore(guest, 'demo/two', 'q1', 80);
			await mergeGuestProgress(test.db, user.id, guest, isKnown);
			const statuses = await lessonStatuses(test.db, user.id);
			expect(Object.fromEntries(statuses)).toEqual({ 'demo/one': 'started', 'demo/two': 'completed' });
			expect((await bestQuizScores(test.db, user.id, 'demo/two')).get('q1')).toBe(80);
		});

		it('never duplicates: merging twice adds nothing the second time', async () => {
			const user = await makeUser(test.db);
			const guest = emptyGuestProgress();
			guestComplete(guest, 'demo/one');
			guestQuizScore(guest, 'demo/one', 'q1', 60);
			await mergeGuestProgress(test.db, user.id, guest, isKnown);
			await mergeGuestProgress(test.db, user.id, guest, isKnown);
			expect(await test.db.orm.select().from(test.db.t.lessonProgress)).toHaveLength(1);
			expect(await test.db.orm.select().from(test.db.t.quizAttempts)).toHaveLength(1);
		});

		it('keeps the best score and the better status, whichever side has it', async () => {
			const user = await makeUser(test.db);
			await recordLessonCompletion(test.db, user.id, 'demo/one');
			await recordLessonStart(test.db, user.id, 'demo/two');
			await recordQuizAttempt(test.db, { userId: user.id, lessonKey: 'demo/one', quizId: 'q1', score: 90 });
			await recordQuizAttempt(test.db, { userId: user.id, lessonKey: 'demo/two', quizId: 'q1', score: 20 });
			const guest = emptyGuestProgress();
			guestStart(guest, 'demo/one'); // account already completed it
			guestComplete(guest, 'demo/two'); // guest completed what the account only started
			guestQuizScore(guest, 'demo/one', 'q1', 50); // lower than the account's 90
			guestQuizScore(guest, 'demo/two', 'q1', 100); // higher than the account's 20
			await mergeGuestProgress(test.db, user.id, guest, isKnown);
			expect(Object.fromEntries(await lessonStatuses(test.db, user.id))).toEqual({
				'demo/one': 'completed',
				'demo/two': 'completed'
			});
			expect((await bestQuizScores(test.db, user.id, 'demo/one')).get('q1')).toBe(90);
			expect((await bestQuizScores(test.db, user.id, 'demo/two')).get('q1')).toBe(100);
			expect(await test.db.orm.select().from(test.db.t.quizAttempts)).toHaveLength(3);
		});

		it('ignores lessons that do not exist (a tampered cookie)', async () => {
			const user = await makeUser(test.db);
			const guest = emptyGuestProgress();
			guestComplete(guest, 'demo/nope');
			guestQuizScore(guest, 'other/x', 'q1', 100);
			await mergeGuestProgress(test.db, user.id, guest, isKnown);
			expect(await test.db.orm.select().from(test.db.t.lessonProgress)).toHaveLength(0);
			expect(await test.db.orm.select().from(test.db.t.quizAttempts)).toHaveLength(0);
		});

		it('survives merges of the same guest running at once (two sign-ins from one browser)', async () => {
			const user = await makeUser(test.db);
			await makeAttempt(test.db, { userId: user.id, lessonKey: 'demo/one', quizId: 'q1', score: 40 });
			const guest = emptyGuestProgress();
			guestComplete(guest, 'demo/one');
			guestStart(guest, 'demo/two');
			guestQuizScore(guest, 'demo/one', 'q1', 90);
			// Started together: on PostgreSQL they run at once on the pool; on SQLite they take
			// turns on the one connection and must not merge into one transaction.
			const results = await Promise.all([1, 2, 3].map(() => mergeGuestProgress(test.db, user.id, guest, isKnown)));
			expect(results.map((r) => r.lessons)).toEqual([2, 2, 2]);
			expect(Object.fromEntries(await lessonStatuses(test.db, user.id))).toEqual({
				'demo/one': 'completed',
				'demo/two': 'started'
			});
			expect((await bestQuizScores(test.db, user.id, 'demo/one')).get('q1')).toBe(90);
			expect(await test.db.orm.select().from(test.db.t.lessonProgress)).toHaveLength(2);
		});

		it('merges of two people at once each land in their own account', async () => {
			const [ada, ben] = [await makeUser(test.db), await makeUser(test.db)];
			const adaGuest = emptyGuestProgress();
			guestComplete(adaGuest, 'demo/one');
			guestQuizScore(adaGuest, 'demo/one', 'q1', 100);
			const benGuest = emptyGuestProgress();
			guestStart(benGuest, 'demo/two');
			await Promise.all([
				mergeGuestProgress(test.db, ada.id, adaGuest, isKnown),
				mergeGuestProgress(test.db, ben.id, benGuest, isKnown),
				recordLessonCompletion(test.db, ben.id, 'demo/one')
			]);
			expect(Object.fromEntries(await lessonStatuses(test.db, ada.id))).toEqual({ 'demo/one': 'completed' });
			expect(Object.fromEntries(await lessonStatuses(test.db, ben.id))).toEqual({
				'demo/one': 'completed',
				'demo/two': 'started'
			});
			expect((await bestQuizScores(test.db, ada.id, 'demo/one')).get('q1')).toBe(100);
			expect((await bestQuizScores(test.db, ben.id, 'demo/one')).size).toBe(0);
		});
	});

	describe('certificates', () => {
		it('are issued only for a completed course, once, with a code anyone can verify', async () => {
			const user = await makeUser(test.db);
			await recordLessonCompletion(test.db, user.id, 'demo/one');
			expect(
				await issueCertificate(test.db, user.id, course, { holderName: 'Ayşe Yılmaz', showName: false })
			).toBeNull();
			await recordLessonCompletion(test.db, user.id, 'demo/two');
			// Completed is not enough: each lesson's quiz must be passed too.
			expect(await issueCertificate(test.db, user.id, course, { holderName: null, showName: false })).toBeNull();
			for (const lessonKey of ['demo/one', 'demo/two']) {
				await recordQuizAttempt(test.db, { userId: user.id, lessonKey, quizId: 'q1', score: 100 });
			}
			const certificate = await issueCertificate(test.db, user.id, course, {
				holderName: 'Ayşe Yılmaz',
				showName: false
			});
			expect(certificate?.code).toMatch(/^LOTSE-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}$/);
			const again = await issueCertificate(test.db, user.id, course, { holderName: 'Ayşe Yılmaz', showName: true });
			expect(again?.code).toBe(certificate?.code);
			expect(await test.db.orm.select().from(test.db.t.certificates)).toHaveLength(1);
			const verified = await certificateByCode(test.db, certificate!.code.toLowerCase());
			expect(verified).toMatchObject({ courseId: 'demo', showName: true, holderName: 'Ayşe Yılmaz' });
			expect(await certificateByCode(test.db, 'LOTSE-AAAA-AAAA-AAAA')).toBeNull();
		});
	});

	describe('self-checks', () => {
		it('store before and after ratings and build the skills profile from the latest', async () => {
			const user = await makeUser(test.db);
			await saveSelfCheck(test.db, user.id, course, 'before', { a: 0, b: 1, c: 1 });
			expect(Object.fromEntries(await skillsProfile(test.db, user.id))).toEqual({ '1.1': 0, '4.2': 50 });
			await saveSelfCheck(test.db, user.id, course, 'after', { a: 2, b: 2, c: 1 });
			await saveSelfCheck(test.db, user.id, course, 'after', { a: 2, b: 2, c: 2 });
			expect(await selfCheckRatings(test.db, user.id, 'demo')).toEqual({
				before: { a: 0, b: 1, c: 1 },
				after: { a: 2, b: 2, c: 2 }
			});
			expect(Object.fromEntries(await skillsProfile(test.db, user.id))).toEqual({ '1.1': 100, '4.2': 100 });
		});
	});
});
