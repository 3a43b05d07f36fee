/**
 * Projects as readers see them: the start page's list (filtered by field, phase and status,
 * sorted, paginated) and one project's page. Counts come from grouped queries, one per
 * kind, never one per project; the phase is worked out from the dated phases at `now`.
 */
import { and, count, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Locale } from '../../i18n/locales.ts';
import type { Db } from '../db/database.ts';
import { preparedStatement } from '../db/prepared.ts';
import { pickLocalized } from './localized-text.ts';
import { currentPhase, type CurrentPhase, type PhaseDates } from './phases.ts';
import { PHASE_KINDS, PROJECT_STATUSES, type ProjectStatus, type TextLocale } from './rules.ts';
import { countSupports } from './supports.ts';

export const PROJECT_SORTS = ['newest', 'supports', 'comments'] as const;
export type ProjectSort = (typeof PROJECT_SORTS)[number];
export const PROJECTS_PER_PAGE = 10;

/** The start page's query parameters; a value that is not one of the choices means "no filter". */
export const projectFilters = z.object({
	field: z
		.string()
		.regex(/^[a-z0-9-]{1,80}$/)
		.or(z.literal(''))
		.catch(''),
	phase: z.enum(PHASE_KINDS).or(z.literal('')).catch(''),
	status: z.enum(PROJECT_STATUSES).or(z.literal('')).catch(''),
	sort: z.enum(PROJECT_SORTS).catch('newest'),
	page: z.coerce.number().int().min(1).max(10_000).catch(1),
	easy: z.boolean()
});
export type ProjectFilters = z.output<typeof projectFilters>;

export function readProjectFilters(params: URLSearchParams, locale: Locale): ProjectFilters {
	return projectFilters.parse({
		field: params.get('field') ?? '',
		phase: params.get('phase') ?? '',
		status: params.get('status') ?? '',
		sort: params.get('sort') ?? 'newest',
		page: params.get('page') ?? '1',
		// Easy German exists for German readers only.
		easy: locale === 'de' && params.get('version') === 'easy'
	});
}

export const isFilteringProjects = (filters: ProjectFilters) =>
	Boolean(filters.field || filters.phase || filters.status);

/** A text with the language it is in and whether it is the German fallback. */
export interface ShownText {
	text: string;
	lang: string;
	fallback: boolean;
}

function textsIn<T extends { locale: TextLocale }>(
	rows: readonly T[],
	locale: Locale,
	easy: boolean
): { row: T; lang: string; fallback: boolean } | null {
	if (easy) {
		const plain = rows.find((row) => row.locale === 'easy');
		if (plain) return { row: plain, lang: 'de', fallback: false };
	}
	const picked = pickLocalized(rows, locale);
	return picked ? { row: picked.value, lang: picked.lang, fallback: picked.fallback } : null;
}

const wanted = (locale: Locale, easy: boolean): TextLocale[] => [
	...new Set<TextLocale>([locale, 'de', ...(easy ? (['easy'] as const) : [])])
];

/** The six fields of action with their titles and summaries, in order. */
export async function listFields(db: Db, locale: Locale, easy = false) {
	const { participationFields: fields, participationFieldTexts: texts } = db.t;
	const [rows, textRows] = await Promise.all([
		db.orm
			.select({ id: fields.id, slug: fields.slug, isExample: fields.isExample })
			.from(fields)
			.orderBy(fields.position),
		db.orm
			.select()
			.from(texts)
			.where(inArray(texts.locale, wanted(locale, easy)))
	]);
	return rows.map((field) => {
		const text = textsIn(
			textRows.filter((row) => row.fieldId === field.id),
			locale,
			easy
		);
		return {
			...field,
			title: text?.row.title ?? field.slug,
			summary: text?.row.summary ?? '',
			lang: text?.lang ?? 'de',
			fallback: text?.fallback ?? false
		};
	});
}
export type FieldSummary = Awaited<ReturnType<typeof listFields>>[number];

/** Published, not deleted comments per project (the counts readers see). */
export async function countCommentsOfProjects(db: Db, ids?: readonly string[]) {
	const { participationComments: comments } = db.t;
	const rows = await db.orm
		.select({ id: comments.projectId, total: count() })
		.from(comments)
		.where(
			and(
				isNotNull(comments.projectId),
				eq(comments.state, 'published'),
				isNull(comments.deletedAt),
				ids ? inArray(comments.projectId, [...ids]) : undefined
			)
		)
		.groupBy(comments.projectId);
	return new Map(rows.flatMap((row) => (row.id ? [[row.id, row.total] as const] : [])));
}

/** Supports per project, all projects in one query. */
export async function countSupportsOfProjects(db: Db) {
	const { participationSupports: supports } = db.t;
	const rows = await db.orm
		.select({ id: supports.projectId, total: count() })
		.from(supports)
		.where(isNotNull(supports.projectId))
		.groupBy(supports.projectId);
	return new Map(rows.flatMap((row) => (row.id ? [[row.id, row.total] as const] : [])));
}

async function phasesByProject(db: Db, ids?: readonly string[]) {
	const { participationPhases: phases } = db.t;
	const rows = await db.orm
		.select({ projectId: phases.projectId, kind: phases.kind, startsAt: phases.startsAt, endsAt: phases.endsAt })
		.from(phases)
		.where(ids ? inArray(phases.projectId, [...ids]) : undefined);
	const byProject = new Map<string, PhaseDates[]>();
	for (const row of rows) {
		const list = byProject.get(row.projectId) ?? [];
		list.push(row);
		byProject.set(row.projectId, list);
	}
	return byProject;
}

export interface ProjectCard {
	id: string;
	slug: string;
	isExample: boolean;
	status: ProjectStatus;
	createdAt: Date;
	field: { slug: string; title: string };
	title: string;
	summary: string;
	lang: string;
	fallback: boolean;
	phase: CurrentPhase;
	supports: number;
	comments: number;
}

/** Every project as a card, with its phase at `now` and its counts; unsorted, unfiltered. */
export async function projectCards(db: Db, locale: Locale, easy: boolean, now: Date): Promise<ProjectCard[]> {
	const { participationProjects: projects, participationProjectTexts: texts } = db.t;
	const [rows, textRows, fields, phases, supports, comments] = await Promise.all([
		db.orm
			.select({
				id: projects.id,
				slug: projects.slug,
				fieldId: projects.fieldId,
				status: projects.status,
				isExample: projects.isExample,
				createdAt: projects.createdAt
			})
			.from(projects),
		db.orm
			.select({ projectId: texts.projectId, locale: texts.locale, title: texts.title, summary: texts.summary })
			.from(texts)
			.where(inArray(texts.locale, wanted(locale, easy))),
		listFields(db, locale),
		phasesByProject(db),
		countSupportsOfProjects(db),
		countCommentsOfProjects(db)
	]);
	const fieldById = new Map(fields.map((field) => [field.id, field]));
	const textsByProject = new Map<string, (typeof textRows)[number][]>();
	for (const row of textRows) {
		const list = textsByProject.get(row.projectId) ?? [];
		list.push(row);
		textsByProject.set(row.projectId, list);
	}
	return rows.map((project) => {
		const text = textsIn(textsByProject.get(project.id) ?? [], locale, easy);
		const field = fieldById.get(project.fieldId);
		return {
			id: project.id,
			slug: project.slug,
			isExample: project.isExample,
			status: project.status,
			createdAt: project.createdAt,
			field: { slug: field?.slug ?? '', title: field?.title ?? '' },
			title: text?.row.title ?? project.slug,
			summary: text?.row.summary ?? '',
			lang: text?.lang ?? 'de',
			fallback: text?.fallback ?? false,
			phase: currentPhase(phases.get(project.id) ?? [], now),
			supports: supports.get(project.id) ?? 0,
			comments: comments.get(project.id) ?? 0
		};
	});
}

const SORTERS: Record<ProjectSort, (a: ProjectCard, b: ProjectCard) => number> = {
	newest: (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || a.slug.localeCompare(b.slug),
	supports: (a, b) => b.supports - a.supports || SORTERS.newest(a, b),
	comments: (a, b) => b.comments - a.comments || SORTERS.newest(a, b)
};

/** One page of the start page's project list. A page past the end shows the last page. */
export async function listProjects(db: Db, locale: Locale, filters: ProjectFilters, now = new Date()) {
	const cards = await projectCards(db, locale, filters.easy, now);
	const matching = cards
		.filter(
			(card) =>
				(!filters.field || card.field.slug === filters.field) &&
				(!filters.phase || card.phase.kind === filters.phase) &&
				(!filters.status || card.status === filters.status)
		)
		.sort(SORTERS[filters.sort]);
	const pages = Math.max(1, Math.ceil(matching.length / PROJECTS_PER_PAGE));
	const page = Math.min(filters.page, pages);
	return {
		total: matching.length,
		page,
		pages,
		projects: matching.slice((page - 1) * PROJECTS_PER_PAGE, page * PROJECTS_PER_PAGE)
	};
}

// Every project page and every support or comment posted to one reads it.
const projectWithSlug = preparedStatement((db) => {
	const { participationProjects: projects } = db.t;
	return db.orm
		.select()
		.from(projects)
		.where(eq(projects.slug, sql.placeholder('slug')))
		.limit(1)
		.prepare('project_with_slug');
});

/** The project a slug names, or null. */
export async function findProjectBySlug(db: Db, slug: string) {
	const [project] = await projectWithSlug(db).execute({ slug });
	return project ?? null;
}

/** Everything one project's page shows, in the reader's language (German where it is missing). */
export async function projectPage(db: Db, slug: string, locale: Locale, now = new Date()) {
	const project = await findProjectBySlug(db, slug);
	if (!project) return null;
	const {
		participationProjectTexts: texts,
		participationPhases: phasesTable,
		participationTimelineEntries: entries,
		participationTimelineTexts: entryTexts
	} = db.t;
	const [textRows, fields, phaseRows, entryRows, supports, comments] = await Promise.all([
		db.orm
			.select()
			.from(texts)
			.where(and(eq(texts.projectId, project.id), inArray(texts.locale, wanted(locale, false)))),
		listFields(db, locale),
		db.orm
			.select({ kind: phasesTable.kind, startsAt: phasesTable.startsAt, endsAt: phasesTable.endsAt })
			.from(phasesTable)
			.where(eq(phasesTable.projectId, project.id)),
		db.orm
			.select({ id: entries.id, status: entries.status, happenedAt: entries.happenedAt })
			.from(entries)
			.where(eq(entries.projectId, project.id))
			.orderBy(entries.happenedAt, entries.createdAt),
		countSupports(db, { kind: 'project', id: project.id }),
		countCommentsOfProjects(db, [project.id])
	]);
	const entryIds = entryRows.map((entry) => entry.id);
	const timelineTexts = entryIds.length
		? await db.orm
				.select()
				.from(entryTexts)
				.where(and(inArray(entryTexts.entryId, entryIds), inArray(entryTexts.locale, wanted(locale, false))))
		: [];
	const text = pickLocalized(textRows, locale);
	const field = fields.find((candidate) => candidate.id === project.fieldId);
	const phase = currentPhase(phaseRows, now);
	const result =
		phase.kind === 'closed'
			? pickLocalized(
					textRows.filter((row) => row.resultText),
					locale
				)
			: null;
	return {
		id: project.id,
		slug: project.slug,
		isExample: project.isExample,
		status: project.status,
		field: field ? { slug: field.slug, title: field.title, lang: field.lang } : null,
		title: text?.value.title ?? project.slug,
		summary: text?.value.summary ?? '',
		description: text?.value.description ?? '',
		lang: text?.lang ?? 'de',
		fallback: text?.fallback ?? false,
		result: result ? { text: result.value.resultText ?? '', lang: result.lang, fallback: result.fallback } : null,
		phase,
		phases: [...phaseRows].sort((a, b) => (a.startsAt?.getTime() ?? 0) - (b.startsAt?.getTime() ?? 0)),
		timeline: entryRows.map((entry) => {
			const picked = pickLocalized(
				timelineTexts.filter((row) => row.entryId === entry.id),
				locale
			);
			return {
				status: entry.status,
				happenedAt: entry.happenedAt,
				text: picked?.value.text ?? '',
				lang: picked?.lang ?? 'de',
				fallback: picked?.fallback ?? false
			};
		}),
		supports,
		comments: comments.get(project.id) ?? 0
	};
}
export type ProjectPage = NonNullable<Awaited<ReturnType<typeof projectPage>>>;
