/**
 * Recovery codes: a way back for people who have no e-mail address and forget their
 * password. The code is shown once, to print or write down; Lotse keeps only its hash.
 * Username and code set a new password, sign out every session and replace the code, so a
 * code works once. Attempts are throttled like sign-in (per username and per address).
 *
 * A code is 16 characters from an alphabet without look-alikes (no 0/O, 1/I/L), about 79
 * bits: a hash without salt or stretching is enough for a secret that cannot be guessed.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { usernameKey, type Result } from './account.ts';
import { addressThrottleKey, clearLoginFailures, releaseLoginAttempt, reserveLoginAttempt } from './login-throttle.ts';
import { hashPassword, passwordProblem } from './password.ts';
import { randomCode } from '../security/random-code.ts';
import { invalidateUserSessions } from './session.ts';

const LENGTH = 16;

/** The code as people read it: four groups of four, e.g. "K7QF-2M9X-HT4R-ZP8C". */
export const formatRecoveryCode = (code: string) => code.match(/.{1,4}/g)!.join('-');

/** What a person typed, the way it was issued: case, spaces and hyphens do not matter. */
export const normaliseRecoveryCode = (typed: string) => typed.toUpperCase().replace(/[\s-]/g, '');

const hashOf = (code: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(normaliseRecoveryCode(code))));

/** Recovery attempts are counted apart from sign-ins, by username; the address limit is shared. */
export const recoveryThrottleKey = (key: string) => `recover:${key}`;

/** Issues a new code for the person (replacing any old one) and returns it, formatted, to show once. */
export async function issueRecoveryCode(db: Db, userId: string, now = new Date()): Promise<string> {
	const code = randomCode(LENGTH);
	await db.orm
		.insert(db.t.recoveryCodes)
		.values({ userId, codeHash: hashOf(code), createdAt: now })
		.onConflictDoUpdate({ target: db.t.recoveryCodes.userId, set: { codeHash: hashOf(code), createdAt: now } });
	return formatRecoveryCode(code);
}

/** When the person's current code was issued, or null when they have none. */
export async function recoveryCodeIssuedAt(db: Db, userId: string): Promise<Date | null> {
	const [row] = await db.orm
		.select({ createdAt: db.t.recoveryCodes.createdAt })
		.from(db.t.recoveryCodes)
		.where(eq(db.t.recoveryCodes.userId, userId));
	return row?.createdAt ?? null;
}

export interface Recovery {
	username: string;
	code: string;
	newPassword: string;
	address: string;
}

/**
 * Sets a new password with username and code. On success every session of the person is
 * ended (the caller signs this device in) and a new code replaces the used one; it is returned
 * to be shown once. Unknown usernames and wrong codes get the same answer.
 */
export async function recoverAccount(
	db: Db,
	recovery: Recovery,
	now = new Date()
): Promise<Result<{ userId: string; newCode: string }>> {
	const key = usernameKey(recovery.username);
	const problem = passwordProblem(recovery.newPassword, recovery.username);
	if (problem) return { ok: false, error: problem, field: 'newPassword' };
	const userKey = recoveryThrottleKey(key);
	const addressKey = addressThrottleKey(recovery.address);
	const reservation = await reserveLoginAttempt(db, [addressKey, userKey], now);
	if (!reservation.allowed) return { ok: false, error: 'errors.recovery.locked', until: reservation.until };

	const { users, recoveryCodes } = db.t;
	const [user] = await db.orm.select({ id: users.id }).from(users).where(eq(users.usernameKey, key));
	const passwordHash = await hashPassword(recovery.newPassword);
	const newCode = randomCode(LENGTH);
	const used = await db.transaction(async (tx) => {
		if (!user) return false;
		// Deleting the matching row is the check: of two requests with one code, one finds it.
		const deleted = await tx.orm
			.delete(tx.t.recoveryCodes)
			.where(and(eq(recoveryCodes.userId, user.id), eq(recoveryCodes.codeHash, hashOf(recovery.code))))
			.returning({ userId: recoveryCodes.userId });
		if (deleted.length === 0) return false;
		await tx.orm.update(tx.t.users).set({ passwordHash, passwordChangedAt: now }).where(eq(tx.t.users.id, user.id));
		await invalidateUserSessions(tx, user.id);
		await tx.orm.insert(tx.t.recoveryCodes).values({ userId: user.id, codeHash: hashOf(newCode), createdAt: now });
		return true;
	});
	if (!used || !user) return { ok: false, error: 'errors.recovery.invalid' };
	await clearLoginFailures(db, userKey);
	await releaseLoginAttempt(db, addressKey);
	return { ok: true, value: { userId: user.id, newCode: formatRecoveryCode(newCode) } };
}
