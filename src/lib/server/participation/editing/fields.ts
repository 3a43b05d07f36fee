/**
 * An admin's writes to the fields of action: create one (with its German texts, the
 * reference every translation is made from), change its slug or position, write its texts
 * in one language. Each change and its audit entry are one transaction; editing seeded
 * example content makes it the city's own (isExample cleared).
 */
import { and, eq, ne } from 'drizzle-orm';
import { recordAudit } from '../../audit/record.ts';
import type { Db } from '../../db/database.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { newId } from '../../db/ids.ts';
import type { TextLocale } from '../rules.ts';
import { refusable, Refusal, type EditResult } from './result.ts';

export interface NewField {
	slug: string;
	position: number;
	title: string;
	summary: string;
}

async function assertSlugFree(db: Db, slug: string, exceptId?: string): Promise<void> {
	const { participationFields: fields } = db.t;
	const [taken] = await db.orm
		.select({ id: fields.id })
		.from(fields)
		.where(exceptId ? and(eq(fields.slug, slug), ne(fields.id, exceptId)) : eq(fields.slug, slug))
		.limit(1);
	if (taken) throw new Refusal('slug', 'admin.errors.slugTaken');
}

/** A unique index refusing the row (two admins at once) is the same "slug taken" as the check before it. */
async function slugSafe<T>(work: () => Promise<T>): Promise<T> {
	try {
		return await work();
	} catch (error) {
		if (isUniqueViolation(error)) throw new Refusal('slug', 'admin.errors.slugTaken');
		throw error;
	}
}

export function createField(db: Db, actorId: string, input: NewField, now = new Date()): Promise<EditResult<string>> {
	return refusable(() =>
		slugSafe(() =>
			db.transaction(async (tx) => {
				await assertSlugFree(tx, input.slug);
				const id = newId();
				await tx.orm.insert(tx.t.participationFields).values({
					id,
					slug: input.slug,
					position: input.position,
					isExample: false,
					createdAt: now,
					updatedAt: now
				});
				await tx.orm
					.insert(tx.t.participationFieldTexts)
					.values({ fieldId: id, locale: 'de', title: input.title, summary: input.summary });
				await recordAudit(
					tx,
					{
						actorId,
						action: 'field.create',
						subjectKind: 'field',
						subjectId: id,
						details: { slug: input.slug, locales: ['de'] }
					},
					now
				);
				return id;
			})
		)
	);
}

export function updateFieldMeta(
	db: Db,
	actorId: string,
	fieldId: string,
	input: { slug: string; position: number },
	now = new Date()
): Promise<EditResult<null>> {
	return refusable(() =>
		slugSafe(() =>
			db.transaction(async (tx) => {
				const { participationFields: fields } = tx.t;
				const [field] = await tx.orm.select().from(fields).where(eq(fields.id, fieldId)).limit(1);
				if (!field) throw new Refusal('form', 'admin.errors.notFound');
				await assertSlugFree(tx, input.slug, fieldId);
				await tx.orm
					.update(fields)
					.set({ slug: input.slug, position: input.position, isExample: false, updatedAt: now })
					.where(eq(fields.id, fieldId));
				const changed = (['slug', 'position'] as const).filter((key) => field[key] !== input[key]);
				await recordAudit(
					tx,
					{ actorId, action: 'field.update', subjectKind: 'field', subjectId: fieldId, details: { changed } },
					now
				);
				return null;
			})
		)
	);
}

/** Writes the field's title and summary in one language. Other languages need the German text first. */
export function saveFieldTexts(
	db: Db,
	actorId: string,
	fieldId: string,
	locale: TextLocale,
	input: { title: string; summary: string },
	now = new Date()
): Promise<EditResult<null>> {
	return refusable(() =>
		db.transaction(async (tx) => {
			const { participationFields: fields, participationFieldTexts: texts } = tx.t;
			const [field] = await tx.orm.select({ id: fields.id }).from(fields).where(eq(fields.id, fieldId)).limit(1);
			if (!field) throw new Refusal('form', 'admin.errors.notFound');
			const rows = await tx.orm.select().from(texts).where(eq(texts.fieldId, fieldId));
			if (locale !== 'de' && !rows.some((row) => row.locale === 'de')) {
				throw new Refusal('form', 'admin.errors.germanFirst');
			}
			const before = rows.find((row) => row.locale === locale);
			if (before) {
				await tx.orm
					.update(texts)
					.set(input)
					.where(and(eq(texts.fieldId, fieldId), eq(texts.locale, locale)));
			} else {
				await tx.orm.insert(texts).values({ fieldId, locale, ...input });
			}
			await tx.orm.update(fields).set({ isExample: false, updatedAt: now }).where(eq(fields.id, fieldId));
			const changed = (['title', 'summary'] as const).filter((key) => before?.[key] !== input[key]);
			await recordAudit(
				tx,
				{
					actorId,
					action: 'field.texts.update',
					subjectKind: 'field',
					subjectId: fieldId,
					details: { locale, changed }
				},
				now
			);
			return null;
		})
	);
}
