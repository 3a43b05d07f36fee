import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFormatter } from '../../src/lib/i18n/formatter.ts';
import deReports from '../../src/lib/i18n/translations/de/reports.json';
import { BOM, guardCell, reportCsv } from '../../src/lib/server/classes/report-csv.ts';
import { reportView } from '../../src/lib/server/classes/report-view.ts';
import { classReport, learnerDetails } from '../../src/lib/server/classes/report.ts';
import type { Db } from '../../src/lib/server/db/database.ts';
import { getCatalogue } from '../../src/lib/server/learning/catalogue.ts';
import { saveSelfCheck } from '../../src/lib/server/learning/self-check.ts';
import { deleteAccount } from '../../src/lib/server/privacy/index.ts';
import { makeAssignment, makeClass, makeMember } from '../helpers/class-factories.ts';
import { engines, type TestDatabase } from '../helpers/databases.ts';
import { makeAttempt, makeProgress, makeUser, STRONG_PASSWORD } from '../helpers/factories.ts';

const DAY = 86_400_000;
const NOW = new Date('2026-06-15T10:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);
const DEVICE = 'first-steps/the-device';
const KEYBOARD = 'first-steps/keyboard';

async function learnerNamed(db: Db, classId: string, displayName: string | null, joinedAt = daysAgo(20)) {
	const user = await makeUser(db);
	if (displayName) await db.orm.update(db.t.users).set({ displayName }).where(eq(db.t.users.id, user.id));
	await makeMember(db, classId, user.id, joinedAt);
	return user;
}

const reasonKinds = (row: { needsHelp: { kind: string }[] } | undefined) => row?.needsHelp.map((r) => r.kind);

describe.each(engines)('the class report on $name', (engine) => {
	let test: TestDatabase;
	let db: Db;
	beforeEach(async () => {
		test = await engine.open();
		db = test.db;
	});
	afterEach(async () => test.drop());

	/** A class with two lessons assigned three weeks ago, the first due 5 days ago. */
	async function classWithTwoLessons() {
		const group = await makeClass(db, { now: daysAgo(30) });
		await makeAssignment(db, group.id, DEVICE, { dueAt: daysAgo(5), now: daysAgo(21) });
		await makeAssignment(db, group.id, KEYBOARD, { now: daysAgo(20) });
		return group;
	}

	it('has a row per learner by name and a cell per assigned lesson with status and best score', async () => {
		const group = await classWithTwoLessons();
		const zoe = await learnerNamed(db, group.id, 'Zoë');
		const ayse = await learnerNamed(db, group.id, 'Ayşe');
		await makeProgress(db, ayse.id, DEVICE, 'completed', daysAgo(3));
		await makeProgress(db, ayse.id, KEYBOARD, 'started', daysAgo(2));
		await makeAttempt(db, { userId: ayse.id, lessonKey: DEVICE, quizId: 'what-is-smartphone', score: 40 }, daysAgo(4));
		await makeAttempt(db, { userId: ayse.id, lessonKey: DEVICE, quizId: 'what-is-smartphone', score: 90 }, daysAgo(3));
		await makeAttempt(db, { userId: ayse.id, lessonKey: DEVICE, quizId: 'charging-signs', score: 70 }, daysAgo(1));
		// Outside the assigned lessons: not the class's business, and no activity for the report.
		await makeProgress(db, ayse.id, 'first-steps/the-browser', 'completed', NOW);

		const report = await classReport(db, group.id, NOW);

		expect(report.lessons.map((l) => l.lessonKey)).toEqual([DEVICE, KEYBOARD]);
		expect(report.rows.map((r) => r.name)).toEqual(['Ayşe', 'Zoë']);
		const [first, second] = report.rows;
		expect(first!.cells).toEqual([
			{ lessonKey: DEVICE, status: 'done', overdue: false, bestScore: 80 },
			{ lessonKey: KEYBOARD, status: 'started', overdue: false, bestScore: null }
		]);
		expect(first!.done).toBe(1);
		expect(first!.lastActivity).toEqual(daysAgo(1));
		expect(second!.learnerId).toBe(zoe.id);
		expect(second!.cells.map((c) => [c.status, c.overdue])).toEqual([
			['notStarted', true],
			['notStarted', false]
		]);
		expect(second!.lastActivity).toBeNull();
		expect(report.summary).toEqual({ learners: 2, lessons: 2, needHelp: 1, doneShare: 25 });
		expect(reasonKinds(second)).toEqual(['inactive', 'overdue']);
	});

	it('flags three failed attempts on one quiz, naming the quiz; two are not enough', async () => {
		const group = await makeClass(db, { now: daysAgo(30) });
		await makeAssignment(db, group.id, KEYBOARD, { now: daysAgo(2) });
		const three = await learnerNamed(db, group.id, 'Three', daysAgo(2));
		const two = await learnerNamed(db, group.id, 'Two', daysAgo(2));
		for (let i = 0; i < 3; i++)
			await makeAttempt(db, { userId: three.id, lessonKey: KEYBOARD, quizId: 'shift-key', score: 50 }, daysAgo(1));
		for (let i = 0; i < 2; i++)
			await makeAttempt(db, { userId: two.id, lessonKey: KEYBOARD, quizId: 'shift-key', score: 0 }, daysAgo(1));
		// Failures spread over different quizzes do not add up.
		await makeAttempt(db, { userId: two.id, lessonKey: KEYBOARD, quizId: 'enter-key', score: 0 }, daysAgo(1));

		const report = await classReport(db, group.id, NOW);
		const row = (id: string) => report.rows.find((r) => r.learnerId === id);

		expect(row(three.id)?.needsHelp).toEqual([
			{ kind: 'failedAttempts', lessonKey: KEYBOARD, quizId: 'shift-key', failures: 3 }
		]);
		expect(row(two.id)?.needsHelp).toEqual([]);
		const view = reportView(report, 'de');
		expect(view.rows.find((r) => r.learnerId === three.id)?.needsHelp[0]).toMatchObject({
			kind: 'failedAttempts',
			lesson: { text: 'Die Tastatur', lang: 'de' }
		});
	});

	it('no longer flags failed attempts once the quiz is passed', async () => {
		const group = await makeClass(db, { now: daysAgo(30) });
		await makeAssignment(db, group.id, KEYBOARD, { now: daysAgo(2) });
		const learner = await learnerNamed(db, group.id, 'Passed', daysAgo(2));
		for (const score of [0, 20, 40, 100])
			await makeAttempt(db, { userId: learner.id, lessonKey: KEYBOARD, quizId: 'shift-key', score }, daysAgo(1));
		const [row] = (await classReport(db, group.id, NOW)).rows;
		expect(row?.needsHelp).toEqual([]);
	});

	it('flags 14 days without activity while a lesson is open, and not when all is done', async () => {
		const group = await makeClass(db, { now: daysAgo(60) });
		await makeAssignment(db, group.id, KEYBOARD, { now: daysAgo(40) });
		const quiet = await learnerNamed(db, group.id, 'Quiet', daysAgo(40));
		await makeProgress(db, quiet.id, KEYBOARD, 'started', daysAgo(15));
		const recent = await learnerNamed(db, group.id, 'Recent', daysAgo(40));
		await makeProgress(db, recent.id, KEYBOARD, 'started', daysAgo(13));
		const finished = await learnerNamed(db, group.id, 'Finished', daysAgo(40));
		await makeProgress(db, finished.id, KEYBOARD, 'completed', daysAgo(30));
		const never = await learnerNamed(db, group.id, 'Never', daysAgo(40));
		const newcomer = await learnerNamed(db, group.id, 'Newcomer', daysAgo(3));

		const report = await classReport(db, group.id, NOW);
		const row = (id: string) => report.rows.find((r) => r.learnerId === id);

		expect(row(quiet.id)?.needsHelp).toEqual([{ kind: 'inactive', days: 15 }]);
		expect(row(never.id)?.needsHelp).toEqual([{ kind: 'inactive', days: 40 }]);
		expect(row(recent.id)?.needsHelp).toEqual([]);
		expect(row(finished.id)?.needsHelp).toEqual([]);
		expect(row(newcomer.id)?.needsHelp).toEqual([]);
	});

	it('flags lessons past their due date that are not done', async () => {
		const group = await classWithTwoLessons();
		const late = await learnerNamed(db, group.id, 'Late');
		await makeProgress(db, late.id, KEYBOARD, 'started', daysAgo(1));
		const onTime = await learnerNamed(db, group.id, 'On time');
		await makeProgress(db, onTime.id, DEVICE, 'completed', daysAgo(6));
		await makeProgress(db, onTime.id, KEYBOARD, 'started', daysAgo(1));

		const report = await classReport(db, group.id, NOW);
		const row = (id: string) => report.rows.find((r) => r.learnerId === id);

		expect(row(late.id)?.needsHelp).toEqual([{ kind: 'overdue', lessonKeys: [DEVICE] }]);
		expect(reasonKinds(row(onTime.id))).toEqual([]);
	});

	it('never shows a learner of another class, and shows one row when asked for one learner', async () => {
		const group = await classWithTwoLessons();
		const other = await classWithTwoLessons();
		const mine = await learnerNamed(db, group.id, 'Mine');
		const theirs = await learnerNamed(db, other.id, 'Theirs');
		await makeProgress(db, theirs.id, DEVICE, 'completed', daysAgo(1));

		const report = await classReport(db, group.id, NOW);
		expect(report.rows.map((r) => r.learnerId)).toEqual([mine.id]);
		expect((await classReport(db, group.id, NOW, { learnerId: theirs.id })).rows).toEqual([]);
		const own = await classReport(db, group.id, NOW, { learnerId: mine.id });
		expect(own.rows).toEqual(report.rows);
	});

	it('forgets a deleted learner', async () => {
		const group = await classWithTwoLessons();
		const staying = await learnerNamed(db, group.id, 'Staying');
		const leaving = await learnerNamed(db, group.id, 'Leaving');
		await makeProgress(db, leaving.id, DEVICE, 'completed', daysAgo(1));
		expect((await classReport(db, group.id, NOW)).rows).toHaveLength(2);

		const deleted = await deleteAccount(db, leaving.id, STRONG_PASSWORD);
		expect(deleted.ok).toBe(true);

		const report = await classReport(db, group.id, NOW);
		expect(report.rows.map((r) => r.learnerId)).toEqual([staying.id]);
		const members = await db.orm.select().from(db.t.classMembers).where(eq(db.t.classMembers.userId, leaving.id));
		expect(members).toEqual([]);
	});

	it("gives a learner's attempts per quiz, last activity and self-checks by area, for the class's lessons only", async () => {
		const group = await classWithTwoLessons();
		const learner = await learnerNamed(db, group.id, 'Detail');
		await makeAttempt(db, { userId: learner.id, lessonKey: KEYBOARD, quizId: 'enter-key', score: 30 }, daysAgo(4));
		await makeAttempt(db, { userId: learner.id, lessonKey: KEYBOARD, quizId: 'enter-key', score: 100 }, daysAgo(2));
		await makeAttempt(db, { userId: learner.id, lessonKey: DEVICE, quizId: 'charging-signs', score: 60 }, daysAgo(3));
		await makeAttempt(
			db,
			{ userId: learner.id, lessonKey: 'safe-online/strong-passwords', quizId: 'x', score: 10 },
			daysAgo(1)
		);
		const course = getCatalogue().course('first-steps')!;
		const ratings = Object.fromEntries(course.selfCheck.map((s) => [s.id, 0]));
		await saveSelfCheck(db, learner.id, course, 'before', ratings, daysAgo(10));
		await saveSelfCheck(
			db,
			learner.id,
			course,
			'after',
			Object.fromEntries(course.selfCheck.map((s) => [s.id, 2])),
			daysAgo(2)
		);

		const details = await learnerDetails(db, group.id, learner.id);

		expect(details.quizzes).toEqual([
			{ lessonKey: DEVICE, quizId: 'charging-signs', attempts: [{ at: daysAgo(3), score: 60 }] },
			{
				lessonKey: KEYBOARD,
				quizId: 'enter-key',
				attempts: [
					{ at: daysAgo(2), score: 100 },
					{ at: daysAgo(4), score: 30 }
				]
			}
		]);
		expect(details.lastActivity).toEqual(daysAgo(2));
		const areas = [...new Set(course.selfCheck.map((s) => s.competence.split('.')[0]))].sort();
		expect(details.selfChecks).toEqual(areas.map((area) => ({ area, before: 0, after: 100 })));
	});

	it('exports the report as CSV with a BOM, German headers, umlauts, Arabic names and no formulas', async () => {
		const group = await classWithTwoLessons();
		const ayse = await learnerNamed(db, group.id, 'Ayşe Yılmaz-Müller');
		const arabic = await learnerNamed(db, group.id, 'فاطمة الزهراء');
		await learnerNamed(db, group.id, '=HYPERLINK("http://example.com")');
		await makeProgress(db, ayse.id, DEVICE, 'completed', new Date('2026-06-14T08:30:00Z'));
		await makeAttempt(db, { userId: ayse.id, lessonKey: DEVICE, quizId: 'charging-signs', score: 90 }, daysAgo(2));
		await makeProgress(db, arabic.id, KEYBOARD, 'started', daysAgo(1));

		const t = createFormatter('de', deReports);
		const csv = reportCsv(reportView(await classReport(db, group.id, NOW), 'de'), t, (d) => d.toISOString());

		expect(csv.startsWith(BOM)).toBe(true);
		const bytes = Buffer.from(csv, 'utf8');
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const records: string[][] = parse(bytes, { bom: true });
		expect(records[0]).toEqual([
			'Lernende Person',
			'Benutzername',
			'Ihr Gerät kennenlernen: Status',
			'Ihr Gerät kennenlernen: bestes Ergebnis (%)',
			'Die Tastatur: Status',
			'Die Tastatur: bestes Ergebnis (%)',
			'Letzte Aktivität',
			'Braucht vielleicht Hilfe'
		]);
		const byName = new Map(records.slice(1).map((record) => [record[0], record]));
		expect(records).toHaveLength(4);
		expect(byName.get('Ayşe Yılmaz-Müller')).toEqual([
			'Ayşe Yılmaz-Müller',
			ayse.username,
			'Erledigt',
			'90',
			'Nicht begonnen',
			'',
			'2026-06-14T08:30:00.000Z',
			''
		]);
		const arabicRow = byName.get('فاطمة الزهراء')!;
		expect(arabicRow.slice(2, 6)).toEqual(['Nicht begonnen (überfällig)', '', 'Begonnen', '']);
		expect(arabicRow[7]).toBe('Überfällig: Ihr Gerät kennenlernen');
		expect(byName.get(`'=HYPERLINK("http://example.com")`)).toBeDefined();
		expect(records.slice(1).every((record) => record.every((cell) => !/^[=+\-@]/.test(cell)))).toBe(true);
	});
});

describe('the formula guard', () => {
	it('prefixes cells a spreadsheet would compute, and only those', () => {
		expect(['=1+1', '+49 40', '-3', '@SUM(A1)', '\tx', 'Ayşe', '4-2'].map(guardCell)).toEqual([
			"'=1+1",
			"'+49 40",
			"'-3",
			"'@SUM(A1)",
			"'\tx",
			'Ayşe',
			'4-2'
		]);
	});
});
