/**
 * Writing comments on a project (while its discussion phase is open) or on a published
 * proposal: create, reply (one level deep), edit within COMMENT_EDIT_WINDOW_MS, delete.
 * A blocked account cannot write; a new account's comments wait for review
 * (moderation/standing.ts). Each person may write COMMENTS_PER_WINDOW comments per
 * COMMENT_WINDOW_MS, counted in the database so the limit holds across app processes.
 *
 * Replying to a reply attaches the new comment to the reply's top-level parent: the thread
 * stays one level deep and the person's answer is not lost.
 */
import { and, count, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { initialStateFor, requireMayContribute } from '../moderation/standing.ts';
import { notify } from '../notifications/notify.ts';
import { hitRateLimit, personLimitKey } from '../security/rate-limit.ts';
import { commentsOpen } from './phases.ts';
import { phaseOfProject } from './project-phase.ts';
import {
	COMMENT_EDIT_WINDOW_MS,
	COMMENT_WINDOW_MS,
	COMMENTS_PER_WINDOW,
	type ContributionState,
	type PhaseKind
} from './rules.ts';

export type CommentTarget = { kind: 'project' | 'proposal'; id: string };

/** Why a comment cannot be written, changed or removed (the route shows a message for each). */
export type CommentRefusal = 'notFound' | 'closed' | 'parentNotFound' | 'rateLimited' | 'notAuthor' | 'editWindowOver';

export type Refused = { ok: false; reason: CommentRefusal; retryAt?: Date };

/** Whether comments may be written on the target now; the phase is given for "closed because …". */
export async function commentingOn(
	db: Db,
	target: CommentTarget,
	now = new Date()
): Promise<{ state: 'open' | 'closed' | 'notFound'; phase: PhaseKind | null }> {
	if (target.kind === 'project') {
		const phase = await phaseOfProject(db, target.id, now);
		if (!phase) return { state: 'notFound', phase: null };
		return { state: commentsOpen(phase.kind) ? 'open' : 'closed', phase: phase.kind };
	}
	const { participationProposals: proposals } = db.t;
	const [proposal] = await db.orm
		.select({ state: proposals.state })
		.from(proposals)
		.where(eq(proposals.id, target.id))
		.limit(1);
	if (!proposal) return { state: 'notFound', phase: null };
	// Waiting for review or hidden: nobody discusses it (yet).
	return { state: proposal.state === 'published' ? 'open' : 'closed', phase: null };
}

const targetColumn = (db: Db, target: CommentTarget) =>
	target.kind === 'project' ? db.t.participationComments.projectId : db.t.participationComments.proposalId;

async function loadComment(db: Db, id: string) {
	const c = db.t.participationComments;
	const [row] = await db.orm.select().from(c).where(eq(c.id, id)).limit(1);
	return row ?? null;
}

const belongsTo = (row: { projectId: string | null; proposalId: string | null }, target: CommentTarget) =>
	(target.kind === 'project' ? row.projectId : row.proposalId) === target.id;

export interface NewComment {
	authorId: string;
	target: CommentTarget;
	/** The comment answered, if this is a reply. */
	parentId?: string | null;
	body: string;
	locale: string;
	/** The target's page after the language, for the reply notification's link. */
	path: string;
}

export async function createComment(
	db: Db,
	input: NewComment,
	now = new Date()
): Promise<{ ok: true; id: string; state: ContributionState } | Refused> {
	await requireMayContribute(db, input.authorId);
	const open = await commentingOn(db, input.target, now);
	if (open.state !== 'open') return { ok: false, reason: open.state === 'notFound' ? 'notFound' : 'closed' };

	let parent: { id: string; authorId: string | null } | null = null;
	if (input.parentId) {
		const answered = await loadComment(db, input.parentId);
		if (!answered || !belongsTo(answered, input.target) || answered.state !== 'published' || answered.deletedAt) {
			return { ok: false, reason: 'parentNotFound' };
		}
		const topLevel = answered.parentId ? await loadComment(db, answered.parentId) : answered;
		if (!topLevel || topLevel.state !== 'published' || topLevel.deletedAt)
			return { ok: false, reason: 'parentNotFound' };
		parent = { id: topLevel.id, authorId: answered.authorId };
	}

	// Counted before writing and outside the transaction: one atomic upsert, shared by every process.
	const limit = await hitRateLimit(db, personLimitKey('comment', input.authorId), {
		limit: COMMENTS_PER_WINDOW,
		windowMs: COMMENT_WINDOW_MS,
		now
	});
	if (!limit.allowed) return { ok: false, reason: 'rateLimited', retryAt: limit.retryAt! };

	const id = newId();
	const state = await initialStateFor(db, input.authorId);
	await db.transaction(async (tx) => {
		await tx.orm.insert(tx.t.participationComments).values({
			id,
			projectId: input.target.kind === 'project' ? input.target.id : null,
			proposalId: input.target.kind === 'proposal' ? input.target.id : null,
			parentId: parent?.id ?? null,
			authorId: input.authorId,
			locale: input.locale,
			body: input.body,
			state,
			createdAt: now,
			editedAt: null,
			deletedAt: null
		});
		// A reply waiting for review is not there yet for the person answered.
		if (parent?.authorId && parent.authorId !== input.authorId && state === 'published') {
			await notify(
				tx,
				parent.authorId,
				'comment_reply',
				{ post: 'comment', id, path: `${input.path}#comment-${id}` },
				now
			);
		}
	});
	return { ok: true, id, state };
}

/** Until when the author may still edit a comment written at `createdAt`. */
export const editableUntil = (createdAt: Date) => new Date(createdAt.getTime() + COMMENT_EDIT_WINDOW_MS);

export async function editComment(
	db: Db,
	input: { userId: string; target: CommentTarget; commentId: string; body: string },
	now = new Date()
): Promise<{ ok: true; id: string } | Refused> {
	await requireMayContribute(db, input.userId);
	const row = await loadComment(db, input.commentId);
	if (!row || !belongsTo(row, input.target) || row.deletedAt || row.state === 'hidden') {
		return { ok: false, reason: 'notFound' };
	}
	if (row.authorId !== input.userId) return { ok: false, reason: 'notAuthor' };
	if ((await commentingOn(db, input.target, now)).state !== 'open') return { ok: false, reason: 'closed' };
	if (now.getTime() > editableUntil(row.createdAt).getTime()) return { ok: false, reason: 'editWindowOver' };
	const c = db.t.participationComments;
	await db.orm.update(c).set({ body: input.body, editedAt: now }).where(eq(c.id, row.id));
	return { ok: true, id: row.id };
}

/**
 * Deletes the author's own comment. Without replies the row goes; with replies it stays as
 * "deleted" (body emptied) so the thread still reads, and goes with its last reply.
 * Blocked accounts may delete: taking one's own words back is not posting.
 */
export async function deleteComment(
	db: Db,
	input: { userId: string; target: CommentTarget; commentId: string },
	now = new Date()
): Promise<{ ok: true; removed: boolean; parentId: string | null } | Refused> {
	return db.transaction(async (tx) => {
		const c = tx.t.participationComments;
		const row = await loadComment(tx, input.commentId);
		if (!row || !belongsTo(row, input.target) || row.deletedAt) return { ok: false, reason: 'notFound' } as const;
		if (row.authorId !== input.userId) return { ok: false, reason: 'notAuthor' } as const;
		const [replies] = await tx.orm.select({ n: count() }).from(c).where(eq(c.parentId, row.id));
		if ((replies?.n ?? 0) > 0) {
			await tx.orm.update(c).set({ body: '', deletedAt: now }).where(eq(c.id, row.id));
			return { ok: true, removed: false, parentId: row.parentId } as const;
		}
		await tx.orm.delete(c).where(eq(c.id, row.id));
		if (row.parentId) {
			// A deleted parent whose last reply this was has nothing left to hold together.
			const [left] = await tx.orm.select({ n: count() }).from(c).where(eq(c.parentId, row.parentId));
			if ((left?.n ?? 0) === 0) {
				await tx.orm.delete(c).where(and(eq(c.id, row.parentId), isNotNull(c.deletedAt)));
			}
		}
		return { ok: true, removed: true, parentId: row.parentId } as const;
	});
}

export { targetColumn as commentTargetColumn };
