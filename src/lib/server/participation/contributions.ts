/**
 * "What happened to my contribution": a person's own supports, comments and proposals, each
 * with where its project or proposal stands now (phase, latest timeline entry) and where it
 * is. Only ever called with the signed-in person's own id.
 */
import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Locale } from '../../i18n/locales.ts';
import type { Db } from '../db/database.ts';
import { pickLocalized } from './localized-text.ts';
import { currentPhase } from './phases.ts';
import type { ContributionState, PhaseKind, ProjectStatus } from './rules.ts';

/** How many of each kind the page lists, newest first; it says how many more there are. */
export const CONTRIBUTIONS_SHOWN = 50;

export interface LocalizedValue {
	text: string;
	lang: string;
	fallback: boolean;
}

export interface ProjectStanding {
	kind: 'project';
	slug: string;
	title: LocalizedValue | null;
	phase: PhaseKind;
	status: ProjectStatus;
	latest: { happenedAt: Date; status: ProjectStatus; text: LocalizedValue | null } | null;
}

export interface ProposalStanding {
	kind: 'proposal';
	id: string;
	title: LocalizedValue;
	state: ContributionState;
}

export type ItemStanding = ProjectStanding | ProposalStanding;

async function projectStandings(db: Db, projectIds: readonly string[], locale: Locale, now: Date) {
	const t = db.t;
	const ids = [...new Set(projectIds)];
	const byId = new Map<string, ProjectStanding>();
	if (ids.length === 0) return byId;
	const projects = await db.orm.select().from(t.participationProjects).where(inArray(t.participationProjects.id, ids));
	const texts = await db.orm
		.select({
			projectId: t.participationProjectTexts.projectId,
			locale: t.participationProjectTexts.locale,
			title: t.participationProjectTexts.title
		})
		.from(t.participationProjectTexts)
		.where(inArray(t.participationProjectTexts.projectId, ids));
	const phases = await db.orm.select().from(t.participationPhases).where(inArray(t.participationPhases.projectId, ids));
	const entries = await db.orm
		.select()
		.from(t.participationTimelineEntries)
		.where(inArray(t.participationTimelineEntries.projectId, ids))
		.orderBy(desc(t.participationTimelineEntries.happenedAt), desc(t.participationTimelineEntries.createdAt));
	const latestByProject = new Map<string, (typeof entries)[number]>();
	for (const entry of entries) if (!latestByProject.has(entry.projectId)) latestByProject.set(entry.projectId, entry);
	const latestIds = [...latestByProject.values()].map((entry) => entry.id);
	const entryTexts = latestIds.length
		? await db.orm
				.select()
				.from(t.participationTimelineTexts)
				.where(inArray(t.participationTimelineTexts.entryId, latestIds))
		: [];
	for (const project of projects) {
		const title = pickLocalized(
			texts.filter((row) => row.projectId === project.id),
			locale
		);
		const latest = latestByProject.get(project.id);
		const latestText = latest
			? pickLocalized(
					entryTexts.filter((row) => row.entryId === latest.id),
					locale
				)
			: null;
		byId.set(project.id, {
			kind: 'project',
			slug: project.slug,
			title: title ? { text: title.value.title, lang: title.lang, fallback: title.fallback } : null,
			phase: currentPhase(
				phases.filter((phase) => phase.projectId === project.id),
				now
			).kind,
			status: project.status,
			latest: latest
				? {
						happenedAt: latest.happenedAt,
						status: latest.status,
						text: latestText
							? { text: latestText.value.text, lang: latestText.lang, fallback: latestText.fallback }
							: null
					}
				: null
		});
	}
	return byId;
}

async function proposalStandings(db: Db, proposalIds: readonly string[]) {
	const t = db.t;
	const ids = [...new Set(proposalIds)];
	const byId = new Map<string, ProposalStanding>();
	if (ids.length === 0) return byId;
	const rows = await db.orm
		.select({
			id: t.participationProposals.id,
			title: t.participationProposals.title,
			locale: t.participationProposals.locale,
			state: t.participationProposals.state
		})
		.from(t.participationProposals)
		.where(inArray(t.participationProposals.id, ids));
	for (const row of rows) {
		byId.set(row.id, {
			kind: 'proposal',
			id: row.id,
			title: { text: row.title, lang: row.locale, fallback: false },
			state: row.state
		});
	}
	return byId;
}

export async function myContributions(db: Db, userId: string, locale: Locale, now = new Date()) {
	const t = db.t;
	const { participationSupports: supports, participationComments: comments, participationProposals: proposals } = t;

	const mySupports = await db.orm
		.select()
		.from(supports)
		.where(eq(supports.userId, userId))
		.orderBy(desc(supports.createdAt))
		.limit(CONTRIBUTIONS_SHOWN);
	const myComments = await db.orm
		.select({
			id: comments.id,
			projectId: comments.projectId,
			proposalId: comments.proposalId,
			body: comments.body,
			locale: comments.locale,
			state: comments.state,
			createdAt: comments.createdAt
		})
		.from(comments)
		.where(and(eq(comments.authorId, userId), isNull(comments.deletedAt)))
		.orderBy(desc(comments.createdAt))
		.limit(CONTRIBUTIONS_SHOWN);
	const myProposals = await db.orm
		.select({ id: proposals.id, createdAt: proposals.createdAt })
		.from(proposals)
		.where(eq(proposals.authorId, userId))
		.orderBy(desc(proposals.createdAt))
		.limit(CONTRIBUTIONS_SHOWN);

	const [supportTotal] = await db.orm.select({ n: count() }).from(supports).where(eq(supports.userId, userId));
	const [commentTotal] = await db.orm
		.select({ n: count() })
		.from(comments)
		.where(and(eq(comments.authorId, userId), isNull(comments.deletedAt)));
	const [proposalTotal] = await db.orm.select({ n: count() }).from(proposals).where(eq(proposals.authorId, userId));

	const projectIds = [...mySupports, ...myComments].flatMap((row) => (row.projectId ? [row.projectId] : []));
	const proposalIds = [...mySupports.map((row) => row.proposalId), ...myComments.map((row) => row.proposalId)]
		.filter((id): id is string => id !== null)
		.concat(myProposals.map((row) => row.id));
	const projectsById = await projectStandings(db, projectIds, locale, now);
	const proposalsById = await proposalStandings(db, proposalIds);
	const itemOf = (row: { projectId: string | null; proposalId: string | null }): ItemStanding | null =>
		(row.projectId ? projectsById.get(row.projectId) : row.proposalId ? proposalsById.get(row.proposalId) : null) ??
		null;

	return {
		supports: {
			total: supportTotal?.n ?? 0,
			items: mySupports.flatMap((row) => {
				const item = itemOf(row);
				return item ? [{ id: row.id, createdAt: row.createdAt, item }] : [];
			})
		},
		comments: {
			total: commentTotal?.n ?? 0,
			items: myComments.flatMap((row) => {
				const item = itemOf(row);
				return item
					? [
							{
								id: row.id,
								createdAt: row.createdAt,
								state: row.state,
								excerpt: excerpt(row.body),
								lang: row.locale,
								item
							}
						]
					: [];
			})
		},
		proposals: {
			total: proposalTotal?.n ?? 0,
			items: myProposals.flatMap((row) => {
				const item = proposalsById.get(row.id);
				return item ? [{ id: row.id, createdAt: row.createdAt, item }] : [];
			})
		}
	};
}

/** The start of a comment, to recognise it by; the whole text is on the item's page. */
function excerpt(body: string, max = 160): string {
	const chars = [...body.replace(/\s+/g, ' ').trim()];
	return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
}
