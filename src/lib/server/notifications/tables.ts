/** The table of in-app notifications (no e-mail needed). Defined once for both engines (see ../db/README.md). */
import { sql } from 'drizzle-orm';
import { users } from '../auth/tables.ts';
import { column, listOf, table } from '../db/table-builder.ts';
import { NOTIFICATION_KINDS } from './kinds.ts';

/**
 * One message to one person. Stored as a kind and parameters, not as text: the page words
 * it in the reader's language when it is shown.
 */
export const notifications = table(
	'notifications',
	{
		id: column.text('id').primaryKey(),
		userId: column
			.text('user_id')
			.notNull()
			.references(() => users, 'id', { onDelete: 'cascade' }),
		kind: column.oneOf('kind', NOTIFICATION_KINDS).notNull(),
		// JSON object of strings: what the message names (a project's slug, a reason …).
		params: column.text('params').notNull(),
		createdAt: column.timestamp('created_at').notNull(),
		readAt: column.timestamp('read_at')
	},
	(t, x) => [
		x.index('notifications_user_index', t.userId, t.createdAt),
		x.check('notifications_kind_check', sql`${t.kind} in (${listOf(NOTIFICATION_KINDS)})`)
	]
);
