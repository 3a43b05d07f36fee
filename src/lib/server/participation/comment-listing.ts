/**
 * The comments a reader sees under a project or a proposal: published ones, plus the reader's
 * own waiting for review. Top-level comments are sorted and paginated; their replies come
 * with them, oldest first. Reply counts are one grouped query, not one per comment.
 */
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { CommentSort, DiscussionComment } from '../../discussion.ts';
import type { Db } from '../db/database.ts';
import { linkedText } from '../text/linked-text.ts';
import { editableUntil, type CommentTarget } from './comments.ts';

export interface CommentPage {
	total: number;
	comments: DiscussionComment[];
}

export async function listComments(
	db: Db,
	target: CommentTarget,
	options: { viewerId: string | null; sort: CommentSort; page: number; pageSize: number; now?: Date }
): Promise<CommentPage> {
	const { participationComments: c, users } = db.t;
	const now = options.now ?? new Date();
	const onTarget = eq(target.kind === 'project' ? c.projectId : c.proposalId, target.id);
	const visible: SQL = options.viewerId
		? or(eq(c.state, 'published'), and(eq(c.state, 'pending'), eq(c.authorId, options.viewerId)))!
		: eq(c.state, 'published');

	const [totalRow] = await db.orm
		.select({ n: count() })
		.from(c)
		.where(and(onTarget, isNull(c.parentId), visible));
	const total = totalRow?.n ?? 0;

	const replies = db.orm
		.select({ parentId: c.parentId, n: count().as('reply_count') })
		.from(c)
		.where(and(onTarget, isNotNull(c.parentId), eq(c.state, 'published')))
		.groupBy(c.parentId)
		.as('replies');
	const replyCount = sql<number>`coalesce(${replies.n}, 0)`;
	const order =
		options.sort === 'oldest'
			? [asc(c.createdAt), asc(c.id)]
			: options.sort === 'replies'
				? [desc(replyCount), desc(c.createdAt), desc(c.id)]
				: [desc(c.createdAt), desc(c.id)];

	const columns = {
		id: c.id,
		parentId: c.parentId,
		authorId: c.authorId,
		author: users.username,
		locale: c.locale,
		body: c.body,
		state: c.state,
		createdAt: c.createdAt,
		editedAt: c.editedAt,
		deletedAt: c.deletedAt
	};
	const top = await db.orm
		.select({ ...columns, replyCount })
		.from(c)
		.leftJoin(users, eq(users.id, c.authorId))
		.leftJoin(replies, eq(replies.parentId, c.id))
		.where(and(onTarget, isNull(c.parentId), visible))
		.orderBy(...order)
		.limit(options.pageSize)
		.offset((options.page - 1) * options.pageSize);

	const ids = top.map((row) => row.id);
	const answers = ids.length
		? await db.orm
				.select(columns)
				.from(c)
				.leftJoin(users, eq(users.id, c.authorId))
				.where(and(inArray(c.parentId, ids), visible))
				.orderBy(asc(c.createdAt), asc(c.id))
		: [];

	type Row = (typeof answers)[number];
	const shape = (row: Row, replyList: DiscussionComment[], replyTotal: number): DiscussionComment => {
		const mine = options.viewerId !== null && row.authorId === options.viewerId;
		const until = editableUntil(row.createdAt);
		const deleted = row.deletedAt !== null;
		return {
			id: row.id,
			author: row.author ?? null,
			createdAt: row.createdAt.toISOString(),
			edited: row.editedAt !== null,
			deleted,
			pending: row.state === 'pending',
			mine,
			body: deleted ? [] : linkedText(row.body),
			lang: row.locale,
			editable: mine && !deleted && until > now ? { body: row.body, until: until.toISOString() } : null,
			replies: replyList,
			replyCount: replyTotal
		};
	};
	const byParent = new Map<string, DiscussionComment[]>();
	for (const row of answers) {
		const list = byParent.get(row.parentId!) ?? [];
		list.push(shape(row, [], 0));
		byParent.set(row.parentId!, list);
	}
	return {
		total,
		comments: top.map((row) => shape(row, byParent.get(row.id) ?? [], Number(row.replyCount)))
	};
}
