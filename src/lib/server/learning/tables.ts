/** The tables of learning progress and certificates. Each is defined once for both engines (see ../db/README.md). */
import { sql } from 'drizzle-orm';
import { users } from '../auth/tables.ts';
import { column, table } from '../db/table-builder.ts';

export const lessonProgress = table(
	'lesson_progress',
	{
		userId: column
			.text('user_id')
			.notNull()
			.references(() => users, 'id', { onDelete: 'cascade' }),
		// "course-id/lesson-id"
		lessonKey: column.text('lesson_key').notNull(),
		status: column.oneOf('status', ['started', 'completed']).notNull(),
		startedAt: column.timestamp('started_at').notNull(),
		completedAt: column.timestamp('completed_at'),
		updatedAt: column.timestamp('updated_at').notNull()
	},
	(t, x) => [
		x.primaryKey(t.userId, t.lessonKey),
		x.check('lesson_progress_status_check', sql`${t.status} in ('started', 'completed')`)
	]
);

export const quizAttempts = table(
	'quiz_attempts',
	{
		id: column.text('id').primaryKey(),
		userId: column
			.text('user_id')
			.notNull()
			.references(() => users, 'id', { onDelete: 'cascade' }),
		lessonKey: column.text('lesson_key').notNull(),
		quizId: column.text('quiz_id').notNull(),
		// Percent of the question answered correctly, 0–100.
		score: column.integer('score').notNull(),
		createdAt: column.timestamp('created_at').notNull()
	},
	(t, x) => [
		x.index('quiz_attempts_user_lesson_index', t.userId, t.lessonKey),
		x.check('quiz_attempts_score_check', sql`${t.score} between 0 and 100`)
	]
);

export const selfChecks = table(
	'self_checks',
	{
		userId: column
			.text('user_id')
			.notNull()
			.references(() => users, 'id', { onDelete: 'cascade' }),
		courseId: column.text('course_id').notNull(),
		phase: column.oneOf('phase', ['before', 'after']).notNull(),
		statementId: column.text('statement_id').notNull(),
		competence: column.text('competence').notNull(),
		// 0 not yet, 1 with help, 2 on my own
		rating: column.integer('rating').notNull(),
		updatedAt: column.timestamp('updated_at').notNull()
	},
	(t, x) => [
		x.primaryKey(t.userId, t.courseId, t.phase, t.statementId),
		x.check('self_checks_phase_check', sql`${t.phase} in ('before', 'after')`),
		x.check('self_checks_rating_check', sql`${t.rating} between 0 and 2`)
	]
);

export const certificates = table(
	'certificates',
	{
		id: column.text('id').primaryKey(),
		code: column.text('code').notNull(),
		userId: column
			.text('user_id')
			.notNull()
			.references(() => users, 'id', { onDelete: 'cascade' }),
		courseId: column.text('course_id').notNull(),
		// The name printed on the certificate; shown on /verify only if showName is true.
		holderName: column.text('holder_name'),
		showName: column.boolean('show_name').notNull(),
		issuedAt: column.timestamp('issued_at').notNull()
	},
	(t, x) => [
		x.uniqueIndex('certificates_code_unique', t.code),
		x.uniqueIndex('certificates_user_course_unique', t.userId, t.courseId)
	]
);
