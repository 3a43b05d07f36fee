/**
 * The moderators' queue: posts with open reports (grouped per post, with the count and the
 * reasons), posts awaiting first-post review, and open appeals. Each tab is a few grouped
 * queries over indexed columns plus one lookup of the posts on the page, so it stays fast
 * with thousands of open reports.
 */
import { and, asc, count, eq, inArray, isNotNull, isNull, min, or, type SQL } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { loadPosts, postKey, type Post, type PostKind, type PostRefInput } from './posts.ts';
import type { ReportReason } from './rules.ts';

export const QUEUE_PAGE_SIZE = 20;
export const QUEUE_TABS = ['reported', 'pending', 'appeals', 'blocked'] as const;
export type QueueTab = (typeof QUEUE_TABS)[number];

export interface QueueFilter {
	kind: PostKind | null;
	reason: ReportReason | null;
	page: number;
}

export interface Page<T> {
	items: T[];
	total: number;
	page: number;
	pages: number;
}

const paged = <T>(items: T[], total: number, page: number): Page<T> => ({
	items,
	total,
	page,
	pages: Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE))
});

export interface ReportedItem {
	post: Post;
	reports: number;
	reasons: ReportReason[];
	/** Texts given with "other" (anonymous to the author; moderators see who reported in the database only). */
	details: string[];
	firstReportedAt: Date;
}

function reportFilter(db: Db, filter: QueueFilter): SQL | undefined {
	const { moderationReports: reports } = db.t;
	return and(
		isNull(reports.resolvedAt),
		filter.kind === 'comment' ? isNotNull(reports.commentId) : undefined,
		filter.kind === 'proposal' ? isNotNull(reports.proposalId) : undefined,
		filter.reason ? eq(reports.reason, filter.reason) : undefined
	);
}

// An aggregate of a timestamp column comes back as a Date, a number or a string depending on the engine.
const toDate = (value: unknown): Date =>
	value instanceof Date ? value : new Date(typeof value === 'number' ? value : String(value));

const refOf = (row: { commentId: string | null; proposalId: string | null }): PostRefInput =>
	row.commentId ? { kind: 'comment', id: row.commentId } : { kind: 'proposal', id: row.proposalId! };

export async function listReported(db: Db, filter: QueueFilter): Promise<Page<ReportedItem>> {
	const { moderationReports: reports } = db.t;
	const where = reportFilter(db, filter);
	const groups = db.orm
		.select({ commentId: reports.commentId, proposalId: reports.proposalId })
		.from(reports)
		.where(where)
		.groupBy(reports.commentId, reports.proposalId)
		.as('groups');
	// Independent queries run side by side (PostgreSQL answers them on separate connections).
	const [[{ total } = { total: 0 }], rows] = await Promise.all([
		db.orm.select({ total: count() }).from(groups),
		db.orm
			.select({
				commentId: reports.commentId,
				proposalId: reports.proposalId,
				reports: count(),
				first: min(reports.createdAt)
			})
			.from(reports)
			.where(where)
			.groupBy(reports.commentId, reports.proposalId)
			.orderBy(asc(min(reports.createdAt)), asc(reports.commentId), asc(reports.proposalId))
			.limit(QUEUE_PAGE_SIZE)
			.offset((filter.page - 1) * QUEUE_PAGE_SIZE)
	]);
	const refs = rows.map(refOf);
	const commentIds = refs.filter((ref) => ref.kind === 'comment').map((ref) => ref.id);
	const proposalIds = refs.filter((ref) => ref.kind === 'proposal').map((ref) => ref.id);
	const [reasonRows, posts] = await Promise.all([
		refs.length
			? db.orm
					.select({
						commentId: reports.commentId,
						proposalId: reports.proposalId,
						reason: reports.reason,
						details: reports.details
					})
					.from(reports)
					.where(
						and(
							isNull(reports.resolvedAt),
							or(
								commentIds.length ? inArray(reports.commentId, commentIds) : undefined,
								proposalIds.length ? inArray(reports.proposalId, proposalIds) : undefined
							)
						)
					)
			: [],
		loadPosts(db, refs)
	]);
	const reasons = new Map<string, { reasons: Set<ReportReason>; details: string[] }>();
	for (const row of reasonRows) {
		const key = postKey(refOf(row));
		const entry = reasons.get(key) ?? { reasons: new Set(), details: [] };
		entry.reasons.add(row.reason);
		if (row.details) entry.details.push(row.details);
		reasons.set(key, entry);
	}
	const items: ReportedItem[] = [];
	for (const [index, row] of rows.entries()) {
		const key = postKey(refs[index]!);
		const post = posts.get(key);
		if (!post) continue;
		const entry = reasons.get(key);
		items.push({
			post,
			reports: Number(row.reports),
			reasons: entry ? [...entry.reasons].sort() : [],
			details: entry?.details ?? [],
			firstReportedAt: toDate(row.first)
		});
	}
	return paged(items, Number(total), filter.page);
}

/** Posts of new accounts waiting for their first review, oldest first. */
export async function listPending(db: Db, filter: QueueFilter): Promise<Page<Post>> {
	const { participationComments: comments, participationProposals: proposals } = db.t;
	const end = filter.page * QUEUE_PAGE_SIZE;
	const wantComments = filter.kind !== 'proposal';
	const wantProposals = filter.kind !== 'comment';
	const pendingComments = and(eq(comments.state, 'pending'), isNull(comments.deletedAt));
	const pendingProposals = eq(proposals.state, 'pending');
	const [commentRows, proposalRows, commentTotal, proposalTotal] = await Promise.all([
		wantComments
			? db.orm
					.select({ id: comments.id, createdAt: comments.createdAt })
					.from(comments)
					.where(pendingComments)
					.orderBy(asc(comments.createdAt), asc(comments.id))
					.limit(end)
			: [],
		wantProposals
			? db.orm
					.select({ id: proposals.id, createdAt: proposals.createdAt })
					.from(proposals)
					.where(pendingProposals)
					.orderBy(asc(proposals.createdAt), asc(proposals.id))
					.limit(end)
			: [],
		wantComments ? db.orm.select({ n: count() }).from(comments).where(pendingComments) : [{ n: 0 }],
		wantProposals ? db.orm.select({ n: count() }).from(proposals).where(pendingProposals) : [{ n: 0 }]
	]);
	const merged = [
		...commentRows.map((row) => ({ kind: 'comment' as const, ...row })),
		...proposalRows.map((row) => ({ kind: 'proposal' as const, ...row }))
	]
		.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
		.slice(end - QUEUE_PAGE_SIZE, end);
	const posts = await loadPosts(db, merged);
	const items = merged.map((ref) => posts.get(postKey(ref))).filter((post): post is Post => post !== undefined);
	return paged(items, Number(commentTotal[0]?.n ?? 0) + Number(proposalTotal[0]?.n ?? 0), filter.page);
}

export interface AppealItem {
	id: string;
	text: string;
	createdAt: Date;
	post: Post;
	decision: { id: string; action: string; reason: string | null; note: string | null; moderatorId: string | null };
}

/** Open appeals, oldest first. */
export async function listAppeals(db: Db, filter: QueueFilter): Promise<Page<AppealItem>> {
	const { moderationAppeals: appeals, moderationDecisions: decisions } = db.t;
	const where = and(
		isNull(appeals.decidedAt),
		filter.kind === 'comment' ? isNotNull(decisions.commentId) : undefined,
		filter.kind === 'proposal' ? isNotNull(decisions.proposalId) : undefined
	);
	const [{ total } = { total: 0 }] = await db.orm
		.select({ total: count() })
		.from(appeals)
		.innerJoin(decisions, eq(decisions.id, appeals.decisionId))
		.where(where);
	const rows = await db.orm
		.select({
			id: appeals.id,
			text: appeals.text,
			createdAt: appeals.createdAt,
			decisionId: decisions.id,
			action: decisions.action,
			reason: decisions.reason,
			note: decisions.note,
			moderatorId: decisions.moderatorId,
			commentId: decisions.commentId,
			proposalId: decisions.proposalId
		})
		.from(appeals)
		.innerJoin(decisions, eq(decisions.id, appeals.decisionId))
		.where(where)
		.orderBy(asc(appeals.createdAt), asc(appeals.id))
		.limit(QUEUE_PAGE_SIZE)
		.offset((filter.page - 1) * QUEUE_PAGE_SIZE);
	const posts = await loadPosts(db, rows.map(refOf));
	const items: AppealItem[] = [];
	for (const row of rows) {
		const post = posts.get(postKey(refOf(row)));
		if (!post) continue;
		items.push({
			id: row.id,
			text: row.text,
			createdAt: row.createdAt,
			post,
			decision: {
				id: row.decisionId,
				action: row.action,
				reason: row.reason,
				note: row.note,
				moderatorId: row.moderatorId
			}
		});
	}
	return paged(items, Number(total), filter.page);
}

/** How many items wait in each tab (for the tab labels). */
export async function queueCounts(db: Db) {
	const { moderationReports: reports, moderationAppeals: appeals, accountBlocks } = db.t;
	const { participationComments: comments, participationProposals: proposals } = db.t;
	const groups = db.orm
		.select({ commentId: reports.commentId })
		.from(reports)
		.where(isNull(reports.resolvedAt))
		.groupBy(reports.commentId, reports.proposalId)
		.as('open_groups');
	const [[reported], [pendingComments], [pendingProposals], [openAppeals], [blocked]] = await Promise.all([
		db.orm.select({ n: count() }).from(groups),
		db.orm
			.select({ n: count() })
			.from(comments)
			.where(and(eq(comments.state, 'pending'), isNull(comments.deletedAt))),
		db.orm.select({ n: count() }).from(proposals).where(eq(proposals.state, 'pending')),
		db.orm.select({ n: count() }).from(appeals).where(isNull(appeals.decidedAt)),
		db.orm.select({ n: count() }).from(accountBlocks)
	]);
	return {
		reported: Number(reported?.n ?? 0),
		pending: Number(pendingComments?.n ?? 0) + Number(pendingProposals?.n ?? 0),
		appeals: Number(openAppeals?.n ?? 0),
		blocked: Number(blocked?.n ?? 0)
	};
}
