/** The fixed lists of the studio domain (the tables' check constraints use them). */
export { COMPETENCES, CONTENT_LOCALES, LEVELS } from '../../content/constants.ts';

export const STUDIO_STATUSES = ['draft', 'published'] as const;
export type StudioStatus = (typeof STUDIO_STATUSES)[number];

/** A lesson fits in one sitting (as content/README.md asks of shipped lessons). */
export const MIN_MINUTES = 1;
export const MAX_MINUTES = 10;

/** The lesson key of a studio lesson in lesson_progress and quiz_attempts. */
export const studioLessonKey = (lessonId: string) => `studio/${lessonId}`;
