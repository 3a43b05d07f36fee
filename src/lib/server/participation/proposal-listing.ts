/**
 * The list of proposals: published ones, plus the reader's own that wait for review or were
 * hidden, filtered by field and sorted by date, supports or comments. Supports and comments
 * are counted in two grouped subqueries joined to the page, so the list stays one query
 * however many proposals there are (indexes: proposals by state and date, supports and
 * comments by proposal).
 */
import { and, count, desc, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import type { ContributionState } from './rules.ts';

export const PROPOSAL_SORTS = ['newest', 'supported', 'discussed'] as const;
export type ProposalSort = (typeof PROPOSAL_SORTS)[number];
export const PROPOSALS_PER_PAGE = 20;

export interface ProposalListItem {
	id: string;
	fieldId: string;
	title: string;
	locale: string;
	author: string | null;
	state: ContributionState;
	mine: boolean;
	createdAt: Date;
	supports: number;
	comments: number;
}

export async function listProposals(
	db: Db,
	options: { viewerId: string | null; fieldId: string | null; sort: ProposalSort; page: number; pageSize?: number }
): Promise<{ total: number; items: ProposalListItem[] }> {
	const { participationProposals: p, participationSupports: s, participationComments: c, users } = db.t;
	const pageSize = options.pageSize ?? PROPOSALS_PER_PAGE;
	const visible: SQL = options.viewerId
		? or(eq(p.state, 'published'), eq(p.authorId, options.viewerId))!
		: eq(p.state, 'published');
	const where = and(visible, options.fieldId ? eq(p.fieldId, options.fieldId) : undefined);

	const [totalRow] = await db.orm.select({ n: count() }).from(p).where(where);
	const supportCounts = db.orm
		.select({ proposalId: s.proposalId, n: count().as('support_count') })
		.from(s)
		.groupBy(s.proposalId)
		.as('support_counts');
	const commentCounts = db.orm
		.select({ proposalId: c.proposalId, n: count().as('comment_count') })
		.from(c)
		.where(and(eq(c.state, 'published'), isNull(c.deletedAt)))
		.groupBy(c.proposalId)
		.as('comment_counts');
	const supports = sql<number>`coalesce(${supportCounts.n}, 0)`;
	const comments = sql<number>`coalesce(${commentCounts.n}, 0)`;
	const order =
		options.sort === 'supported'
			? [desc(supports), desc(p.createdAt), desc(p.id)]
			: options.sort === 'discussed'
				? [desc(comments), desc(p.createdAt), desc(p.id)]
				: [desc(p.createdAt), desc(p.id)];
	const rows = await db.orm
		.select({
			id: p.id,
			fieldId: p.fieldId,
			title: p.title,
			locale: p.locale,
			authorId: p.authorId,
			author: users.username,
			state: p.state,
			createdAt: p.createdAt,
			supports,
			comments
		})
		.from(p)
		.leftJoin(users, eq(users.id, p.authorId))
		.leftJoin(supportCounts, eq(supportCounts.proposalId, p.id))
		.leftJoin(commentCounts, eq(commentCounts.proposalId, p.id))
		.where(where)
		.orderBy(...order)
		.limit(pageSize)
		.offset((options.page - 1) * pageSize);
	return {
		total: totalRow?.n ?? 0,
		items: rows.map(({ authorId, ...row }) => ({
			...row,
			author: row.author ?? null,
			mine: options.viewerId !== null && authorId === options.viewerId,
			supports: Number(row.supports),
			comments: Number(row.comments)
		}))
	};
}

/** The fields of action in the reader's language, for the field select and labels. */
export async function fieldOptions(db: Db, locale: string): Promise<{ id: string; title: string; lang: string }[]> {
	const { participationFields: f, participationFieldTexts: ft } = db.t;
	const rows = await db.orm
		.select({ id: f.id, position: f.position, locale: ft.locale, title: ft.title })
		.from(f)
		.innerJoin(ft, eq(ft.fieldId, f.id))
		.where(or(eq(ft.locale, locale as 'de'), eq(ft.locale, 'de')))
		.orderBy(f.position, f.id);
	const byId = new Map<string, { id: string; title: string; lang: string }>();
	for (const row of rows) {
		const existing = byId.get(row.id);
		if (!existing || row.locale === locale) byId.set(row.id, { id: row.id, title: row.title, lang: row.locale });
	}
	return [...byId.values()];
}
