/**
 * Blocking and unblocking an account. A blocked account can still read, learn and download
 * its data; requireMayContribute (standing.ts) refuses its posts and supports. Moderators
 * and admins cannot be blocked here (that is a matter of their role). Each change is one
 * transaction with its audit entry and the person's notification.
 */
import { desc, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record.ts';
import type { Db } from '../db/database.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { notify } from '../notifications/notify.ts';
import type { ModerationReason } from './rules.ts';

export type BlockRefusal = 'notFound' | 'protectedRole' | 'alreadyBlocked' | 'notBlocked';
export type BlockResult = { ok: true } | { ok: false; reason: BlockRefusal };

class AlreadyBlocked extends Error {}

export async function blockAccount(
	db: Db,
	moderatorId: string,
	userId: string,
	block: { reason: ModerationReason; note: string | null },
	now = new Date()
): Promise<BlockResult> {
	const { users } = db.t;
	const [user] = await db.orm.select({ role: users.role }).from(users).where(eq(users.id, userId)).limit(1);
	if (!user) return { ok: false, reason: 'notFound' };
	if (user.role === 'moderator' || user.role === 'admin') return { ok: false, reason: 'protectedRole' };
	try {
		await db.transaction(async (tx) => {
			const inserted = await tx.orm
				.insert(tx.t.accountBlocks)
				.values({ userId, blockedBy: moderatorId, reason: block.reason, note: block.note, createdAt: now })
				.onConflictDoNothing()
				.returning({ userId: tx.t.accountBlocks.userId });
			if (inserted.length === 0) throw new AlreadyBlocked();
			await recordAudit(
				tx,
				{ actorId: moderatorId, action: 'account.block', subjectKind: 'account', subjectId: userId, ...block },
				now
			);
			await notify(tx, userId, 'account_blocked', { reason: block.reason }, now);
		});
	} catch (error) {
		if (error instanceof AlreadyBlocked || isUniqueViolation(error)) return { ok: false, reason: 'alreadyBlocked' };
		throw error;
	}
	return { ok: true };
}

export async function unblockAccount(
	db: Db,
	moderatorId: string,
	userId: string,
	note: string | null = null,
	now = new Date()
): Promise<BlockResult> {
	return db.transaction(async (tx) => {
		const { accountBlocks } = tx.t;
		const removed = await tx.orm
			.delete(accountBlocks)
			.where(eq(accountBlocks.userId, userId))
			.returning({ reason: accountBlocks.reason });
		if (removed.length === 0) return { ok: false, reason: 'notBlocked' };
		await recordAudit(
			tx,
			{ actorId: moderatorId, action: 'account.unblock', subjectKind: 'account', subjectId: userId, note },
			now
		);
		await notify(tx, userId, 'account_unblocked', {}, now);
		return { ok: true };
	});
}

/** Blocked accounts, newest first, for the queue's tab. */
export async function listBlockedAccounts(db: Db, { limit, offset }: { limit: number; offset: number }) {
	const { accountBlocks, users } = db.t;
	return db.orm
		.select({
			userId: accountBlocks.userId,
			username: users.username,
			reason: accountBlocks.reason,
			note: accountBlocks.note,
			createdAt: accountBlocks.createdAt
		})
		.from(accountBlocks)
		.innerJoin(users, eq(users.id, accountBlocks.userId))
		.orderBy(desc(accountBlocks.createdAt))
		.limit(limit)
		.offset(offset);
}
