/**
 * Accounts: sign-up, sign-in, password change. Taking one's data along and deleting the
 * account span every domain: see server/privacy.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { newId } from '../db/ids.ts';
import {
	addressThrottleKey,
	clearLoginFailures,
	releaseLoginAttempt,
	reserveLoginAttempt,
	usernameThrottleKey
} from './login-throttle.ts';
import { dummyPasswordHash, hashPassword, passwordProblem, verifyPasswordHash } from './password.ts';
import { DEFAULT_ROLE, type Role } from '../../roles.ts';
import { isUsernameRetired } from './retired-usernames.ts';
import { invalidateUserSessions } from './session.ts';

export type User = Db['t']['users']['$inferSelect'];
export type NewAccount = { username: string; password: string; email?: string | null; locale: string; role?: Role };
export type Result<T> = { ok: true; value: T } | { ok: false; error: string; field?: string; until?: Date };

export const usernameKey = (username: string) => username.normalize('NFC').toLowerCase();

export async function registerUser(db: Db, account: NewAccount, now = new Date()): Promise<Result<User>> {
	const problem = passwordProblem(account.password, account.username);
	if (problem) return { ok: false, error: problem, field: 'password' };
	// A deleted account's name stays unusable for a while (./retired-usernames.ts).
	if (await isUsernameRetired(db, usernameKey(account.username), now)) {
		return { ok: false, error: 'errors.username.retired', field: 'username' };
	}
	const passwordHash = await hashPassword(account.password);
	try {
		const [user] = await db.orm
			.insert(db.t.users)
			.values({
				id: newId(),
				username: account.username,
				usernameKey: usernameKey(account.username),
				passwordHash,
				role: account.role ?? DEFAULT_ROLE,
				email: account.email ?? null,
				locale: account.locale,
				createdAt: now,
				passwordChangedAt: now
			})
			.returning();
		return { ok: true, value: user! };
	} catch (error) {
		if (isUniqueViolation(error)) return { ok: false, error: 'errors.username.taken', field: 'username' };
		throw error;
	}
}

export async function findUserByUsername(db: Db, username: string): Promise<User | undefined> {
	const [user] = await db.orm
		.select()
		.from(db.t.users)
		.where(eq(db.t.users.usernameKey, usernameKey(username)));
	return user;
}

export async function findUserById(db: Db, id: string): Promise<User | undefined> {
	const [user] = await db.orm.select().from(db.t.users).where(eq(db.t.users.id, id));
	return user;
}

/**
 * Checks a username and password. Unknown usernames and wrong passwords get the same
 * answer and take the same time; repeated failures lock the username and the address.
 * Every attempt is counted before its password is evaluated; a success takes it back.
 */
export async function authenticate(
	db: Db,
	credentials: { username: string; password: string; address: string },
	now = new Date()
): Promise<Result<User>> {
	const userKey = usernameThrottleKey(usernameKey(credentials.username));
	const addressKey = addressThrottleKey(credentials.address);
	// Counted before the password is looked at: concurrent attempts cannot slip past the limit.
	const reservation = await reserveLoginAttempt(db, [addressKey, userKey], now);
	if (!reservation.allowed) return { ok: false, error: 'errors.signIn.locked', until: reservation.until };

	const user = await findUserByUsername(db, credentials.username);
	const valid = await verifyPasswordHash(user?.passwordHash ?? (await dummyPasswordHash()), credentials.password);
	if (!user || !valid) return { ok: false, error: 'errors.signIn.invalid' };
	await clearLoginFailures(db, userKey);
	await releaseLoginAttempt(db, addressKey);
	return { ok: true, value: user };
}

/** Changes the password and signs the person out everywhere (the caller starts a new session). */
export async function changePassword(
	db: Db,
	userId: string,
	passwords: { currentPassword: string; newPassword: string },
	now = new Date()
): Promise<Result<null>> {
	const [user] = await db.orm.select().from(db.t.users).where(eq(db.t.users.id, userId));
	if (!user) return { ok: false, error: 'errors.notFound' };
	if (!(await verifyPasswordHash(user.passwordHash, passwords.currentPassword))) {
		return { ok: false, error: 'errors.password.currentWrong', field: 'currentPassword' };
	}
	const problem = passwordProblem(passwords.newPassword, user.username);
	if (problem) return { ok: false, error: problem, field: 'newPassword' };
	const passwordHash = await hashPassword(passwords.newPassword);
	await db.transaction(async (tx) => {
		await tx.orm.update(tx.t.users).set({ passwordHash, passwordChangedAt: now }).where(eq(tx.t.users.id, userId));
		await invalidateUserSessions(tx, userId);
	});
	return { ok: true, value: null };
}

export async function setUserLocale(db: Db, userId: string, locale: string): Promise<void> {
	await db.orm.update(db.t.users).set({ locale }).where(eq(db.t.users.id, userId));
}

/** Checks the password of a signed-in person before something grave (deleting the account). */
export async function confirmPassword(db: Db, userId: string, password: string): Promise<Result<null>> {
	const [user] = await db.orm.select().from(db.t.users).where(eq(db.t.users.id, userId));
	if (!user) return { ok: false, error: 'errors.notFound' };
	if (!(await verifyPasswordHash(user.passwordHash, password))) {
		return { ok: false, error: 'errors.password.currentWrong', field: 'password' };
	}
	return { ok: true, value: null };
}
