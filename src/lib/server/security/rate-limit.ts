/**
 * Fixed-window rate limits whose state lives in the database (`rate_limits`), so a limit
 * holds across every app process. One hit is one atomic upsert: it starts a new window
 * when the old one is over, or counts one more hit in it, and says whether this hit is
 * within the limit. However many requests arrive at once, no more than `limit` pass.
 */
import { inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';

export interface RateLimitResult {
	allowed: boolean;
	/** When the current window ends and hits are allowed again; null when allowed. */
	retryAt: Date | null;
}

export async function hitRateLimit(
	db: Db,
	key: string,
	{ limit, windowMs, now = new Date() }: { limit: number; windowMs: number; now?: Date }
): Promise<RateLimitResult> {
	const t = db.t.rateLimits;
	const over = lte(t.windowStartedAt, new Date(now.getTime() - windowMs));
	const [row] = await db.orm
		.insert(t)
		.values({ key, hits: 1, windowStartedAt: now })
		.onConflictDoUpdate({
			target: t.key,
			set: {
				// Past the limit the count stops at limit + 1: the answer is the same, and it cannot grow without end.
				hits: sql`case when ${over} then 1 when ${t.hits} > ${limit} then ${limit + 1} else ${t.hits} + 1 end`,
				windowStartedAt: sql`case when ${over} then ${sql.param(now, t.windowStartedAt)} else ${t.windowStartedAt} end`
			}
		})
		.returning({ hits: t.hits, windowStartedAt: t.windowStartedAt });
	if (!row || row.hits <= limit) return { allowed: true, retryAt: null };
	return { allowed: false, retryAt: new Date(row.windowStartedAt.getTime() + windowMs) };
}

/** Forgets windows that ended long ago (the table holds one row per key). */
export async function pruneRateLimits(db: Db, olderThanMs: number, now = new Date()): Promise<void> {
	const t = db.t.rateLimits;
	await db.orm.delete(t).where(lte(t.windowStartedAt, new Date(now.getTime() - olderThanMs)));
}

/**
 * The key of a limit counted per person (comments, proposals, reports): "<action>:user:<id>".
 * Such a row names a person, so deleting the account deletes it (forgetPersonLimits).
 */
export const personLimitKey = (action: string, userId: string): string => `${action}:user:${userId}`;

/** Deletes a person's per-person limit rows for the given actions (account deletion). */
export async function forgetPersonLimits(db: Db, userId: string, actions: readonly string[]): Promise<void> {
	if (actions.length === 0) return;
	const t = db.t.rateLimits;
	await db.orm.delete(t).where(
		inArray(
			t.key,
			actions.map((action) => personLimitKey(action, userId))
		)
	);
}
