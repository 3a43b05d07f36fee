/**
 * An author's one appeal against a post hidden or rejected by a moderator, and its outcome.
 * The appeal starts from the author's notification (so the decision it names is one about
 * their own post); the unique index makes it one per decision. Deciding is one transaction
 * with the audit entry and the author's notification; restoring publishes the post again.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../audit/record.ts';
import type { Db } from '../db/database.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { newId } from '../db/ids.ts';
import type { NotificationParamsByKind } from '../notifications/kinds.ts';
import { notify } from '../notifications/notify.ts';
import { insertDecision, latestDecision, resolveReports } from './decisions.ts';
import { loadPost, movePost, type PostRefInput } from './posts.ts';

export type AppealRefusal = 'notFound' | 'alreadyAppealed';
export type AppealResult = { ok: true; appealId: string } | { ok: false; reason: AppealRefusal };

/** The decision a person's post_hidden or post_rejected notification is about, if it is theirs to appeal. */
export async function appealableDecision(db: Db, userId: string, notificationId: string) {
	const { notifications, moderationDecisions: decisions, moderationAppeals: appeals } = db.t;
	const [notification] = await db.orm
		.select({ kind: notifications.kind, params: notifications.params })
		.from(notifications)
		.where(and(eq(notifications.id, notificationId), eq(notifications.userId, userId)))
		.limit(1);
	if (!notification || (notification.kind !== 'post_hidden' && notification.kind !== 'post_rejected')) return null;
	const params = JSON.parse(notification.params) as NotificationParamsByKind['post_hidden'];
	const ref: PostRefInput = { kind: params.post, id: params.id };
	const post = await loadPost(db, ref);
	if (!post || post.authorId !== userId) return null;
	const decision =
		notification.kind === 'post_hidden'
			? ((await db.orm.select().from(decisions).where(eq(decisions.id, params.decisionId)).limit(1))[0] ?? null)
			: await latestDecision(db, ref, 'reject');
	if (!decision) return null;
	const [appeal] = await db.orm
		.select({ id: appeals.id, outcome: appeals.outcome })
		.from(appeals)
		.where(eq(appeals.decisionId, decision.id))
		.limit(1);
	return { decision, post, appeal: appeal ?? null };
}

export async function appealDecision(
	db: Db,
	userId: string,
	notificationId: string,
	text: string,
	now = new Date()
): Promise<AppealResult> {
	const found = await appealableDecision(db, userId, notificationId);
	if (!found) return { ok: false, reason: 'notFound' };
	if (found.appeal) return { ok: false, reason: 'alreadyAppealed' };
	const appealId = newId();
	try {
		await db.orm.insert(db.t.moderationAppeals).values({
			id: appealId,
			decisionId: found.decision.id,
			authorId: userId,
			text,
			createdAt: now,
			outcome: null,
			decidedAt: null,
			decidedBy: null
		});
	} catch (error) {
		if (isUniqueViolation(error)) return { ok: false, reason: 'alreadyAppealed' };
		throw error;
	}
	return { ok: true, appealId };
}

export type AppealOutcome = 'upheld' | 'restored';
export type AppealDecisionResult = { ok: true } | { ok: false; reason: 'notFound' | 'stale' };

export async function decideAppeal(
	db: Db,
	moderatorId: string,
	appealId: string,
	outcome: AppealOutcome,
	note: string | null = null,
	now = new Date()
): Promise<AppealDecisionResult> {
	try {
		return await decideAppealOnce(db, moderatorId, appealId, outcome, note, now);
	} catch (error) {
		if (error instanceof StaleAppeal) return { ok: false, reason: 'stale' };
		throw error;
	}
}

function decideAppealOnce(
	db: Db,
	moderatorId: string,
	appealId: string,
	outcome: AppealOutcome,
	note: string | null,
	now: Date
): Promise<AppealDecisionResult> {
	const { moderationAppeals: appeals, moderationDecisions: decisions } = db.t;
	return db.transaction(async (tx) => {
		const [row] = await tx.orm
			.select({ appeal: appeals, decision: decisions })
			.from(appeals)
			.innerJoin(decisions, eq(decisions.id, appeals.decisionId))
			.where(eq(appeals.id, appealId))
			.limit(1);
		if (!row) return { ok: false, reason: 'notFound' };
		const ref: PostRefInput = row.decision.commentId
			? { kind: 'comment', id: row.decision.commentId }
			: { kind: 'proposal', id: row.decision.proposalId! };
		const post = await loadPost(tx, ref);
		if (!post) return { ok: false, reason: 'notFound' };
		const claimed = await tx.orm
			.update(appeals)
			.set({ outcome, decidedAt: now, decidedBy: moderatorId })
			.where(and(eq(appeals.id, appealId), isNull(appeals.decidedAt)))
			.returning({ id: appeals.id });
		if (claimed.length !== 1) return { ok: false, reason: 'stale' };
		if (outcome === 'restored') {
			if (!(await movePost(tx, ref, 'hidden', 'published'))) return rollback();
			await insertDecision(tx, moderatorId, ref, { action: 'restore', note }, row.appeal.createdAt, now);
			await resolveReports(tx, ref, now);
		}
		await recordAudit(
			tx,
			{
				actorId: moderatorId,
				action: outcome === 'restored' ? 'appeal.restore' : 'appeal.uphold',
				subjectKind: 'appeal',
				subjectId: appealId,
				reason: row.decision.reason,
				note,
				details: { decisionId: row.decision.id, post: ref.kind, postId: ref.id }
			},
			now
		);
		if (row.appeal.authorId) {
			const params = { post: post.kind, id: post.id, path: post.path };
			await notify(tx, row.appeal.authorId, outcome === 'restored' ? 'appeal_restored' : 'appeal_upheld', params, now);
		}
		return { ok: true };
	});
}

/** A post that is no longer hidden cannot be restored: undo the claimed appeal (the transaction rolls back). */
function rollback(): never {
	throw new StaleAppeal();
}

class StaleAppeal extends Error {
	constructor() {
		super('The post is no longer hidden');
	}
}
