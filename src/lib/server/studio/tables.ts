/**
 * The tables of the lesson studio: lessons instructors write in the browser, their texts per
 * language, the versions learners were shown, the classes a lesson is published to, and the
 * images uploaded for figures.
 * Each is defined once for both engines (see ../db/README.md).
 */
import { sql } from 'drizzle-orm';
import { users } from '../auth/tables.ts';
import { classes } from '../classes/tables.ts';
import { column, listOf, table } from '../db/table-builder.ts';
import { CONTENT_LOCALES, LEVELS, MAX_MINUTES, MIN_MINUTES, STUDIO_STATUSES } from './rules.ts';

export const studioLessons = table(
	'studio_lessons',
	{
		id: column.text('id').primaryKey(),
		authorUserId: column
			.text('author_user_id')
			.notNull()
			.references(() => users, 'id', { onDelete: 'cascade' }),
		// The language the author writes first; translations are compared with it.
		sourceLocale: column.oneOf('source_locale', CONTENT_LOCALES).notNull(),
		minutes: column.integer('minutes').notNull(),
		level: column.oneOf('level', LEVELS).notNull(),
		// JSON arrays of strings: DigComp codes ("4.2") and lesson addresses ("course/lesson").
		competences: column.text('competences').notNull(),
		prerequisites: column.text('prerequisites').notNull(),
		// draft until first published; stays published while a newer draft is edited.
		status: column.oneOf('status', STUDIO_STATUSES).notNull(),
		createdAt: column.timestamp('created_at').notNull(),
		updatedAt: column.timestamp('updated_at').notNull()
	},
	(t, x) => [
		x.index('studio_lessons_author_user_id_index', t.authorUserId),
		x.check('studio_lessons_source_locale_check', sql`${t.sourceLocale} in (${listOf(CONTENT_LOCALES)})`),
		x.check('studio_lessons_level_check', sql`${t.level} in (${listOf(LEVELS)})`),
		x.check('studio_lessons_status_check', sql`${t.status} in (${listOf(STUDIO_STATUSES)})`),
		x.check(
			'studio_lessons_minutes_check',
			sql`${t.minutes} between ${sql.raw(String(MIN_MINUTES))} and ${sql.raw(String(MAX_MINUTES))}`
		)
	]
);

export const studioLessonTexts = table(
	'studio_lesson_texts',
	{
		lessonId: column
			.text('lesson_id')
			.notNull()
			.references(() => studioLessons, 'id', { onDelete: 'cascade' }),
		locale: column.oneOf('locale', CONTENT_LOCALES).notNull(),
		title: column.text('title').notNull(),
		summary: column.text('summary').notNull(),
		// Markdown in the studio's syntax (README.md); never HTML.
		body: column.text('body').notNull(),
		// JSON in exactly the shape of a shipped lesson's frontmatter `quizzes`.
		quizzes: column.text('quizzes').notNull(),
		// Compared with the source language's, to show translations older than the source.
		updatedAt: column.timestamp('updated_at').notNull()
	},
	(t, x) => [
		x.primaryKey(t.lessonId, t.locale),
		x.check('studio_lesson_texts_locale_check', sql`${t.locale} in (${listOf(CONTENT_LOCALES)})`)
	]
);

export const studioLessonVersions = table(
	'studio_lesson_versions',
	{
		lessonId: column
			.text('lesson_id')
			.notNull()
			.references(() => studioLessons, 'id', { onDelete: 'cascade' }),
		number: column.integer('number').notNull(),
		// JSON: the lesson's metadata and every language's text as published (snapshot.ts).
		snapshot: column.text('snapshot').notNull(),
		publishedAt: column.timestamp('published_at').notNull()
	},
	(t, x) => [x.primaryKey(t.lessonId, t.number), x.check('studio_lesson_versions_number_check', sql`${t.number} >= 1`)]
);

export const studioLessonClasses = table(
	'studio_lesson_classes',
	{
		lessonId: column
			.text('lesson_id')
			.notNull()
			.references(() => studioLessons, 'id', { onDelete: 'cascade' }),
		classId: column
			.text('class_id')
			.notNull()
			.references(() => classes, 'id', { onDelete: 'cascade' }),
		publishedAt: column.timestamp('published_at').notNull()
	},
	(t, x) => [x.primaryKey(t.lessonId, t.classId), x.index('studio_lesson_classes_class_id_index', t.classId)]
);

/**
 * Images an instructor uploaded for figures, already re-encoded as WebP (images.ts): the
 * bytes live in the database, so a backup of the database holds them too. `alt` is the
 * default alternative text of a figure that shows the image.
 */
export const studioImages = table(
	'studio_images',
	{
		id: column.text('id').primaryKey(),
		userId: column
			.text('user_id')
			.notNull()
			.references(() => users, 'id', { onDelete: 'cascade' }),
		alt: column.text('alt').notNull(),
		width: column.integer('width').notNull(),
		height: column.integer('height').notNull(),
		byteSize: column.integer('byte_size').notNull(),
		data: column.bytes('data').notNull(),
		createdAt: column.timestamp('created_at').notNull()
	},
	(t, x) => [
		x.index('studio_images_user_id_index', t.userId),
		x.check('studio_images_alt_check', sql`length(${t.alt}) > 0`),
		x.check('studio_images_size_check', sql`${t.width} > 0 and ${t.height} > 0 and ${t.byteSize} > 0`)
	]
);
