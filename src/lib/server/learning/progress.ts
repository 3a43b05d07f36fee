/**
 * Learning progress of people with an account: lessons started and completed, and every
 * quiz attempt. Writes are single statements with conflict handling, so two requests
 * finishing the same lesson at once leave exactly one row.
 */
import { and, desc, eq, max, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { newId } from '../db/ids.ts';

export type LessonStatus = 'started' | 'completed';

export async function recordLessonStart(db: Db, userId: string, lessonKey: string, now = new Date()): Promise<void> {
	const t = db.t.lessonProgress;
	await db.orm
		.insert(t)
		.values({ userId, lessonKey, status: 'started', startedAt: now, updatedAt: now })
		.onConflictDoUpdate({ target: [t.userId, t.lessonKey], set: { updatedAt: now } });
}

export async function recordLessonCompletion(
	db: Db,
	userId: string,
	lessonKey: string,
	now = new Date()
): Promise<void> {
	const t = db.t.lessonProgress;
	await db.orm
		.insert(t)
		.values({ userId, lessonKey, status: 'completed', startedAt: now, completedAt: now, updatedAt: now })
		.onConflictDoUpdate({
			target: [t.userId, t.lessonKey],
			// The first completion date stays; finishing again only counts as activity.
			set: { status: 'completed', completedAt: sql`coalesce(${t.completedAt}, excluded.completed_at)`, updatedAt: now }
		});
}

export async function recordQuizAttempt(
	db: Db,
	attempt: { userId: string; lessonKey: string; quizId: string; score: number },
	now = new Date()
): Promise<void> {
	await db.orm.insert(db.t.quizAttempts).values({ id: newId(), ...attempt, createdAt: now });
}

export async function lessonStatuses(db: Db, userId: string): Promise<Map<string, LessonStatus>> {
	const t = db.t.lessonProgress;
	const rows = await db.orm.select({ lessonKey: t.lessonKey, status: t.status }).from(t).where(eq(t.userId, userId));
	return new Map(rows.map((row) => [row.lessonKey, row.status]));
}

/** Best score per quiz id for one lesson. */
export async function bestQuizScores(db: Db, userId: string, lessonKey: string): Promise<Map<string, number>> {
	const t = db.t.quizAttempts;
	const rows = await db.orm
		.select({ quizId: t.quizId, best: max(t.score) })
		.from(t)
		.where(and(eq(t.userId, userId), eq(t.lessonKey, lessonKey)))
		.groupBy(t.quizId);
	return new Map(rows.map((row) => [row.quizId, Number(row.best ?? 0)]));
}

/** Best score per quiz over all lessons, keyed "course/lesson#quiz". */
export async function allBestQuizScores(db: Db, userId: string): Promise<Map<string, number>> {
	const t = db.t.quizAttempts;
	const rows = await db.orm
		.select({ lessonKey: t.lessonKey, quizId: t.quizId, best: max(t.score) })
		.from(t)
		.where(eq(t.userId, userId))
		.groupBy(t.lessonKey, t.quizId);
	return new Map(rows.map((row) => [`${row.lessonKey}#${row.quizId}`, Number(row.best ?? 0)]));
}

/**
 * Why a lesson cannot be marked complete yet, as an i18n key, or null: it must have been
 * opened, and each of its quizzes answered at least once.
 */
export function completionProblem(
	quizIds: string[],
	learner: { started: boolean; answered: ReadonlySet<string> }
): 'learn.lesson.openFirst' | 'learn.lesson.answerFirst' | null {
	if (!learner.started) return 'learn.lesson.openFirst';
	if (quizIds.some((id) => !learner.answered.has(id))) return 'learn.lesson.answerFirst';
	return null;
}

export async function recentQuizAttempts(db: Db, userId: string, limit = 10) {
	const t = db.t.quizAttempts;
	return db.orm
		.select({ lessonKey: t.lessonKey, quizId: t.quizId, score: t.score, createdAt: t.createdAt })
		.from(t)
		.where(eq(t.userId, userId))
		.orderBy(desc(t.createdAt))
		.limit(limit);
}

/** The lesson touched most recently, for "continue where you left off". */
export async function lastLessonActivity(db: Db, userId: string) {
	const t = db.t.lessonProgress;
	const [row] = await db.orm
		.select({ lessonKey: t.lessonKey, status: t.status, updatedAt: t.updatedAt })
		.from(t)
		.where(eq(t.userId, userId))
		.orderBy(desc(t.updatedAt))
		.limit(1);
	return row ?? null;
}
