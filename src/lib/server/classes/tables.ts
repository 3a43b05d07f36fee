/**
 * The tables of classes: a class, its instructors and learners, and what is assigned to it.
 * Each is defined once for both engines (see ../db/README.md).
 */
import { sql } from 'drizzle-orm';
import { users } from '../auth/tables.ts';
import { column, listOf, table } from '../db/table-builder.ts';
import { ASSIGNMENT_KINDS, CLASS_INSTRUCTOR_ROLES } from './rules.ts';

export const classes = table(
	'classes',
	{
		id: column.text('id').primaryKey(),
		name: column.text('name').notNull(),
		// Free text ("Tuesdays 10–12, room 3"): classes meet in many ways.
		schedule: column.text('schedule'),
		// The language of the class's printed material (login cards, reports); null: the instructor's.
		courseLocale: column.text('course_locale'),
		// Short, unambiguous characters (no 0/O, 1/l/I); replaced when regenerated.
		joinCode: column.text('join_code').notNull(),
		createdAt: column.timestamp('created_at').notNull(),
		// Archived classes are read-only; their reports stay.
		archivedAt: column.timestamp('archived_at')
	},
	(t, x) => [x.uniqueIndex('classes_join_code_unique', t.joinCode)]
);

export const classInstructors = table(
	'class_instructors',
	{
		classId: column
			.text('class_id')
			.notNull()
			.references(() => classes, 'id', { onDelete: 'cascade' }),
		userId: column
			.text('user_id')
			.notNull()
			.references(() => users, 'id', { onDelete: 'cascade' }),
		role: column.oneOf('role', CLASS_INSTRUCTOR_ROLES).notNull(),
		addedAt: column.timestamp('added_at').notNull()
	},
	(t, x) => [
		x.primaryKey(t.classId, t.userId),
		x.index('class_instructors_user_id_index', t.userId),
		x.check('class_instructors_role_check', sql`${t.role} in (${listOf(CLASS_INSTRUCTOR_ROLES)})`)
	]
);

export const classMembers = table(
	'class_members',
	{
		classId: column
			.text('class_id')
			.notNull()
			.references(() => classes, 'id', { onDelete: 'cascade' }),
		userId: column
			.text('user_id')
			.notNull()
			.references(() => users, 'id', { onDelete: 'cascade' }),
		joinedAt: column.timestamp('joined_at').notNull()
	},
	(t, x) => [x.primaryKey(t.classId, t.userId), x.index('class_members_user_id_index', t.userId)]
);

export const assignments = table(
	'assignments',
	{
		id: column.text('id').primaryKey(),
		classId: column
			.text('class_id')
			.notNull()
			.references(() => classes, 'id', { onDelete: 'cascade' }),
		kind: column.oneOf('kind', ASSIGNMENT_KINDS).notNull(),
		// A course id, or a lesson key "course-id/lesson-id" (as in lesson_progress).
		target: column.text('target').notNull(),
		dueAt: column.timestamp('due_at'),
		note: column.text('note'),
		// Who assigned it; kept as null when that instructor's account is deleted.
		assignedByUserId: column.text('assigned_by_user_id').references(() => users, 'id', { onDelete: 'set null' }),
		createdAt: column.timestamp('created_at').notNull()
	},
	(t, x) => [
		x.uniqueIndex('assignments_class_target_unique', t.classId, t.kind, t.target),
		x.index('assignments_assigned_by_user_id_index', t.assignedByUserId),
		x.check('assignments_kind_check', sql`${t.kind} in (${listOf(ASSIGNMENT_KINDS)})`)
	]
);

// Codes a class had before they were regenerated: kept so that someone typing an old code
// learns it was replaced (and asks for the new one) instead of "no such code".
export const replacedJoinCodes = table(
	'replaced_join_codes',
	{
		code: column.text('code').primaryKey(),
		classId: column
			.text('class_id')
			.notNull()
			.references(() => classes, 'id', { onDelete: 'cascade' }),
		replacedAt: column.timestamp('replaced_at').notNull()
	},
	(t, x) => [x.index('replaced_join_codes_class_id_index', t.classId)]
);
