/**
 * The studio's part of "my data" (see server/privacy): the lessons a person wrote, with their
 * texts, versions and the classes they were published to, and the images they uploaded.
 * Deleting the account deletes both (the texts are the author's own work); learners'
 * progress on the lessons stays theirs.
 */
import { eq, inArray } from 'drizzle-orm';
import type { PrivacyPart } from '../privacy/registry.ts';
import { listImages } from './images.ts';

/** Stored quizzes as data where they parse as JSON, else as the text the author typed. */
function storedQuizzes(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return text;
	}
}

export const studioPrivacy: PrivacyPart = {
	domain: 'studio',
	tables: { studioLessons: 'delete', studioImages: 'delete' },
	async export(db, userId) {
		const { studioLessons, studioLessonTexts, studioLessonVersions, studioLessonClasses } = db.t;
		// Each image's description and the address of its bytes, not the bytes themselves: the
		// download stays a readable JSON file of a few kilobytes instead of megabytes of base64,
		// and each image is one click away while the account exists.
		const images = await listImages(db, userId);
		const studioImages = images.map((image) => ({ ...image, path: `/media/studio/${image.id}` }));
		const lessons = await db.orm.select().from(studioLessons).where(eq(studioLessons.authorUserId, userId));
		const ids = lessons.map((lesson) => lesson.id);
		if (ids.length === 0) return { studioLessons: [], studioImages };
		const texts = await db.orm.select().from(studioLessonTexts).where(inArray(studioLessonTexts.lessonId, ids));
		const versions = await db.orm
			.select()
			.from(studioLessonVersions)
			.where(inArray(studioLessonVersions.lessonId, ids));
		const published = await db.orm.select().from(studioLessonClasses).where(inArray(studioLessonClasses.lessonId, ids));
		return {
			studioLessons: lessons.map((lesson) => ({
				...lesson,
				competences: JSON.parse(lesson.competences) as unknown,
				prerequisites: JSON.parse(lesson.prerequisites) as unknown,
				texts: texts
					.filter((text) => text.lessonId === lesson.id)
					.map(({ lessonId: _, quizzes, ...text }) => ({ ...text, quizzes: storedQuizzes(quizzes) })),
				versions: versions
					.filter((version) => version.lessonId === lesson.id)
					.map((version) => ({ number: version.number, publishedAt: version.publishedAt })),
				publishedToClasses: published
					.filter((row) => row.lessonId === lesson.id)
					.map((row) => ({ classId: row.classId, publishedAt: row.publishedAt }))
			})),
			studioImages
		};
	},
	async erase(tx, userId) {
		// Texts, versions and class rows go with their lesson (on delete cascade).
		await tx.orm.delete(tx.t.studioLessons).where(eq(tx.t.studioLessons.authorUserId, userId));
		await tx.orm.delete(tx.t.studioImages).where(eq(tx.t.studioImages.userId, userId));
	}
};
