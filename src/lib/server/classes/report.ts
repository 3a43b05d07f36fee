/**
 * A class's progress report: its learners × the lessons assigned to it, with each lesson's
 * status and best quiz score, each learner's last activity and whether they may need help.
 * The report reads only what belongs to the assigned lessons (and their courses' self-checks):
 * an instructor learns nothing about what a learner does outside the class. A handful of
 * grouped queries answer for the whole class, whatever its size.
 */
import { and, asc, count, desc, eq, inArray, max, or, sql, type Column } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { getCatalogue, lessonQuizIds, type Catalogue } from '../learning/catalogue.ts';
import { expandAssignments, listAssignments, type AssignedLesson } from './assigned-lessons.ts';
import {
	FAILED_ATTEMPTS_FOR_HELP,
	needsHelp,
	PASS_SCORE,
	type NeedsHelpReason,
	type QuizRecord
} from './needs-help.ts';

export type CellStatus = 'notStarted' | 'started' | 'done';

export interface ReportCell {
	lessonKey: string;
	status: CellStatus;
	/** Not done and past its due date. */
	overdue: boolean;
	/** The mean of the best attempt on each of the lesson's quizzes answered; null before any. */
	bestScore: number | null;
}

export interface ReportRow {
	learnerId: string;
	/** The display name, or the username when there is none. */
	name: string;
	username: string;
	cells: ReportCell[];
	done: number;
	lastActivity: Date | null;
	needsHelp: NeedsHelpReason[];
}

export interface ClassReport {
	lessons: AssignedLesson[];
	rows: ReportRow[];
	summary: { learners: number; lessons: number; needHelp: number; doneShare: number };
}

// An aggregate of a timestamp column comes back as a Date, a number or a string depending on the engine.
const toDate = (value: unknown): Date | null =>
	value === null || value === undefined
		? null
		: value instanceof Date
			? value
			: new Date(typeof value === 'number' ? value : /^\d+$/.test(String(value)) ? Number(value) : String(value));

const later = (a: Date | null, b: Date | null) => (!a ? b : !b ? a : a > b ? a : b);

/**
 * The report of `classId` at `now`. With `learnerId`, only that learner's row (the same
 * rows and fields: what a learner sees about themselves is exactly what the instructor sees).
 */
export async function classReport(
	db: Db,
	classId: string,
	now: Date = new Date(),
	options: { learnerId?: string; catalogue?: Catalogue } = {}
): Promise<ClassReport> {
	const catalogue = options.catalogue ?? getCatalogue();
	const { classMembers: members, users, lessonProgress: progress, quizAttempts: attempts } = db.t;
	const assignments = await listAssignments(db, classId);
	const lessons = expandAssignments(assignments, catalogue);
	const assignedAt = new Map(assignments.map((a) => [a.id, a.createdAt]));
	const keys = lessons.map((lesson) => lesson.lessonKey);

	const memberFilter = and(
		eq(members.classId, classId),
		options.learnerId ? eq(members.userId, options.learnerId) : undefined
	);
	const learnersQuery = db.orm
		.select({ id: users.id, username: users.username, displayName: users.displayName, joinedAt: members.joinedAt })
		.from(members)
		.innerJoin(users, eq(users.id, members.userId))
		.where(memberFilter);
	const memberIds = db.orm.select({ id: members.userId }).from(members).where(memberFilter);
	const quizIds = new Map(keys.map((key) => [key, lessonQuizIds(catalogue.lesson(key)!)]));
	const ofClass = (userId: Column, lessonKey: Column) => and(inArray(userId, memberIds), inArray(lessonKey, keys));
	// The grouping is done by the database: one row per learner and lesson (the mean of the best
	// attempt on each of the lesson's current quizzes), one per learner for the last activity, and
	// only the quizzes failed often enough to matter for "needs help" — not every attempt.
	const scoredQuizzes = or(
		...keys.map((key) => {
			const ids = quizIds.get(key)!;
			return ids.length ? and(eq(attempts.lessonKey, key), inArray(attempts.quizId, ids)) : undefined;
		})
	);
	const perQuiz = db.orm
		.select({
			userId: attempts.userId,
			lessonKey: attempts.lessonKey,
			best: max(attempts.score).as('best')
		})
		.from(attempts)
		.where(and(ofClass(attempts.userId, attempts.lessonKey), scoredQuizzes ?? sql`1 = 0`))
		.groupBy(attempts.userId, attempts.lessonKey, attempts.quizId)
		.as('per_quiz');
	const failures = sql<number>`sum(case when ${attempts.score} < ${PASS_SCORE} then 1 else 0 end)`;
	const [learners, progressRows, scoreRows, struggleRows, attemptActivity, progressActivity] = keys.length
		? await Promise.all([
				learnersQuery,
				db.orm
					.select({ userId: progress.userId, lessonKey: progress.lessonKey, status: progress.status })
					.from(progress)
					.where(ofClass(progress.userId, progress.lessonKey)),
				db.orm
					.select({
						userId: perQuiz.userId,
						lessonKey: perQuiz.lessonKey,
						score: sql<number>`avg(${perQuiz.best})`
					})
					.from(perQuiz)
					.groupBy(perQuiz.userId, perQuiz.lessonKey),
				db.orm
					.select({
						userId: attempts.userId,
						lessonKey: attempts.lessonKey,
						quizId: attempts.quizId,
						best: max(attempts.score),
						failures
					})
					.from(attempts)
					.where(ofClass(attempts.userId, attempts.lessonKey))
					.groupBy(attempts.userId, attempts.lessonKey, attempts.quizId)
					.having(and(sql`${failures} >= ${FAILED_ATTEMPTS_FOR_HELP}`, sql`max(${attempts.score}) < ${PASS_SCORE}`)),
				db.orm
					.select({ userId: attempts.userId, latest: max(attempts.createdAt) })
					.from(attempts)
					.where(ofClass(attempts.userId, attempts.lessonKey))
					.groupBy(attempts.userId),
				db.orm
					.select({ userId: progress.userId, latest: max(progress.updatedAt) })
					.from(progress)
					.where(ofClass(progress.userId, progress.lessonKey))
					.groupBy(progress.userId)
			])
		: [await learnersQuery, [], [], [], [], []];

	const statusOf = new Map(progressRows.map((row) => [`${row.userId} ${row.lessonKey}`, row.status]));
	const scoreOf = new Map(scoreRows.map((row) => [`${row.userId} ${row.lessonKey}`, Math.round(Number(row.score))]));
	const lastActivity = new Map<string, Date | null>();
	for (const row of [...progressActivity, ...attemptActivity])
		lastActivity.set(row.userId, later(lastActivity.get(row.userId) ?? null, toDate(row.latest)));
	const quizzesOf = new Map<string, QuizRecord[]>();
	for (const row of struggleRows) {
		let quizzes = quizzesOf.get(row.userId);
		if (!quizzes) quizzesOf.set(row.userId, (quizzes = []));
		quizzes.push({
			lessonKey: row.lessonKey,
			quizId: row.quizId,
			best: Number(row.best),
			failures: Number(row.failures)
		});
	}
	const firstAssigned = lessons.map(
		(lesson) => new Date(Math.min(...lesson.assignmentIds.map((id) => assignedAt.get(id)!.getTime())))
	);
	const pastDue = lessons.map((lesson) => lesson.dueAt !== null && lesson.dueAt < now);

	const rows = learners.map((learner): ReportRow => {
		const cells = lessons.map((lesson, i): ReportCell => {
			const key = `${learner.id} ${lesson.lessonKey}`;
			const stored = statusOf.get(key);
			const status: CellStatus = stored === 'completed' ? 'done' : stored === 'started' ? 'started' : 'notStarted';
			return {
				lessonKey: lesson.lessonKey,
				status,
				overdue: status !== 'done' && pastDue[i]!,
				bestScore: scoreOf.get(key) ?? null
			};
		});
		const last = lastActivity.get(learner.id) ?? null;
		return {
			learnerId: learner.id,
			name: learner.displayName ?? learner.username,
			username: learner.username,
			cells,
			done: cells.filter((cell) => cell.status === 'done').length,
			lastActivity: last,
			needsHelp: needsHelp(
				{
					joinedAt: learner.joinedAt,
					lastActivity: last,
					quizzes: quizzesOf.get(learner.id) ?? [],
					lessons: lessons.map((lesson, i) => ({
						lessonKey: lesson.lessonKey,
						done: cells[i]!.status === 'done',
						dueAt: lesson.dueAt,
						assignedAt: firstAssigned[i]!
					}))
				},
				now
			)
		};
	});
	rows.sort((a, b) => a.name.localeCompare(b.name) || a.username.localeCompare(b.username));
	const cells = rows.length * lessons.length;
	return {
		lessons,
		rows,
		summary: {
			learners: rows.length,
			lessons: lessons.length,
			needHelp: rows.filter((row) => row.needsHelp.length > 0).length,
			doneShare: cells ? Math.round((rows.reduce((sum, row) => sum + row.done, 0) / cells) * 100) : 0
		}
	};
}

export interface LearnerDetails {
	/** Every attempt on the assigned lessons' quizzes, newest first, grouped by quiz in lesson order. */
	quizzes: { lessonKey: string; quizId: string; attempts: { at: Date; score: number }[] }[];
	lastActivity: Date | null;
	/** Self-check results of the assigned lessons' courses per DigComp area, 0–100, before and after. */
	selfChecks: { area: string; before: number | null; after: number | null }[];
}

/** What the instructors of `classId` see about one of its learners beyond the report's row. */
export async function learnerDetails(
	db: Db,
	classId: string,
	learnerId: string,
	options: { catalogue?: Catalogue } = {}
): Promise<LearnerDetails> {
	const catalogue = options.catalogue ?? getCatalogue();
	const lessons = expandAssignments(await listAssignments(db, classId), catalogue);
	const keys = lessons.map((lesson) => lesson.lessonKey);
	const courseIds = [...new Set(lessons.map((lesson) => lesson.courseId))];
	const { quizAttempts: attempts, lessonProgress: progress, selfChecks } = db.t;
	const [attemptRows, lastProgress, checkRows] = await Promise.all([
		keys.length
			? db.orm
					.select({
						lessonKey: attempts.lessonKey,
						quizId: attempts.quizId,
						score: attempts.score,
						at: attempts.createdAt
					})
					.from(attempts)
					.where(and(eq(attempts.userId, learnerId), inArray(attempts.lessonKey, keys)))
					.orderBy(desc(attempts.createdAt), asc(attempts.id))
			: [],
		keys.length
			? db.orm
					.select({ at: max(progress.updatedAt) })
					.from(progress)
					.where(and(eq(progress.userId, learnerId), inArray(progress.lessonKey, keys)))
			: [],
		courseIds.length
			? db.orm
					.select({
						phase: selfChecks.phase,
						competence: selfChecks.competence,
						sum: sql<number>`sum(${selfChecks.rating})`,
						n: count()
					})
					.from(selfChecks)
					.where(and(eq(selfChecks.userId, learnerId), inArray(selfChecks.courseId, courseIds)))
					.groupBy(selfChecks.phase, selfChecks.competence)
			: []
	]);

	const order = new Map(keys.map((key, i) => [key, i]));
	const byQuiz = new Map<string, LearnerDetails['quizzes'][number]>();
	for (const row of attemptRows) {
		const id = `${row.lessonKey}#${row.quizId}`;
		let quiz = byQuiz.get(id);
		if (!quiz) byQuiz.set(id, (quiz = { lessonKey: row.lessonKey, quizId: row.quizId, attempts: [] }));
		quiz.attempts.push({ at: row.at, score: row.score });
	}
	const quizzes = [...byQuiz.values()].sort((a, b) => {
		const lessonOrder = order.get(a.lessonKey)! - order.get(b.lessonKey)!;
		if (lessonOrder) return lessonOrder;
		const ids = lessonQuizIds(catalogue.lesson(a.lessonKey)!);
		return ids.indexOf(a.quizId) - ids.indexOf(b.quizId);
	});
	const lastAttempt = attemptRows[0]?.at ?? null;

	// Ratings are 0 (not yet) to 2 (on my own); an area's result is their share of the most possible.
	const areas = new Map<string, Record<'before' | 'after', { sum: number; n: number }>>();
	for (const row of checkRows) {
		const area = row.competence.split('.')[0]!;
		const entry = areas.get(area) ?? { before: { sum: 0, n: 0 }, after: { sum: 0, n: 0 } };
		entry[row.phase].sum += Number(row.sum);
		entry[row.phase].n += Number(row.n);
		areas.set(area, entry);
	}
	const percent = (p: { sum: number; n: number }) => (p.n ? Math.round((p.sum / (p.n * 2)) * 100) : null);
	return {
		quizzes,
		lastActivity: later(toDate(lastProgress[0]?.at), lastAttempt),
		selfChecks: [...areas]
			.sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
			.map(([area, phases]) => ({ area, before: percent(phases.before), after: percent(phases.after) }))
	};
}

/** The classes `learnerId` is a learner of, by name. */
export async function classesOfLearner(db: Db, learnerId: string) {
	const { classes, classMembers: members } = db.t;
	return db.orm
		.select({ id: classes.id, name: classes.name, archivedAt: classes.archivedAt })
		.from(members)
		.innerJoin(classes, eq(classes.id, members.classId))
		.where(eq(members.userId, learnerId))
		.orderBy(asc(classes.name), asc(classes.id));
}
