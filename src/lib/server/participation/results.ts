/**
 * The numbers of participation, for the results pages and the open-data export: supports
 * and comments per project, and per field of action with the citizens' proposals. Only
 * published posts count; every number is a grouped count, never one query per item.
 */
import { and, count, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Locale } from '../../i18n/locales.ts';
import type { Db } from '../db/database.ts';
import { projectCards } from './projects.ts';
import type { PhaseKind, ProjectStatus } from './rules.ts';
import { listFields } from './projects.ts';

export interface ProjectNumbers {
	slug: string;
	title: string;
	lang: string;
	fieldSlug: string;
	status: ProjectStatus;
	phase: PhaseKind;
	supports: number;
	comments: number;
}

export interface FieldNumbers {
	slug: string;
	title: string;
	lang: string;
	projects: number;
	supports: number;
	comments: number;
	proposals: number;
}

/** Published proposals per field. */
async function countProposalsOfFields(db: Db) {
	const { participationProposals: proposals } = db.t;
	const rows = await db.orm
		.select({ id: proposals.fieldId, total: count() })
		.from(proposals)
		.where(eq(proposals.state, 'published'))
		.groupBy(proposals.fieldId);
	return new Map(rows.map((row) => [row.id, row.total]));
}

/** The whole strategy's numbers: every project and every field, in the reader's language. */
export async function strategyResults(db: Db, locale: Locale, now = new Date()) {
	const [cards, fields, proposals] = await Promise.all([
		projectCards(db, locale, false, now),
		listFields(db, locale),
		countProposalsOfFields(db)
	]);
	const projects: ProjectNumbers[] = cards
		.map((card) => ({
			slug: card.slug,
			title: card.title,
			lang: card.lang,
			fieldSlug: card.field.slug,
			status: card.status,
			phase: card.phase.kind,
			supports: card.supports,
			comments: card.comments
		}))
		.sort((a, b) => b.supports - a.supports || a.slug.localeCompare(b.slug));
	const perField: FieldNumbers[] = fields.map((field) => {
		const inField = projects.filter((project) => project.fieldSlug === field.slug);
		return {
			slug: field.slug,
			title: field.title,
			lang: field.lang,
			projects: inField.length,
			supports: inField.reduce((sum, project) => sum + project.supports, 0),
			comments: inField.reduce((sum, project) => sum + project.comments, 0),
			proposals: proposals.get(field.id) ?? 0
		};
	});
	return { projects, fields: perField };
}

/** One project's numbers: supports, comments that start a thread, and replies. */
export async function projectResults(db: Db, projectId: string) {
	const { participationComments: comments, participationSupports: supports } = db.t;
	const [supportRows, commentRows] = await Promise.all([
		db.orm.select({ total: count() }).from(supports).where(eq(supports.projectId, projectId)),
		db.orm
			.select({ isReply: isNotNull(comments.parentId), total: count() })
			.from(comments)
			.where(and(eq(comments.projectId, projectId), eq(comments.state, 'published'), isNull(comments.deletedAt)))
			.groupBy(isNotNull(comments.parentId))
	]);
	// SQLite answers the boolean as 0/1.
	const replies = commentRows.filter((row) => Boolean(row.isReply)).reduce((sum, row) => sum + row.total, 0);
	const threads = commentRows.filter((row) => !row.isReply).reduce((sum, row) => sum + row.total, 0);
	return { supports: supportRows[0]?.total ?? 0, comments: threads, replies };
}
