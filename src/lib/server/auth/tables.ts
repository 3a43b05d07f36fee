/** The tables of accounts and sessions. Each is defined once for both engines (see ../db/README.md). */
import { sql } from 'drizzle-orm';
import { ROLES } from '../../roles.ts';
import { INSTRUCTOR_REQUEST_STATUSES } from './instructor-request-statuses.ts';
import { column, listOf, table } from '../db/table-builder.ts';

export const users = table(
	'users',
	{
		id: column.text('id').primaryKey(),
		username: column.text('username').notNull(),
		// Lower-cased username: uniqueness and sign-in ignore case ("Ayse" and "ayse" are one person).
		usernameKey: column.text('username_key').notNull(),
		passwordHash: column.text('password_hash').notNull(),
		role: column.oneOf('role', ROLES).notNull(),
		email: column.text('email'),
		displayName: column.text('display_name'),
		locale: column.text('locale').notNull(),
		createdAt: column.timestamp('created_at').notNull(),
		passwordChangedAt: column.timestamp('password_changed_at').notNull(),
		// Set for accounts an instructor created or reset: the one-time password must be replaced at sign-in.
		mustChangePassword: column.boolean('must_change_password').notNull().default(false)
	},
	(t, x) => [
		x.uniqueIndex('users_username_key_unique', t.usernameKey),
		x.check('users_role_check', sql`${t.role} in (${listOf(ROLES)})`)
	]
);

export const sessions = table(
	'sessions',
	{
		id: column.text('id').primaryKey(),
		userId: column
			.text('user_id')
			.notNull()
			.references(() => users, 'id', { onDelete: 'cascade' }),
		secretHash: column.text('secret_hash').notNull(),
		createdAt: column.timestamp('created_at').notNull(),
		expiresAt: column.timestamp('expires_at').notNull()
	},
	(t, x) => [x.index('sessions_user_id_index', t.userId)]
);

export const loginThrottles = table(
	'login_throttles',
	{
		// "user:<username_key>" or "ip:<address>": both are throttled independently.
		key: column.text('key').primaryKey(),
		failures: column.integer('failures').notNull(),
		lockedUntil: column.timestamp('locked_until'),
		updatedAt: column.timestamp('updated_at').notNull()
	},
	(t, x) => [x.check('login_throttles_failures_check', sql`${t.failures} >= 0`)]
);

/**
 * A person's recovery code, for a way back without e-mail: printed on paper, it lets them
 * set a new password. Only its hash is kept; one code per person, replaced when used or renewed.
 */
export const recoveryCodes = table('recovery_codes', {
	userId: column
		.text('user_id')
		.primaryKey()
		.references(() => users, 'id', { onDelete: 'cascade' }),
	codeHash: column.text('code_hash').notNull(),
	createdAt: column.timestamp('created_at').notNull()
});

/**
 * Usernames of deleted accounts, kept for 90 days so nobody can take a name others still
 * know as somebody else's. Only a hash of the lower-cased name is kept.
 */
export const retiredUsernames = table('retired_usernames', {
	usernameKeyHash: column.text('username_key_hash').primaryKey(),
	retiredUntil: column.timestamp('retired_until').notNull()
});

/** A learner asking to become an instructor, with a short note; it lands in the admins' list. */
export const instructorRequests = table(
	'instructor_requests',
	{
		id: column.text('id').primaryKey(),
		userId: column
			.text('user_id')
			.notNull()
			.references(() => users, 'id', { onDelete: 'cascade' }),
		note: column.text('note').notNull(),
		status: column.oneOf('status', INSTRUCTOR_REQUEST_STATUSES).notNull(),
		createdAt: column.timestamp('created_at').notNull(),
		decidedAt: column.timestamp('decided_at'),
		decidedByUserId: column.text('decided_by_user_id').references(() => users, 'id', { onDelete: 'set null' })
	},
	(t, x) => [
		x.index('instructor_requests_user_id_index', t.userId),
		x.index('instructor_requests_decided_by_user_id_index', t.decidedByUserId),
		x.check('instructor_requests_status_check', sql`${t.status} in (${listOf(INSTRUCTOR_REQUEST_STATUSES)})`)
	]
);
