/**
 * The studio's part of "my data" (see server/privacy): the lessons a person wrote, with their
 * texts, versions and the classes they were published to. Deleting the account deletes the
 * lessons (the texts are the author's own work); learners' progress on them stays theirs.
 */
import { eq, inArray } from 'drizzle-orm';
import type { PrivacyPart } from '../privacy/registry.ts';

export const studioPrivacy: PrivacyPart = {
	domain: 'studio',
	tables: { studioLessons: 'delete' },
	async export(db, userId) {
		const { studioLessons, studioLessonTexts, studioLessonVersions, studioLessonClasses } = db.t;
		const lessons = await db.orm.select().from(studioLessons).where(eq(studioLessons.authorUserId, userId));
		const ids = lessons.map((lesson) => lesson.id);
		if (ids.length === 0) return { studioLessons: [] };
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
					.map(({ lessonId: _, quizzes, ...text }) => ({ ...text, quizzes: JSON.parse(quizzes) as unknown })),
				versions: versions
					.filter((version) => version.lessonId === lesson.id)
					.map((version) => ({ number: version.number, publishedAt: version.publishedAt })),
				publishedToClasses: published
					.filter((row) => row.lessonId === lesson.id)
					.map((row) => ({ classId: row.classId, publishedAt: row.publishedAt }))
			}))
		};
	},
	async erase(tx, userId) {
		// Texts, versions and class rows go with their lesson (on delete cascade).
		await tx.orm.delete(tx.t.studioLessons).where(eq(tx.t.studioLessons.authorUserId, userId));
	}
};
