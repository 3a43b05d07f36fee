/**
 * The example content a new Lotse starts with: the strategy's six fields of action and its
 * projects (content/participation/, see its README). Seeded once, into an empty
 * participation area, so an admin's edits and deletions are never undone by a restart.
 * Phase dates in the files are days relative to the seeding, so a fresh demo has open phases.
 */
import { count } from 'drizzle-orm';
import { z } from 'zod';
import { LOCALES } from '../../i18n/locales.ts';
import type { Db } from '../db/database.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { newId } from '../db/ids.ts';
import { PHASE_KINDS, PROJECT_STATUSES, RESERVED_SLUGS, type TextLocale } from './rules.ts';

const slug = z
	.string()
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
	.refine((value) => !(RESERVED_SLUGS as readonly string[]).includes(value), 'reserved slug');
const text = z.string().trim().min(1);

/** One value per UI language and one in easy German. */
function inEveryLanguage<T extends z.ZodType>(schema: T) {
	return z.object({
		...(Object.fromEntries(LOCALES.map((locale) => [locale, schema])) as Record<(typeof LOCALES)[number], T>),
		easy: schema
	});
}

const fieldText = z.object({ title: text, summary: text });
export const seedFieldSchema = z.object({ slug, texts: inEveryLanguage(fieldText) });

const projectText = z.object({
	title: text.max(80),
	summary: text.max(240),
	description: text,
	result: text.nullable()
});
const easyProjectText = z.object({ title: text.max(80), summary: text.max(240) });

export const seedProjectSchema = z.object({
	slug,
	field: slug,
	phases: z.array(
		z.object({
			kind: z.enum(PHASE_KINDS),
			startsInDays: z.number().int().nullable(),
			endsInDays: z.number().int().nullable()
		})
	),
	timeline: z
		.array(
			z.object({
				status: z.enum(PROJECT_STATUSES),
				date: z.iso.date(),
				text: inEveryLanguage(text)
			})
		)
		.min(1),
	texts: z.object({
		...(Object.fromEntries(LOCALES.map((locale) => [locale, projectText])) as Record<
			(typeof LOCALES)[number],
			typeof projectText
		>),
		easy: easyProjectText
	})
});

export type SeedField = z.infer<typeof seedFieldSchema>;
export type SeedProject = z.infer<typeof seedProjectSchema>;
export interface SeedContent {
	fields: SeedField[];
	projects: SeedProject[];
}

/** Checks the files' content; throws with the file's name on the first problem. */
export function parseSeedContent(fields: unknown, projects: Record<string, unknown>): SeedContent {
	const parsedFields = z.array(seedFieldSchema).parse(fields);
	const fieldSlugs = new Set(parsedFields.map((field) => field.slug));
	const parsedProjects = Object.entries(projects).map(([file, data]) => {
		const result = seedProjectSchema.safeParse(data);
		if (!result.success) throw new Error(`${file}: ${z.prettifyError(result.error)}`);
		if (!fieldSlugs.has(result.data.field)) throw new Error(`${file}: no field "${result.data.field}"`);
		return result.data;
	});
	return { fields: parsedFields, projects: parsedProjects };
}

const DAY = 24 * 60 * 60 * 1000;
const daysFrom = (now: Date, days: number | null) => (days === null ? null : new Date(now.getTime() + days * DAY));

/** Seeds the content when the participation area is empty; returns whether it did. */
export async function seedParticipation(db: Db, content: SeedContent, now = new Date()): Promise<boolean> {
	const { participationFields } = db.t;
	const [existing] = await db.orm.select({ fields: count() }).from(participationFields);
	if ((existing?.fields ?? 0) > 0) return false;
	try {
		await db.transaction(async (tx) => {
			const t = tx.t;
			const fieldIds = new Map<string, string>();
			for (const [position, field] of content.fields.entries()) {
				const id = newId();
				fieldIds.set(field.slug, id);
				await tx.orm
					.insert(t.participationFields)
					.values({ id, slug: field.slug, position, isExample: true, createdAt: now, updatedAt: now });
				await tx.orm.insert(t.participationFieldTexts).values(
					Object.entries(field.texts).map(([locale, value]) => ({
						fieldId: id,
						locale: locale as TextLocale,
						title: value.title,
						summary: value.summary
					}))
				);
			}
			for (const [order, project] of content.projects.entries()) {
				const id = newId();
				const timeline = [...project.timeline].sort((a, b) => a.date.localeCompare(b.date));
				// Projects listed "newest first" come out in the files' order, one minute apart.
				const createdAt = new Date(now.getTime() - order * 60_000);
				await tx.orm.insert(t.participationProjects).values({
					id,
					slug: project.slug,
					fieldId: fieldIds.get(project.field)!,
					status: timeline.at(-1)!.status,
					isExample: true,
					createdAt,
					updatedAt: createdAt
				});
				await tx.orm.insert(t.participationProjectTexts).values(
					Object.entries(project.texts).map(([locale, value]) => ({
						projectId: id,
						locale: locale as TextLocale,
						title: value.title,
						summary: value.summary,
						description: 'description' in value ? value.description : '',
						resultText: 'result' in value ? value.result : null
					}))
				);
				if (project.phases.length > 0) {
					await tx.orm.insert(t.participationPhases).values(
						project.phases.map((phase) => ({
							id: newId(),
							projectId: id,
							kind: phase.kind,
							startsAt: daysFrom(now, phase.startsInDays),
							endsAt: daysFrom(now, phase.endsInDays)
						}))
					);
				}
				for (const entry of timeline) {
					const entryId = newId();
					await tx.orm.insert(t.participationTimelineEntries).values({
						id: entryId,
						projectId: id,
						status: entry.status,
						happenedAt: new Date(`${entry.date}T12:00:00Z`),
						createdAt: now
					});
					await tx.orm.insert(t.participationTimelineTexts).values(
						Object.entries(entry.text).map(([locale, value]) => ({
							entryId,
							locale: locale as TextLocale,
							text: value
						}))
					);
				}
			}
		});
	} catch (cause) {
		// Another process seeded at the same moment: its content is there, which is what we wanted.
		if (isUniqueViolation(cause)) return false;
		throw cause;
	}
	return true;
}
