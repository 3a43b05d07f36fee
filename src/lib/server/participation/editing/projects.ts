/**
 * An admin's writes to projects: create one (German texts first: they are the reference),
 * change its slug or field, write its texts in one language, publish or change its result.
 * Each change and its audit entry are one transaction; a new or changed German result text
 * tells the project's followers in the same transaction (translations of it do not tell
 * them again). Editing seeded example content makes it the city's own (isExample cleared).
 */
import { and, eq, ne } from 'drizzle-orm';
import { recordAudit } from '../../audit/record.ts';
import type { Db } from '../../db/database.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { newId } from '../../db/ids.ts';
import { notify } from '../../notifications/notify.ts';
import type { TextLocale } from '../rules.ts';
import { projectFollowers } from './followers.ts';
import { refusable, Refusal, type EditResult } from './result.ts';

export interface ProjectTexts {
	title: string;
	summary: string;
	/** Empty for easy German, which has a title and a summary only. */
	description: string;
}

async function assertSlugFree(db: Db, slug: string, exceptId?: string): Promise<void> {
	const { participationProjects: projects } = db.t;
	const [taken] = await db.orm
		.select({ id: projects.id })
		.from(projects)
		.where(exceptId ? and(eq(projects.slug, slug), ne(projects.id, exceptId)) : eq(projects.slug, slug))
		.limit(1);
	if (taken) throw new Refusal('slug', 'admin.errors.slugTaken');
}

async function assertFieldExists(db: Db, fieldId: string): Promise<void> {
	const { participationFields: fields } = db.t;
	const [field] = await db.orm.select({ id: fields.id }).from(fields).where(eq(fields.id, fieldId)).limit(1);
	if (!field) throw new Refusal('fieldId', 'admin.errors.fieldMissing');
}

async function slugSafe<T>(work: () => Promise<T>): Promise<T> {
	try {
		return await work();
	} catch (error) {
		if (isUniqueViolation(error)) throw new Refusal('slug', 'admin.errors.slugTaken');
		throw error;
	}
}

/** Reads the project inside a transaction, or refuses: a hidden field can name any id. */
export async function lockedProject(db: Db, projectId: string) {
	const { participationProjects: projects } = db.t;
	const [project] = await db.orm.select().from(projects).where(eq(projects.id, projectId)).limit(1);
	if (!project) throw new Refusal('form', 'admin.errors.notFound');
	return project;
}

/** The project is the city's own once an admin has changed anything about it. */
export async function touchProject(db: Db, projectId: string, now: Date): Promise<void> {
	const { participationProjects: projects } = db.t;
	await db.orm.update(projects).set({ isExample: false, updatedAt: now }).where(eq(projects.id, projectId));
}

export function createProject(
	db: Db,
	actorId: string,
	input: { slug: string; fieldId: string } & ProjectTexts,
	now = new Date()
): Promise<EditResult<string>> {
	return refusable(() =>
		slugSafe(() =>
			db.transaction(async (tx) => {
				await assertFieldExists(tx, input.fieldId);
				await assertSlugFree(tx, input.slug);
				const id = newId();
				await tx.orm.insert(tx.t.participationProjects).values({
					id,
					slug: input.slug,
					fieldId: input.fieldId,
					status: 'announced',
					isExample: false,
					createdAt: now,
					updatedAt: now
				});
				await tx.orm.insert(tx.t.participationProjectTexts).values({
					projectId: id,
					locale: 'de',
					title: input.title,
					summary: input.summary,
					description: input.description,
					resultText: null
				});
				await recordAudit(
					tx,
					{
						actorId,
						action: 'project.create',
						subjectKind: 'project',
						subjectId: id,
						details: { slug: input.slug, fieldId: input.fieldId, locales: ['de'] }
					},
					now
				);
				return id;
			})
		)
	);
}

export function updateProjectMeta(
	db: Db,
	actorId: string,
	projectId: string,
	input: { slug: string; fieldId: string },
	now = new Date()
): Promise<EditResult<null>> {
	return refusable(() =>
		slugSafe(() =>
			db.transaction(async (tx) => {
				const project = await lockedProject(tx, projectId);
				await assertFieldExists(tx, input.fieldId);
				await assertSlugFree(tx, input.slug, projectId);
				await tx.orm
					.update(tx.t.participationProjects)
					.set({ slug: input.slug, fieldId: input.fieldId, isExample: false, updatedAt: now })
					.where(eq(tx.t.participationProjects.id, projectId));
				const changed = (['slug', 'fieldId'] as const).filter((key) => project[key] !== input[key]);
				await recordAudit(
					tx,
					{ actorId, action: 'project.update', subjectKind: 'project', subjectId: projectId, details: { changed } },
					now
				);
				return null;
			})
		)
	);
}

/** Writes the project's title, summary and description in one language (easy German: no description). */
export function saveProjectTexts(
	db: Db,
	actorId: string,
	projectId: string,
	locale: TextLocale,
	input: ProjectTexts,
	now = new Date()
): Promise<EditResult<null>> {
	const values = { ...input, description: locale === 'easy' ? '' : input.description };
	return refusable(() =>
		db.transaction(async (tx) => {
			await lockedProject(tx, projectId);
			const { participationProjectTexts: texts } = tx.t;
			const rows = await tx.orm.select().from(texts).where(eq(texts.projectId, projectId));
			if (locale !== 'de' && !rows.some((row) => row.locale === 'de')) {
				throw new Refusal('form', 'admin.errors.germanFirst');
			}
			const before = rows.find((row) => row.locale === locale);
			if (before) {
				await tx.orm
					.update(texts)
					.set(values)
					.where(and(eq(texts.projectId, projectId), eq(texts.locale, locale)));
			} else {
				await tx.orm.insert(texts).values({ projectId, locale, ...values, resultText: null });
			}
			await touchProject(tx, projectId, now);
			const changed = (['title', 'summary', 'description'] as const).filter((key) => before?.[key] !== values[key]);
			await recordAudit(
				tx,
				{
					actorId,
					action: 'project.texts.update',
					subjectKind: 'project',
					subjectId: projectId,
					details: { locale, changed }
				},
				now
			);
			return null;
		})
	);
}

/**
 * Publishes, changes or (with null) withdraws the result text in one language. The language's
 * title and summary must exist, and a translation needs the German result first.
 */
export function saveResultText(
	db: Db,
	actorId: string,
	projectId: string,
	locale: Exclude<TextLocale, 'easy'>,
	resultText: string | null,
	now = new Date()
): Promise<EditResult<null>> {
	return refusable(() =>
		db.transaction(async (tx) => {
			const project = await lockedProject(tx, projectId);
			const { participationProjectTexts: texts } = tx.t;
			const rows = await tx.orm.select().from(texts).where(eq(texts.projectId, projectId));
			const row = rows.find((candidate) => candidate.locale === locale);
			if (!row) throw new Refusal('form', 'admin.errors.textsFirst');
			const german = rows.find((candidate) => candidate.locale === 'de');
			if (locale !== 'de' && resultText !== null && !german?.resultText) {
				throw new Refusal('form', 'admin.errors.germanFirst');
			}
			if (row.resultText === resultText) return null;
			await tx.orm
				.update(texts)
				.set({ resultText })
				.where(and(eq(texts.projectId, projectId), eq(texts.locale, locale)));
			await touchProject(tx, projectId, now);
			const action =
				resultText === null ? 'result.remove' : row.resultText === null ? 'result.publish' : 'result.update';
			await recordAudit(
				tx,
				{ actorId, action, subjectKind: 'project', subjectId: projectId, details: { locale } },
				now
			);
			if (locale === 'de' && resultText !== null) {
				await notify(tx, await projectFollowers(tx, projectId), 'project_result', { project: project.slug }, now);
			}
			return null;
		})
	);
}
