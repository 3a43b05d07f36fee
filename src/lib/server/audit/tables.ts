/** The audit log of moderator and admin actions. Defined once for both engines (see ../db/README.md). */
import { users } from '../auth/tables.ts';
import { column, table } from '../db/table-builder.ts';

/**
 * Who did what, when and why. Kept when the actor's account is deleted (actor set to null,
 * shown as "deleted account"): the log is the city's record of how it moderated.
 */
export const auditLog = table(
	'audit_log',
	{
		id: column.text('id').primaryKey(),
		actorId: column.text('actor_id').references(() => users, 'id', { onDelete: 'set null' }),
		// e.g. "comment.hide", "project.update", "account.block" (see ./actions.ts)
		action: column.text('action').notNull(),
		subjectKind: column.text('subject_kind').notNull(),
		subjectId: column.text('subject_id').notNull(),
		reason: column.text('reason'),
		note: column.text('note'),
		// JSON object with what changed, without personal data beyond ids.
		details: column.text('details'),
		createdAt: column.timestamp('created_at').notNull()
	},
	(t, x) => [
		x.index('audit_log_created_index', t.createdAt),
		x.index('audit_log_action_index', t.action, t.createdAt),
		x.index('audit_log_actor_index', t.actorId)
	]
);
