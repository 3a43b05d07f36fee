/**
 * Auth's part of "my data": the account itself, its sessions, its requests to become an
 * instructor (see server/privacy). Deleting the account retires its username for 90 days.
 */
import { eq, inArray } from 'drizzle-orm';
import type { PrivacyPart } from '../privacy/registry.ts';
import { usernameThrottleKey } from './login-throttle.ts';
import { recoveryThrottleKey } from './recovery-code.ts';
import { retireUsername } from './retired-usernames.ts';

export const authPrivacy: PrivacyPart = {
	domain: 'auth',
	tables: { users: 'delete', sessions: 'delete', recoveryCodes: 'delete', instructorRequests: 'delete' },
	async export(db, userId) {
		const { users, sessions, recoveryCodes, instructorRequests } = db.t;
		const [account] = await db.orm
			.select({
				id: users.id,
				username: users.username,
				role: users.role,
				email: users.email,
				displayName: users.displayName,
				locale: users.locale,
				createdAt: users.createdAt,
				passwordChangedAt: users.passwordChangedAt
			})
			.from(users)
			.where(eq(users.id, userId));
		if (!account) return {};
		return {
			account,
			sessions: await db.orm
				.select({ createdAt: sessions.createdAt, expiresAt: sessions.expiresAt })
				.from(sessions)
				.where(eq(sessions.userId, userId)),
			// When the code was made; the code itself is not kept, and its hash is a secret.
			recoveryCodes: await db.orm
				.select({ createdAt: recoveryCodes.createdAt })
				.from(recoveryCodes)
				.where(eq(recoveryCodes.userId, userId)),
			// Their own requests; which admin decided is not theirs to know by id.
			instructorRequests: await db.orm
				.select({
					note: instructorRequests.note,
					status: instructorRequests.status,
					createdAt: instructorRequests.createdAt,
					decidedAt: instructorRequests.decidedAt
				})
				.from(instructorRequests)
				.where(eq(instructorRequests.userId, userId))
		};
	},
	async erase(tx, userId) {
		const { users, sessions, loginThrottles, recoveryCodes, instructorRequests } = tx.t;
		const [user] = await tx.orm.select({ usernameKey: users.usernameKey }).from(users).where(eq(users.id, userId));
		await tx.orm.delete(sessions).where(eq(sessions.userId, userId));
		await tx.orm.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
		await tx.orm.delete(instructorRequests).where(eq(instructorRequests.userId, userId));
		// Requests a deleted admin decided stay the requester's, without the link to the admin.
		await tx.orm
			.update(instructorRequests)
			.set({ decidedByUserId: null })
			.where(eq(instructorRequests.decidedByUserId, userId));
		// Failed sign-ins are counted under the username; a deleted name leaves no count behind.
		if (user) {
			await retireUsername(tx, user.usernameKey);
			await tx.orm
				.delete(loginThrottles)
				.where(
					inArray(loginThrottles.key, [usernameThrottleKey(user.usernameKey), recoveryThrottleKey(user.usernameKey)])
				);
		}
		await tx.orm.delete(users).where(eq(users.id, userId));
	}
};
