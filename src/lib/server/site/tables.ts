/** The tables of the site itself. Each is defined once for both engines (see ../db/README.md). */
import { users } from '../auth/tables.ts';
import { column, table } from '../db/table-builder.ts';

export const accessibilityFeedback = table('accessibility_feedback', {
	id: column.text('id').primaryKey(),
	userId: column.text('user_id').references(() => users, 'id', { onDelete: 'set null' }),
	page: column.text('page'),
	message: column.text('message').notNull(),
	contact: column.text('contact'),
	locale: column.text('locale').notNull(),
	createdAt: column.timestamp('created_at').notNull()
});
