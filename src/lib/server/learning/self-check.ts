/**
 * Self-checks before and after a course ("I can …": not yet / with help / on my own) and
 * the DigComp skills profile built from them.
 */
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/database.ts';
import type { Course } from './catalogue.ts';

export type Phase = 'before' | 'after';
export const RATINGS = [0, 1, 2] as const;

const rating = z.coerce.number().int().min(0).max(2);

/**
 * The self-check form of a course: the phase, and one rating per statement. A statement
 * left out gets one message for the whole form (the page lists no field for it).
 */
export function selfCheckForm(course: Course) {
	return z
		.object({ phase: z.unknown() })
		.catchall(z.unknown())
		.transform((form, ctx) => {
			const phase: Phase = form.phase === 'after' ? 'after' : 'before';
			const ratings: Record<string, number> = {};
			for (const statement of course.selfCheck) {
				const parsed = rating.safeParse(form[statement.id]);
				if (!parsed.success) {
					ctx.addIssue({ code: 'custom', message: 'learn.selfCheck.missing', path: [] });
					return z.NEVER;
				}
				ratings[statement.id] = parsed.data;
			}
			return { phase, ratings };
		});
}

export async function saveSelfCheck(
	db: Db,
	userId: string,
	course: Course,
	phase: Phase,
	ratings: Record<string, number>,
	now = new Date()
): Promise<void> {
	const t = db.t.selfChecks;
	await db.transaction(async (tx) => {
		for (const statement of course.selfCheck) {
			const rating = ratings[statement.id];
			if (rating === undefined) continue;
			await tx.orm
				.insert(t)
				.values({
					userId,
					courseId: course.id,
					phase,
					statementId: statement.id,
					competence: statement.competence,
					rating,
					updatedAt: now
				})
				.onConflictDoUpdate({
					target: [t.userId, t.courseId, t.phase, t.statementId],
					set: { rating, updatedAt: now }
				});
		}
	});
}

export async function selfCheckRatings(db: Db, userId: string, courseId: string) {
	const t = db.t.selfChecks;
	const rows = await db.orm
		.select({ phase: t.phase, statementId: t.statementId, rating: t.rating })
		.from(t)
		.where(and(eq(t.userId, userId), eq(t.courseId, courseId)));
	const result: Record<Phase, Record<string, number>> = { before: {}, after: {} };
	for (const row of rows) result[row.phase][row.statementId] = row.rating;
	return result;
}

/**
 * Per DigComp competence: the latest self-rating (after beats before) as 0–100, averaged
 * over the statements about it.
 */
export async function skillsProfile(db: Db, userId: string): Promise<Map<string, number>> {
	const t = db.t.selfChecks;
	const rows = await db.orm.select().from(t).where(eq(t.userId, userId));
	// One rating per statement: the one after the course where there is one.
	const chosen = new Map<string, (typeof rows)[number]>();
	for (const row of rows) {
		const key = `${row.courseId}/${row.statementId}`;
		const current = chosen.get(key);
		if (!current || (row.phase === 'after' && current.phase === 'before')) chosen.set(key, row);
	}
	const byCompetence = new Map<string, number[]>();
	for (const row of chosen.values())
		byCompetence.set(row.competence, [...(byCompetence.get(row.competence) ?? []), row.rating]);
	return new Map(
		[...byCompetence].map(([competence, ratings]) => [
			competence,
			Math.round((ratings.reduce((a, b) => a + b, 0) / (ratings.length * 2)) * 100)
		])
	);
}
