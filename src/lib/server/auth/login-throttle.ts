/**
 * Sign-in throttling whose state lives in the database, so it holds across every app
 * process. Failures are counted per username and per client address. From the fifth
 * failure in a row the key is locked, for 30 s doubling with each further failure, at
 * most 15 minutes. Counts older than an hour start again from zero.
 */
import { eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';

export const FREE_ATTEMPTS = 4;
const BASE_LOCK_MS = 30_000;
const MAX_LOCK_MS = 15 * 60_000;
const FORGET_AFTER_MS = 60 * 60_000;
// Many learners in one class share a school's address: the address limit is higher.
const ADDRESS_FREE_ATTEMPTS = 30;

export const usernameThrottleKey = (usernameKey: string) => `user:${usernameKey}`;
export const addressThrottleKey = (address: string) => `ip:${address}`;

export function lockDuration(failures: number, freeAttempts = FREE_ATTEMPTS): number {
	if (failures <= freeAttempts) return 0;
	return Math.min(BASE_LOCK_MS * 2 ** (failures - freeAttempts - 1), MAX_LOCK_MS);
}

/** When the earliest of these keys may try again, or null when none is locked. */
export async function lockedUntil(db: Db, keys: string[], now = new Date()): Promise<Date | null> {
	let latest: Date | null = null;
	for (const key of keys) {
		const [row] = await db.orm
			.select({ lockedUntil: db.t.loginThrottles.lockedUntil })
			.from(db.t.loginThrottles)
			.where(eq(db.t.loginThrottles.key, key));
		const until = row?.lockedUntil;
		if (until && until > now && (!latest || until > latest)) latest = until;
	}
	return latest;
}

/** Counts one failed attempt for each key, atomically even under concurrent requests. */
export async function recordLoginFailure(db: Db, keys: string[], now = new Date()): Promise<void> {
	const t = db.t.loginThrottles;
	for (const key of keys) {
		const stale = new Date(now.getTime() - FORGET_AFTER_MS);
		const [row] = await db.orm
			.insert(t)
			.values({ key, failures: 1, updatedAt: now })
			.onConflictDoUpdate({
				target: t.key,
				set: {
					failures: sql`case when ${lt(t.updatedAt, stale)} then 1 else ${t.failures} + 1 end`,
					updatedAt: now
				}
			})
			.returning({ failures: t.failures });
		const free = key.startsWith('ip:') ? ADDRESS_FREE_ATTEMPTS : FREE_ATTEMPTS;
		const lock = lockDuration(row?.failures ?? 1, free);
		if (lock > 0) {
			await db.orm
				.update(t)
				.set({ lockedUntil: new Date(now.getTime() + lock) })
				.where(eq(t.key, key));
		}
	}
}

export async function clearLoginFailures(db: Db, key: string): Promise<void> {
	await db.orm.delete(db.t.loginThrottles).where(eq(db.t.loginThrottles.key, key));
}
