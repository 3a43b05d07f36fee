/**
 * What the admin's pages show: the fields and projects with the state of every text in
 * every language ("translated" / "missing"), and one project's phases and timeline.
 */
import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { Locale } from '../../../i18n/locales.ts';
import type { Db } from '../../db/database.ts';
import { pickLocalized } from '../localized-text.ts';
import { currentPhase } from '../phases.ts';
import { TEXT_LOCALES, type TextLocale } from '../rules.ts';

export type TextStatus = 'translated' | 'missing';
export type StatusByLocale = Record<TextLocale, TextStatus>;

function statusOf(present: ReadonlySet<string>, locales: readonly TextLocale[] = TEXT_LOCALES): StatusByLocale {
	const status = {} as StatusByLocale;
	for (const locale of locales) status[locale] = present.has(locale) ? 'translated' : 'missing';
	return status;
}

export interface TitleInLocale {
	title: string;
	lang: Locale;
	fallback: boolean;
}

function titleOf(rows: readonly { locale: TextLocale; title: string }[], locale: Locale): TitleInLocale | null {
	const picked = pickLocalized(rows, locale);
	return picked ? { title: picked.value.title, lang: picked.lang, fallback: picked.fallback } : null;
}

/** Every field with its projects, in the order of the strategy; titles in the admin's language. */
export async function strategyOverview(db: Db, locale: Locale, now = new Date()) {
	const t = db.t;
	const fields = await db.orm.select().from(t.participationFields).orderBy(asc(t.participationFields.position));
	const fieldTexts = await db.orm
		.select({
			fieldId: t.participationFieldTexts.fieldId,
			locale: t.participationFieldTexts.locale,
			title: t.participationFieldTexts.title
		})
		.from(t.participationFieldTexts);
	const projects = await db.orm.select().from(t.participationProjects).orderBy(asc(t.participationProjects.slug));
	const projectTexts = await db.orm
		.select({
			projectId: t.participationProjectTexts.projectId,
			locale: t.participationProjectTexts.locale,
			title: t.participationProjectTexts.title
		})
		.from(t.participationProjectTexts);
	const phases = await db.orm.select().from(t.participationPhases);
	return fields.map((field) => {
		const texts = fieldTexts.filter((row) => row.fieldId === field.id);
		return {
			id: field.id,
			slug: field.slug,
			isExample: field.isExample,
			title: titleOf(texts, locale),
			missing: TEXT_LOCALES.filter((l) => !texts.some((row) => row.locale === l)).length,
			projects: projects
				.filter((project) => project.fieldId === field.id)
				.map((project) => {
					const own = projectTexts.filter((row) => row.projectId === project.id);
					return {
						id: project.id,
						slug: project.slug,
						status: project.status,
						isExample: project.isExample,
						phase: currentPhase(
							phases.filter((phase) => phase.projectId === project.id),
							now
						).kind,
						title: titleOf(own, locale),
						missing: TEXT_LOCALES.filter((l) => !own.some((row) => row.locale === l)).length
					};
				})
		};
	});
}

/** The fields for a project's "field" select, titled in the admin's language. */
export async function fieldChoices(db: Db, locale: Locale) {
	const t = db.t;
	const fields = await db.orm.select().from(t.participationFields).orderBy(asc(t.participationFields.position));
	const texts = await db.orm.select().from(t.participationFieldTexts);
	return fields.map((field) => ({
		id: field.id,
		slug: field.slug,
		title: titleOf(
			texts.filter((row) => row.fieldId === field.id),
			locale
		)
	}));
}

export async function fieldEditor(db: Db, fieldId: string) {
	const t = db.t;
	const [field] = await db.orm
		.select()
		.from(t.participationFields)
		.where(eq(t.participationFields.id, fieldId))
		.limit(1);
	if (!field) return null;
	const texts = await db.orm
		.select()
		.from(t.participationFieldTexts)
		.where(eq(t.participationFieldTexts.fieldId, fieldId));
	return { field, texts, status: statusOf(new Set(texts.map((row) => row.locale))) };
}

export async function projectEditor(db: Db, projectId: string, now = new Date()) {
	const t = db.t;
	const [project] = await db.orm
		.select()
		.from(t.participationProjects)
		.where(eq(t.participationProjects.id, projectId))
		.limit(1);
	if (!project) return null;
	const texts = await db.orm
		.select()
		.from(t.participationProjectTexts)
		.where(eq(t.participationProjectTexts.projectId, projectId));
	const phases = await db.orm
		.select()
		.from(t.participationPhases)
		.where(eq(t.participationPhases.projectId, projectId))
		.orderBy(asc(t.participationPhases.startsAt));
	const entries = await db.orm
		.select()
		.from(t.participationTimelineEntries)
		.where(eq(t.participationTimelineEntries.projectId, projectId))
		.orderBy(desc(t.participationTimelineEntries.happenedAt), desc(t.participationTimelineEntries.createdAt));
	const entryTexts = entries.length
		? await db.orm
				.select()
				.from(t.participationTimelineTexts)
				.where(
					inArray(
						t.participationTimelineTexts.entryId,
						entries.map((entry) => entry.id)
					)
				)
		: [];
	const present = new Set(texts.map((row) => row.locale));
	const results = new Set(texts.filter((row) => row.resultText !== null).map((row) => row.locale));
	return {
		project,
		texts,
		phases,
		phase: currentPhase(phases, now).kind,
		status: {
			texts: statusOf(present),
			result: statusOf(
				results,
				TEXT_LOCALES.filter((locale) => locale !== 'easy')
			)
		},
		timeline: entries.map((entry) => {
			const own = entryTexts.filter((row) => row.entryId === entry.id);
			return {
				...entry,
				texts: own,
				textStatus: statusOf(new Set(own.map((row) => row.locale)))
			};
		})
	};
}
