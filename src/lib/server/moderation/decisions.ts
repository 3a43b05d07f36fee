/**
 * What a moderator decides about a post. Each decision is one transaction: the post's new
 * state (only if it is still in the state the moderator saw), the decision row the public
 * statistics count, the open reports resolved, the audit entry and the author's
 * notification — all or nothing.
 */
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../audit/record.ts';
import type { Db } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { notify } from '../notifications/notify.ts';
import type { ContributionState } from '../participation/rules.ts';
import { decisionColumn, loadPost, movePost, reportColumn, type Post, type PostRefInput } from './posts.ts';
import type { DecisionAction, ModerationReason } from './rules.ts';

/** Which state each action starts from and leads to (dismissing reports leaves the post as it is). */
const MOVES: Record<DecisionAction, { from: ContributionState; to: ContributionState } | null> = {
	approve: { from: 'pending', to: 'published' },
	reject: { from: 'pending', to: 'hidden' },
	hide: { from: 'published', to: 'hidden' },
	restore: { from: 'hidden', to: 'published' },
	dismiss_reports: null
};

/** Actions the author is told about with a reason. */
export const ACTIONS_WITH_REASON: readonly DecisionAction[] = ['reject', 'hide'];

export interface DecisionInput {
	action: DecisionAction;
	reason?: ModerationReason | null;
	note?: string | null;
}

export type DecisionRefusal = 'notFound' | 'stale' | 'reasonRequired' | 'noOpenReports';
export type DecisionResult = { ok: true; decisionId: string } | { ok: false; reason: DecisionRefusal };

async function firstOpenReport(db: Db, ref: PostRefInput): Promise<Date | null> {
	const { moderationReports: reports } = db.t;
	const [row] = await db.orm
		.select({ createdAt: reports.createdAt })
		.from(reports)
		.where(and(eq(reportColumn(db, ref.kind), ref.id), isNull(reports.resolvedAt)))
		.orderBy(asc(reports.createdAt))
		.limit(1);
	return row?.createdAt ?? null;
}

/** Resolves every open report about the post. */
export async function resolveReports(db: Db, ref: PostRefInput, now: Date): Promise<void> {
	const { moderationReports: reports } = db.t;
	await db.orm
		.update(reports)
		.set({ resolvedAt: now })
		.where(and(eq(reportColumn(db, ref.kind), ref.id), isNull(reports.resolvedAt)));
}

/** Writes the decision row the statistics count. */
export async function insertDecision(
	db: Db,
	moderatorId: string,
	ref: PostRefInput,
	decision: DecisionInput,
	openedAt: Date,
	now: Date
): Promise<string> {
	const id = newId();
	await db.orm.insert(db.t.moderationDecisions).values({
		id,
		moderatorId,
		commentId: ref.kind === 'comment' ? ref.id : null,
		proposalId: ref.kind === 'proposal' ? ref.id : null,
		action: decision.action,
		reason: decision.reason ?? null,
		note: decision.note ?? null,
		openedAt,
		decidedAt: now
	});
	return id;
}

const postRef = (post: Post) => ({ post: post.kind, id: post.id, path: post.path });

async function tellAuthor(db: Db, post: Post, action: DecisionAction, reason: string, decisionId: string, now: Date) {
	if (!post.authorId) return;
	const ref = postRef(post);
	if (action === 'approve') {
		await notify(db, post.authorId, 'post_approved', ref, now);
		if (post.kind === 'comment') await tellRepliedTo(db, post, now);
	}
	if (action === 'reject') await notify(db, post.authorId, 'post_rejected', { ...ref, reason }, now);
	if (action === 'hide') await notify(db, post.authorId, 'post_hidden', { ...ref, reason, decisionId }, now);
	if (action === 'restore') await notify(db, post.authorId, 'post_restored', ref, now);
}

/** An approved reply reaches the person answered now: while it waited for review, they were not told. */
async function tellRepliedTo(db: Db, post: Post, now: Date) {
	const { participationComments: comments } = db.t;
	const [reply] = await db.orm.select({ parentId: comments.parentId }).from(comments).where(eq(comments.id, post.id));
	if (!reply?.parentId) return;
	const [parent] = await db.orm
		.select({ authorId: comments.authorId })
		.from(comments)
		.where(eq(comments.id, reply.parentId));
	if (parent?.authorId && parent.authorId !== post.authorId) {
		await notify(db, parent.authorId, 'comment_reply', postRef(post), now);
	}
}

export async function decideOnPost(
	db: Db,
	moderatorId: string,
	ref: PostRefInput,
	decision: DecisionInput,
	now = new Date()
): Promise<DecisionResult> {
	const reason = decision.reason ?? null;
	if (ACTIONS_WITH_REASON.includes(decision.action) && !reason) return { ok: false, reason: 'reasonRequired' };
	return db.transaction(async (tx) => {
		const post = await loadPost(tx, ref);
		if (!post) return { ok: false, reason: 'notFound' };
		const openReport = await firstOpenReport(tx, ref);
		const move = MOVES[decision.action];
		if (move) {
			if (!(await movePost(tx, ref, move.from, move.to))) return { ok: false, reason: 'stale' };
		} else if (!openReport) {
			return { ok: false, reason: 'noOpenReports' };
		}
		const openedAt =
			decision.action === 'approve' || decision.action === 'reject' ? post.createdAt : (openReport ?? post.createdAt);
		const decisionId = await insertDecision(tx, moderatorId, ref, { ...decision, reason }, openedAt, now);
		await resolveReports(tx, ref, now);
		await recordAudit(
			tx,
			{
				actorId: moderatorId,
				action: `${ref.kind}.${decision.action}`,
				subjectKind: ref.kind,
				subjectId: ref.id,
				reason,
				note: decision.note ?? null,
				details: { decisionId }
			},
			now
		);
		await tellAuthor(tx, post, decision.action, reason ?? '', decisionId, now);
		return { ok: true, decisionId };
	});
}

/** The latest decision of `action` about a post (a rejection's notification does not carry its id). */
export async function latestDecision(db: Db, ref: PostRefInput, action: DecisionAction) {
	const { moderationDecisions: decisions } = db.t;
	const [row] = await db.orm
		.select()
		.from(decisions)
		.where(and(eq(decisionColumn(db, ref.kind), ref.id), eq(decisions.action, action)))
		.orderBy(desc(decisions.decidedAt))
		.limit(1);
	return row ?? null;
}
