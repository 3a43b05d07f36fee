/**
 * Writing a studio lesson: create it, save its shared fields and one language version, read
 * it back for its author. A lesson is its author's alone: anyone else gets a 404, whatever
 * their role, as for classes (nobody learns that someone else's lesson exists).
 */
import { error } from '@sveltejs/kit';
import { and, asc, desc, eq } from 'drizzle-orm';
import type { ContentLocale } from '../../content/schema.ts';
import { getCatalogue } from '../learning/catalogue.ts';
import type { Db } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { checkLesson, type LessonMeta, type LessonText, type Problem } from './checks.ts';

export type StudioLessonRow = typeof import('./tables.ts').studioLessons.pg.$inferSelect;
export type StudioTextRow = typeof import('./tables.ts').studioLessonTexts.pg.$inferSelect;

export interface StudioLesson {
	lesson: StudioLessonRow;
	meta: LessonMeta;
	texts: StudioTextRow[];
	/** The newest published version's number; null while never published. */
	version: number | null;
}

export interface SaveInput {
	sourceLocale: ContentLocale;
	meta: LessonMeta;
	/** The language version edited in this save. */
	text: LessonText;
}

/** Lessons a studio lesson may name as prerequisite or link to: the shipped ones. */
export function knownLessons(): Set<string> {
	return new Set(getCatalogue().courses.flatMap((course) => course.lessons.map((lesson) => lesson.key)));
}

const metaOf = (lesson: StudioLessonRow): LessonMeta => ({
	minutes: lesson.minutes,
	level: lesson.level,
	competences: JSON.parse(lesson.competences) as string[],
	prerequisites: JSON.parse(lesson.prerequisites) as string[]
});

export const textInput = (row: StudioTextRow): LessonText => ({
	locale: row.locale,
	title: row.title,
	summary: row.summary,
	body: row.body,
	quizzes: row.quizzes
});

/** The problems of the lesson as saved (empty: it may be published). */
export function lessonProblems(lesson: StudioLesson, known: ReadonlySet<string> = knownLessons()): Problem[] {
	return checkLesson(lesson.meta, lesson.lesson.sourceLocale, lesson.texts.map(textInput), known);
}

/** The author's lessons, newest change first, each with its title in the source language. */
export async function listOwnLessons(db: Db, authorId: string) {
	const { studioLessons, studioLessonTexts } = db.t;
	return db.orm
		.select({
			id: studioLessons.id,
			status: studioLessons.status,
			updatedAt: studioLessons.updatedAt,
			sourceLocale: studioLessons.sourceLocale,
			title: studioLessonTexts.title
		})
		.from(studioLessons)
		.leftJoin(
			studioLessonTexts,
			and(eq(studioLessonTexts.lessonId, studioLessons.id), eq(studioLessonTexts.locale, studioLessons.sourceLocale))
		)
		.where(eq(studioLessons.authorUserId, authorId))
		.orderBy(desc(studioLessons.updatedAt), asc(studioLessons.id));
}

/** The lesson if `authorId` wrote it, else null. */
export async function findOwnLesson(db: Db, authorId: string, lessonId: string): Promise<StudioLesson | null> {
	const { studioLessons, studioLessonTexts, studioLessonVersions } = db.t;
	const [lesson] = await db.orm
		.select()
		.from(studioLessons)
		.where(and(eq(studioLessons.id, lessonId), eq(studioLessons.authorUserId, authorId)));
	if (!lesson) return null;
	const texts = await db.orm
		.select()
		.from(studioLessonTexts)
		.where(eq(studioLessonTexts.lessonId, lessonId))
		.orderBy(asc(studioLessonTexts.locale));
	const [latest] = await db.orm
		.select({ number: studioLessonVersions.number })
		.from(studioLessonVersions)
		.where(eq(studioLessonVersions.lessonId, lessonId))
		.orderBy(desc(studioLessonVersions.number))
		.limit(1);
	return { lesson, meta: metaOf(lesson), texts, version: latest?.number ?? null };
}

/** The author's lesson; 404 for every other lesson, existing or not. */
export async function requireOwnLesson(db: Db, authorId: string, lessonId: string): Promise<StudioLesson> {
	const found = await findOwnLesson(db, authorId, lessonId);
	if (!found) error(404, 'errors.notFound');
	return found;
}

const metaColumns = (input: SaveInput) => ({
	sourceLocale: input.sourceLocale,
	minutes: input.meta.minutes,
	level: input.meta.level as StudioLessonRow['level'],
	competences: JSON.stringify(input.meta.competences),
	prerequisites: JSON.stringify(input.meta.prerequisites)
});

/**
 * A new lesson, saved as a draft whatever its problems. The schema's checks stop what cannot
 * be stored (minutes outside 1–10, an unknown level): callers validate the form before.
 */
export async function createLesson(db: Db, authorId: string, input: SaveInput, now = new Date()): Promise<string> {
	const id = newId();
	await db.transaction(async (tx) => {
		await tx.orm
			.insert(tx.t.studioLessons)
			.values({ id, authorUserId: authorId, status: 'draft', createdAt: now, updatedAt: now, ...metaColumns(input) });
		await tx.orm.insert(tx.t.studioLessonTexts).values({ lessonId: id, ...input.text, updatedAt: now });
	});
	return id;
}

/**
 * Saves the shared fields and one language version (a draft: a published lesson keeps showing
 * its last published version until it is published again). A text's time changes only when
 * its words do, so "older than the source" stays true until the translation is touched.
 */
export async function saveLesson(db: Db, lesson: StudioLesson, input: SaveInput, now = new Date()): Promise<void> {
	const { studioLessons, studioLessonTexts } = db.t;
	const previous = lesson.texts.find((text) => text.locale === input.text.locale);
	const changed =
		!previous ||
		(['title', 'summary', 'body', 'quizzes'] as const).some((field) => previous[field] !== input.text[field]);
	await db.transaction(async (tx) => {
		await tx.orm
			.update(studioLessons)
			.set({ ...metaColumns(input), updatedAt: now })
			.where(eq(studioLessons.id, lesson.lesson.id));
		if (!changed) return;
		if (previous)
			await tx.orm
				.update(studioLessonTexts)
				.set({ ...input.text, updatedAt: now })
				.where(and(eq(studioLessonTexts.lessonId, lesson.lesson.id), eq(studioLessonTexts.locale, input.text.locale)));
		else await tx.orm.insert(studioLessonTexts).values({ lessonId: lesson.lesson.id, ...input.text, updatedAt: now });
	});
}

export type TranslationState = 'source' | 'current' | 'older' | 'missing';

/** Per language: the source, up to date, older than the source, or not written yet. */
export function translationStates(
	lesson: StudioLesson,
	locales: readonly ContentLocale[]
): Record<string, TranslationState> {
	const source = lesson.texts.find((text) => text.locale === lesson.lesson.sourceLocale);
	return Object.fromEntries(
		locales.map((locale) => {
			const text = lesson.texts.find((row) => row.locale === locale);
			if (locale === lesson.lesson.sourceLocale) return [locale, 'source'];
			if (!text) return [locale, 'missing'];
			return [locale, source && text.updatedAt < source.updatedAt ? 'older' : 'current'];
		})
	);
}
