/**
 * Publishing a studio lesson to its author's own classes, and what learners see of it.
 * Each publishing takes a snapshot (a numbered version), so learners keep seeing the
 * published words while the author edits, and their progress (kept under `studio/<id>`,
 * whatever the version) carries over to the next one.
 */
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { ContentLocale, Quiz } from '../../content/schema.ts';
import type { Db } from '../db/database.ts';
import { readQuizzes, type LessonMeta, type Problem } from './checks.ts';
import { lessonProblems, type StudioLesson } from './lessons.ts';

export interface Snapshot extends LessonMeta {
	sourceLocale: ContentLocale;
	texts: Partial<Record<ContentLocale, { title: string; summary: string; body: string; quizzes: Quiz[] }>>;
}

export interface PublishedLesson {
	id: string;
	version: number;
	snapshot: Snapshot;
}

/** The author's classes a lesson may be published to: those they teach that are not archived. */
export async function publishableClasses(db: Db, authorId: string) {
	const { classes, classInstructors } = db.t;
	return db.orm
		.select({ id: classes.id, name: classes.name })
		.from(classes)
		.innerJoin(classInstructors, eq(classInstructors.classId, classes.id))
		.where(and(eq(classInstructors.userId, authorId), isNull(classes.archivedAt)))
		.orderBy(classes.name, classes.id);
}

/** The lesson as saved, in the shape of a published version (the preview shows it). */
export function draftSnapshot(lesson: StudioLesson): Snapshot {
	return {
		sourceLocale: lesson.lesson.sourceLocale,
		...lesson.meta,
		texts: Object.fromEntries(
			lesson.texts.map((text) => {
				const read = readQuizzes(text.quizzes);
				const quizzes = 'quizzes' in read ? read.quizzes : [];
				return [text.locale, { title: text.title, summary: text.summary, body: text.body, quizzes }];
			})
		)
	};
}

/** The classes a lesson is published to now. */
export async function publishedClassIds(db: Db, lessonId: string): Promise<string[]> {
	const rows = await db.orm
		.select({ classId: db.t.studioLessonClasses.classId })
		.from(db.t.studioLessonClasses)
		.where(eq(db.t.studioLessonClasses.lessonId, lessonId));
	return rows.map((row) => row.classId);
}

export type PublishResult =
	| { ok: true; version: number }
	| { ok: false; problems: Problem[] }
	| { ok: false; reason: 'studio.publish.noClass' | 'studio.publish.notYourClass' };

/**
 * Publishes the lesson as saved to `classIds` (which replace the classes it was published to):
 * refused while it has problems, or for a class the author does not teach or that is archived.
 */
export async function publishLesson(
	db: Db,
	lesson: StudioLesson,
	classIds: string[],
	now = new Date(),
	// The lessons links may lead to; the shipped curriculum unless told (a test outside Vite).
	known?: ReadonlySet<string>
): Promise<PublishResult> {
	const problems = lessonProblems(lesson, known);
	if (problems.length) return { ok: false, problems };
	if (classIds.length === 0) return { ok: false, reason: 'studio.publish.noClass' };
	const allowed = new Set((await publishableClasses(db, lesson.lesson.authorUserId)).map((row) => row.id));
	if (classIds.some((id) => !allowed.has(id))) return { ok: false, reason: 'studio.publish.notYourClass' };

	const snapshot = draftSnapshot(lesson);
	const lessonId = lesson.lesson.id;
	const version = (lesson.version ?? 0) + 1;
	const { studioLessons, studioLessonVersions, studioLessonClasses } = db.t;
	await db.transaction(async (tx) => {
		await tx.orm
			.insert(studioLessonVersions)
			.values({ lessonId, number: version, snapshot: JSON.stringify(snapshot), publishedAt: now });
		await tx.orm.update(studioLessons).set({ status: 'published' }).where(eq(studioLessons.id, lessonId));
		const before = await tx.orm
			.select({ classId: studioLessonClasses.classId })
			.from(studioLessonClasses)
			.where(eq(studioLessonClasses.lessonId, lessonId));
		const kept = new Set(before.map((row) => row.classId));
		const removed = [...kept].filter((id) => !classIds.includes(id));
		if (removed.length)
			await tx.orm
				.delete(studioLessonClasses)
				.where(and(eq(studioLessonClasses.lessonId, lessonId), inArray(studioLessonClasses.classId, removed)));
		const added = [...new Set(classIds)].filter((id) => !kept.has(id));
		if (added.length)
			await tx.orm
				.insert(studioLessonClasses)
				.values(added.map((classId) => ({ lessonId, classId, publishedAt: now })));
	});
	return { ok: true, version };
}

/**
 * Published studio lessons a person may open: those published to an open class they learn in
 * or teach, and their own. Newest version of each.
 */
export async function visibleStudioLessons(db: Db, userId: string): Promise<PublishedLesson[]> {
	const { classes, classMembers, classInstructors, studioLessons, studioLessonClasses } = db.t;
	const viaClass = (membership: typeof classMembers | typeof classInstructors) =>
		db.orm
			.selectDistinct({ id: studioLessonClasses.lessonId })
			.from(studioLessonClasses)
			.innerJoin(classes, and(eq(classes.id, studioLessonClasses.classId), isNull(classes.archivedAt)))
			.innerJoin(membership, and(eq(membership.classId, classes.id), eq(membership.userId, userId)));
	const [learned, taught, own] = await Promise.all([
		viaClass(classMembers),
		viaClass(classInstructors),
		db.orm
			.select({ id: studioLessons.id })
			.from(studioLessons)
			.where(and(eq(studioLessons.authorUserId, userId), eq(studioLessons.status, 'published')))
	]);
	const ids = [...new Set([...learned, ...taught, ...own].map((row) => row.id))];
	return latestVersions(db, ids);
}

/** The lesson as published, if `userId` may open it; null otherwise (the page answers 404). */
export async function findVisibleStudioLesson(
	db: Db,
	userId: string,
	lessonId: string
): Promise<PublishedLesson | null> {
	const visible = await visibleStudioLessons(db, userId);
	return visible.find((lesson) => lesson.id === lessonId) ?? null;
}

async function latestVersions(db: Db, ids: string[]): Promise<PublishedLesson[]> {
	if (ids.length === 0) return [];
	const { studioLessonVersions } = db.t;
	const rows = await db.orm
		.select()
		.from(studioLessonVersions)
		.where(inArray(studioLessonVersions.lessonId, ids))
		.orderBy(studioLessonVersions.lessonId, desc(studioLessonVersions.number));
	const latest = new Map<string, PublishedLesson>();
	for (const row of rows) {
		if (!latest.has(row.lessonId))
			latest.set(row.lessonId, {
				id: row.lessonId,
				version: row.number,
				snapshot: JSON.parse(row.snapshot) as Snapshot
			});
	}
	return [...latest.values()];
}

/** The language version to show: the reader's, else the source (labelled as a fallback). */
export function chooseStudioText(snapshot: Snapshot, locale: ContentLocale) {
	const own = snapshot.texts[locale];
	if (own) return { contentLocale: locale, isFallback: false, text: own };
	return { contentLocale: snapshot.sourceLocale, isFallback: true, text: snapshot.texts[snapshot.sourceLocale]! };
}
