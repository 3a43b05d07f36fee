/**
 * The SQLite schema. Its twin is `postgres.ts`: same tables, same column names, same
 * constraints. `tests/db/schema-parity.test.ts` fails if the two drift apart.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const timestamp = (name: string) => integer(name, { mode: 'timestamp_ms' });

export const users = sqliteTable(
	'users',
	{
		id: text('id').primaryKey(),
		username: text('username').notNull(),
		// Lower-cased username: uniqueness and sign-in ignore case ("Ayse" and "ayse" are one person).
		usernameKey: text('username_key').notNull(),
		passwordHash: text('password_hash').notNull(),
		role: text('role', { enum: ['learner', 'instructor', 'moderator', 'admin'] }).notNull(),
		email: text('email'),
		displayName: text('display_name'),
		locale: text('locale').notNull(),
		createdAt: timestamp('created_at').notNull(),
		passwordChangedAt: timestamp('password_changed_at').notNull()
	},
	(t) => [
		uniqueIndex('users_username_key_unique').on(t.usernameKey),
		check('users_role_check', sql`${t.role} in ('learner', 'instructor', 'moderator', 'admin')`)
	]
);

export const sessions = sqliteTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		secretHash: text('secret_hash').notNull(),
		createdAt: timestamp('created_at').notNull(),
		expiresAt: timestamp('expires_at').notNull()
	},
	(t) => [index('sessions_user_id_index').on(t.userId)]
);

export const loginThrottles = sqliteTable(
	'login_throttles',
	{
		// "user:<username_key>" or "ip:<address>": both are throttled independently.
		key: text('key').primaryKey(),
		failures: integer('failures').notNull(),
		lockedUntil: timestamp('locked_until'),
		updatedAt: timestamp('updated_at').notNull()
	},
	(t) => [check('login_throttles_failures_check', sql`${t.failures} >= 0`)]
);

export const accessibilityFeedback = sqliteTable('accessibility_feedback', {
	id: text('id').primaryKey(),
	userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
	page: text('page'),
	message: text('message').notNull(),
	contact: text('contact'),
	locale: text('locale').notNull(),
	createdAt: timestamp('created_at').notNull()
});

export const lessonProgress = sqliteTable(
	'lesson_progress',
	{
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		// "course-id/lesson-id"
		lessonKey: text('lesson_key').notNull(),
		status: text('status', { enum: ['started', 'completed'] }).notNull(),
		startedAt: timestamp('started_at').notNull(),
		completedAt: timestamp('completed_at'),
		updatedAt: timestamp('updated_at').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.userId, t.lessonKey] }),
		check('lesson_progress_status_check', sql`${t.status} in ('started', 'completed')`)
	]
);

export const quizAttempts = sqliteTable(
	'quiz_attempts',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		lessonKey: text('lesson_key').notNull(),
		quizId: text('quiz_id').notNull(),
		// Percent of the question answered correctly, 0–100.
		score: integer('score').notNull(),
		createdAt: timestamp('created_at').notNull()
	},
	(t) => [
		index('quiz_attempts_user_lesson_index').on(t.userId, t.lessonKey),
		check('quiz_attempts_score_check', sql`${t.score} between 0 and 100`)
	]
);

export const selfChecks = sqliteTable(
	'self_checks',
	{
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		courseId: text('course_id').notNull(),
		phase: text('phase', { enum: ['before', 'after'] }).notNull(),
		statementId: text('statement_id').notNull(),
		competence: text('competence').notNull(),
		// 0 not yet, 1 with help, 2 on my own
		rating: integer('rating').notNull(),
		updatedAt: timestamp('updated_at').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.userId, t.courseId, t.phase, t.statementId] }),
		check('self_checks_phase_check', sql`${t.phase} in ('before', 'after')`),
		check('self_checks_rating_check', sql`${t.rating} between 0 and 2`)
	]
);

export const certificates = sqliteTable(
	'certificates',
	{
		id: text('id').primaryKey(),
		code: text('code').notNull(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		courseId: text('course_id').notNull(),
		// The name printed on the certificate; shown on /verify only if showName is true.
		holderName: text('holder_name'),
		showName: integer('show_name', { mode: 'boolean' }).notNull(),
		issuedAt: timestamp('issued_at').notNull()
	},
	(t) => [
		uniqueIndex('certificates_code_unique').on(t.code),
		uniqueIndex('certificates_user_course_unique').on(t.userId, t.courseId)
	]
);
