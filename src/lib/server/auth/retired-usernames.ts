/**
 * A deleted account's username stays unusable for 90 days, so nobody can take a name that
 * classmates and moderators still know as somebody else's. Only a hash of the name is kept.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { and, eq, gt, lte } from 'drizzle-orm';
import type { Db } from '../db/database.ts';

export const USERNAME_RETIREMENT_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

const hashOf = (usernameKey: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(usernameKey)));

/** Keeps `usernameKey` (users.username_key) from being registered for 90 days from `now`. */
export async function retireUsername(db: Db, usernameKey: string, now = new Date()): Promise<void> {
	const retiredUntil = new Date(now.getTime() + USERNAME_RETIREMENT_DAYS * DAY_MS);
	await db.orm
		.insert(db.t.retiredUsernames)
		.values({ usernameKeyHash: hashOf(usernameKey), retiredUntil })
		.onConflictDoUpdate({ target: db.t.retiredUsernames.usernameKeyHash, set: { retiredUntil } });
}

export async function isUsernameRetired(db: Db, usernameKey: string, now = new Date()): Promise<boolean> {
	const [row] = await db.orm
		.select({ until: db.t.retiredUsernames.retiredUntil })
		.from(db.t.retiredUsernames)
		.where(
			and(eq(db.t.retiredUsernames.usernameKeyHash, hashOf(usernameKey)), gt(db.t.retiredUsernames.retiredUntil, now))
		);
	return row !== undefined;
}

/** Forgets retirements that have ended (housekeeping; nothing depends on when it runs). */
export async function forgetEndedRetirements(db: Db, now = new Date()): Promise<void> {
	await db.orm.delete(db.t.retiredUsernames).where(lte(db.t.retiredUsernames.retiredUntil, now));
}
