/**
 * The first sign-in of an account an instructor made or reset: the person replaces the
 * one-time password from their card with one of their own (the usual rules apply) before
 * anything else. Until then every page sends them to that form (hooks.server.ts).
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import type { Result } from './account.ts';
import { hashPassword, passwordProblem, verifyPasswordHash } from './password.ts';
import { invalidateUserSessions } from './session.ts';

/** Sets the person's own password, clears the one-time state and signs out every session. */
export async function replaceOneTimePassword(
	db: Db,
	userId: string,
	newPassword: string,
	now = new Date()
): Promise<Result<null>> {
	const [user] = await db.orm.select().from(db.t.users).where(eq(db.t.users.id, userId));
	if (!user) return { ok: false, error: 'errors.notFound' };
	if (!user.mustChangePassword) return { ok: false, error: 'errors.password.noOneTimePassword' };
	const problem = passwordProblem(newPassword, user.username);
	if (problem) return { ok: false, error: problem, field: 'newPassword' };
	// The card's password is known to whoever saw the card.
	if (await verifyPasswordHash(user.passwordHash, newPassword)) {
		return { ok: false, error: 'errors.password.sameAsOneTime', field: 'newPassword' };
	}
	const passwordHash = await hashPassword(newPassword);
	await db.transaction(async (tx) => {
		await tx.orm
			.update(tx.t.users)
			.set({ passwordHash, passwordChangedAt: now, mustChangePassword: false })
			.where(eq(tx.t.users.id, userId));
		await invalidateUserSessions(tx, userId);
	});
	return { ok: true, value: null };
}

/** Where the form is, after the language: /de/account/new-password. */
export const NEW_PASSWORD_PAGE = 'account/new-password';
