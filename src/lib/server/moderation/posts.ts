/**
 * The posts moderation is about: comments and proposals, looked up by kind and id, with
 * what the queue and the notifications need (text, author, where it is shown).
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import type { ContributionState } from '../participation/rules.ts';

export type PostKind = 'comment' | 'proposal';
export const POST_KINDS = ['comment', 'proposal'] as const satisfies readonly PostKind[];

export interface PostRefInput {
	kind: PostKind;
	id: string;
}

export interface Post {
	kind: PostKind;
	id: string;
	authorId: string | null;
	authorUsername: string | null;
	state: ContributionState;
	/** A proposal's title; null for a comment. */
	title: string | null;
	text: string;
	deleted: boolean;
	createdAt: Date;
	/** Where the post is shown, after the language (e.g. "/participate/wlan#comment-x"). */
	path: string;
}

export const postKey = (ref: PostRefInput) => `${ref.kind}:${ref.id}`;

/** The one place that knows the addresses of posts (see routes/[lang=locale]/participate). */
export function proposalPath(proposalId: string): string {
	return `/participate/proposals/${proposalId}`;
}

function commentPath(comment: { id: string; projectSlug: string | null; proposalId: string | null }): string {
	const base = comment.projectSlug ? `/participate/${comment.projectSlug}` : proposalPath(comment.proposalId ?? '');
	return `${base}#comment-${comment.id}`;
}

/** The posts named by `refs`, keyed by `postKey`; ids that name nothing are left out. */
export async function loadPosts(db: Db, refs: readonly PostRefInput[]): Promise<Map<string, Post>> {
	const { participationComments: comments, participationProposals: proposals, participationProjects: projects } = db.t;
	const { users } = db.t;
	const posts = new Map<string, Post>();
	const commentIds = [...new Set(refs.filter((ref) => ref.kind === 'comment').map((ref) => ref.id))];
	const proposalIds = [...new Set(refs.filter((ref) => ref.kind === 'proposal').map((ref) => ref.id))];
	if (commentIds.length) {
		const rows = await db.orm
			.select({
				id: comments.id,
				authorId: comments.authorId,
				authorUsername: users.username,
				state: comments.state,
				body: comments.body,
				deletedAt: comments.deletedAt,
				createdAt: comments.createdAt,
				projectSlug: projects.slug,
				proposalId: comments.proposalId
			})
			.from(comments)
			.leftJoin(users, eq(users.id, comments.authorId))
			.leftJoin(projects, eq(projects.id, comments.projectId))
			.where(inArray(comments.id, commentIds));
		for (const row of rows) {
			posts.set(postKey({ kind: 'comment', id: row.id }), {
				kind: 'comment',
				id: row.id,
				authorId: row.authorId,
				authorUsername: row.authorUsername,
				state: row.state,
				title: null,
				text: row.body,
				deleted: row.deletedAt !== null,
				createdAt: row.createdAt,
				path: commentPath(row)
			});
		}
	}
	if (proposalIds.length) {
		const rows = await db.orm
			.select({
				id: proposals.id,
				authorId: proposals.authorId,
				authorUsername: users.username,
				state: proposals.state,
				title: proposals.title,
				description: proposals.description,
				createdAt: proposals.createdAt
			})
			.from(proposals)
			.leftJoin(users, eq(users.id, proposals.authorId))
			.where(inArray(proposals.id, proposalIds));
		for (const row of rows) {
			posts.set(postKey({ kind: 'proposal', id: row.id }), {
				kind: 'proposal',
				id: row.id,
				authorId: row.authorId,
				authorUsername: row.authorUsername,
				state: row.state,
				title: row.title,
				text: row.description,
				deleted: false,
				createdAt: row.createdAt,
				path: proposalPath(row.id)
			});
		}
	}
	return posts;
}

export async function loadPost(db: Db, ref: PostRefInput): Promise<Post | null> {
	return (await loadPosts(db, [ref])).get(postKey(ref)) ?? null;
}

/**
 * Moves a post from one state to another, only if it is still in `from`: two moderators
 * deciding at once cannot both win. True when this call moved it.
 */
export async function movePost(db: Db, ref: PostRefInput, from: ContributionState, to: ContributionState) {
	const table = ref.kind === 'comment' ? db.t.participationComments : db.t.participationProposals;
	const moved = await db.orm
		.update(table)
		.set({ state: to })
		.where(and(eq(table.id, ref.id), eq(table.state, from)))
		.returning({ id: table.id });
	return moved.length === 1;
}

/** The reports column that points at this kind of post. */
export const reportColumn = (db: Db, kind: PostKind) =>
	kind === 'comment' ? db.t.moderationReports.commentId : db.t.moderationReports.proposalId;

export const decisionColumn = (db: Db, kind: PostKind) =>
	kind === 'comment' ? db.t.moderationDecisions.commentId : db.t.moderationDecisions.proposalId;
