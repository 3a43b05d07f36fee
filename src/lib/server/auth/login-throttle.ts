/**
 * Sign-in throttling whose state lives in the database, so it holds across every app
 * process. Attempts are counted per username and per client address. From the fifth
 * failure in a row the key is locked, for 30 s doubling with each further failure, at
 * most 15 minutes. Counts older than an hour start again from zero.
 *
 * Check and count are one statement: an attempt is *reserved* (counted as a failure and,
 * when it is the one that reaches the limit, the lock set) before its password is looked
 * at, by an upsert that changes nothing and returns no row while the key is locked. So
 * however many requests arrive at once, on however many processes, no more passwords are
 * evaluated than the rules allow. A successful sign-in gives its reservation back.
 */
import { and, eq, gt, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/database.ts';

export const FREE_ATTEMPTS = 4;
const BASE_LOCK_MS = 30_000;
const MAX_LOCK_MS = 15 * 60_000;
const FORGET_AFTER_MS = 60 * 60_000;
// Many learners in one class share a school's address: the address limit is higher.
const ADDRESS_FREE_ATTEMPTS = 30;

export const usernameThrottleKey = (usernameKey: string) => `user:${usernameKey}`;
export const addressThrottleKey = (address: string) => `ip:${address}`;

const freeAttemptsFor = (key: string) => (key.startsWith('ip:') ? ADDRESS_FREE_ATTEMPTS : FREE_ATTEMPTS);

export function lockDuration(failures: number, freeAttempts = FREE_ATTEMPTS): number {
	if (failures <= freeAttempts) return 0;
	return Math.min(BASE_LOCK_MS * 2 ** (failures - freeAttempts - 1), MAX_LOCK_MS);
}

/** When the latest of these keys' locks ends, or null when none is locked. */
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

/**
 * `lockedUntil` for a key that now has `failures` failures, as SQL: a `case` over the few
 * counts whose lock durations differ (beyond them the lock is at its maximum).
 */
function lockAfter(db: Db, failures: SQL, free: number, now: Date): SQL {
	const t = db.t.loginThrottles;
	const until = (n: number) => sql.param(new Date(now.getTime() + lockDuration(n, free)), t.lockedUntil);
	const cases: SQL[] = [];
	let n = free + 1;
	for (; lockDuration(n, free) < MAX_LOCK_MS; n++) cases.push(sql`when ${failures} = ${n} then ${until(n)}`);
	// Below the limit the old value stays: null, or a lock that has already ended. (It also
	// gives PostgreSQL the type of the parameters.)
	return sql`case ${sql.join(cases, sql` `)} when ${failures} >= ${n} then ${until(n)} else ${t.lockedUntil} end`;
}

export type Reservation = { allowed: true } | { allowed: false; until: Date };

/**
 * Reserves one attempt on every key, or none when one of them is locked (the ones already
 * reserved are given back). The caller evaluates the password only when allowed.
 */
export async function reserveLoginAttempt(db: Db, keys: string[], now = new Date()): Promise<Reservation> {
	const reserved: string[] = [];
	for (const key of keys) {
		if (await reserveKey(db, key, now)) {
			reserved.push(key);
			continue;
		}
		for (const done of reserved) await releaseLoginAttempt(db, done);
		// The lock may have ended in between; a moment's lock is still the honest answer.
		const until = (await lockedUntil(db, [key], now)) ?? new Date(now.getTime() + 1000);
		return { allowed: false, until };
	}
	return { allowed: true };
}

async function reserveKey(db: Db, key: string, now: Date): Promise<boolean> {
	const t = db.t.loginThrottles;
	const stale = new Date(now.getTime() - FORGET_AFTER_MS);
	const failures = sql`(case when ${lt(t.updatedAt, stale)} then 1 else ${t.failures} + 1 end)`;
	const free = freeAttemptsFor(key);
	const rows = await db.orm
		.insert(t)
		.values({ key, failures: 1, updatedAt: now })
		.onConflictDoUpdate({
			target: t.key,
			set: { failures, lockedUntil: lockAfter(db, failures, free, now), updatedAt: now },
			// A locked key is left as it is, and no row comes back.
			setWhere: or(isNull(t.lockedUntil), lte(t.lockedUntil, now))
		})
		.returning({ failures: t.failures });
	return rows.length === 1;
}

/** Gives a reserved attempt back (it was not a failure): one count less, and no lock below the limit. */
export async function releaseLoginAttempt(db: Db, key: string): Promise<void> {
	const t = db.t.loginThrottles;
	const free = freeAttemptsFor(key);
	await db.orm
		.update(t)
		.set({
			failures: sql`(case when ${t.failures} > 0 then ${t.failures} - 1 else 0 end)`,
			lockedUntil: sql`(case when ${t.failures} - 1 <= ${free} then null else ${t.lockedUntil} end)`
		})
		.where(and(eq(t.key, key), gt(t.failures, 0)));
}

export async function clearLoginFailures(db: Db, key: string): Promise<void> {
	await db.orm.delete(db.t.loginThrottles).where(eq(db.t.loginThrottles.key, key));
}
