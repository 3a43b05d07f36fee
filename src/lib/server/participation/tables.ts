/**
 * The tables of participation: fields of action, projects and their texts, phases and
 * timelines, citizen proposals, comments and supports. Each is defined once for both
 * engines (see ../db/README.md). Moderation's tables are in ../moderation/tables.ts.
 */
import { sql } from 'drizzle-orm';
import { users } from '../auth/tables.ts';
import { column, listOf, table, type AnyTable } from '../db/table-builder.ts';
import {
	COMMENT_MAX_LENGTH,
	CONTRIBUTION_STATES,
	PHASE_KINDS,
	PROJECT_STATUSES,
	PROPOSAL_DESCRIPTION_MAX_LENGTH,
	PROPOSAL_PROBLEM_MAX_LENGTH,
	PROPOSAL_TITLE_MAX_LENGTH,
	TEXT_LOCALES
} from './rules.ts';

export const participationFields = table(
	'participation_fields',
	{
		id: column.text('id').primaryKey(),
		slug: column.text('slug').notNull(),
		position: column.integer('position').notNull(),
		// Seeded example content, shown with a label until an admin edits it.
		isExample: column.boolean('is_example').notNull(),
		createdAt: column.timestamp('created_at').notNull(),
		updatedAt: column.timestamp('updated_at').notNull()
	},
	(t, x) => [x.uniqueIndex('participation_fields_slug_unique', t.slug)]
);

/** A field's title and summary in one language ("easy" is easy German). */
export const participationFieldTexts = table(
	'participation_field_texts',
	{
		fieldId: column
			.text('field_id')
			.notNull()
			.references(() => participationFields, 'id', { onDelete: 'cascade' }),
		locale: column.oneOf('locale', TEXT_LOCALES).notNull(),
		title: column.text('title').notNull(),
		summary: column.text('summary').notNull()
	},
	(t, x) => [
		x.primaryKey(t.fieldId, t.locale),
		x.check('participation_field_texts_locale_check', sql`${t.locale} in (${listOf(TEXT_LOCALES)})`)
	]
);

export const participationProjects = table(
	'participation_projects',
	{
		id: column.text('id').primaryKey(),
		slug: column.text('slug').notNull(),
		fieldId: column
			.text('field_id')
			.notNull()
			.references(() => participationFields, 'id', { onDelete: 'restrict' }),
		// The status of the latest timeline entry, kept in the same transaction that adds one.
		status: column.oneOf('status', PROJECT_STATUSES).notNull(),
		isExample: column.boolean('is_example').notNull(),
		createdAt: column.timestamp('created_at').notNull(),
		updatedAt: column.timestamp('updated_at').notNull()
	},
	(t, x) => [
		x.uniqueIndex('participation_projects_slug_unique', t.slug),
		x.index('participation_projects_field_index', t.fieldId),
		x.check('participation_projects_status_check', sql`${t.status} in (${listOf(PROJECT_STATUSES)})`)
	]
);

/** A project's texts in one language. The result text is published when the project closes. */
export const participationProjectTexts = table(
	'participation_project_texts',
	{
		projectId: column
			.text('project_id')
			.notNull()
			.references(() => participationProjects, 'id', { onDelete: 'cascade' }),
		locale: column.oneOf('locale', TEXT_LOCALES).notNull(),
		title: column.text('title').notNull(),
		summary: column.text('summary').notNull(),
		// Empty for the easy-German version, which has a title and a summary only.
		description: column.text('description').notNull(),
		resultText: column.text('result_text')
	},
	(t, x) => [
		x.primaryKey(t.projectId, t.locale),
		x.check('participation_project_texts_locale_check', sql`${t.locale} in (${listOf(TEXT_LOCALES)})`)
	]
);

/**
 * When a project is in which participation phase. The phase in force at a moment is the one
 * that has started (no start: from the beginning) and not ended, latest start first; with
 * none in force the project is "information only". Worked out on every request, so phases
 * switch by date without a restart (phases.ts).
 */
export const participationPhases = table(
	'participation_phases',
	{
		id: column.text('id').primaryKey(),
		projectId: column
			.text('project_id')
			.notNull()
			.references(() => participationProjects, 'id', { onDelete: 'cascade' }),
		kind: column.oneOf('kind', PHASE_KINDS).notNull(),
		startsAt: column.timestamp('starts_at'),
		endsAt: column.timestamp('ends_at')
	},
	(t, x) => [
		x.index('participation_phases_project_index', t.projectId),
		x.check('participation_phases_kind_check', sql`${t.kind} in (${listOf(PHASE_KINDS)})`),
		x.check(
			'participation_phases_dates_check',
			sql`${t.startsAt} is null or ${t.endsAt} is null or ${t.startsAt} < ${t.endsAt}`
		)
	]
);

/** "What happened to what we said": dated status entries, newest last. */
export const participationTimelineEntries = table(
	'participation_timeline_entries',
	{
		id: column.text('id').primaryKey(),
		projectId: column
			.text('project_id')
			.notNull()
			.references(() => participationProjects, 'id', { onDelete: 'cascade' }),
		status: column.oneOf('status', PROJECT_STATUSES).notNull(),
		happenedAt: column.timestamp('happened_at').notNull(),
		createdAt: column.timestamp('created_at').notNull()
	},
	(t, x) => [
		x.index('participation_timeline_entries_project_index', t.projectId, t.happenedAt),
		x.check('participation_timeline_entries_status_check', sql`${t.status} in (${listOf(PROJECT_STATUSES)})`)
	]
);

export const participationTimelineTexts = table(
	'participation_timeline_texts',
	{
		entryId: column
			.text('entry_id')
			.notNull()
			.references(() => participationTimelineEntries, 'id', { onDelete: 'cascade' }),
		locale: column.oneOf('locale', TEXT_LOCALES).notNull(),
		text: column.text('text').notNull()
	},
	(t, x) => [
		x.primaryKey(t.entryId, t.locale),
		x.check('participation_timeline_texts_locale_check', sql`${t.locale} in (${listOf(TEXT_LOCALES)})`)
	]
);

/**
 * A citizen's idea under a field of action. `state`: pending (a new account's first post,
 * waiting for review), published, hidden (by a moderator). The author is set to null when
 * their account is deleted: the proposal stays, shown as by "deleted account".
 */
export const participationProposals = table(
	'participation_proposals',
	{
		id: column.text('id').primaryKey(),
		fieldId: column
			.text('field_id')
			.notNull()
			.references(() => participationFields, 'id', { onDelete: 'restrict' }),
		authorId: column.text('author_id').references(() => users, 'id', { onDelete: 'set null' }),
		// The language it was written in, for the lang attribute.
		locale: column.text('locale').notNull(),
		title: column.text('title').notNull(),
		description: column.text('description').notNull(),
		problem: column.text('problem'),
		state: column.oneOf('state', CONTRIBUTION_STATES).notNull(),
		createdAt: column.timestamp('created_at').notNull(),
		editedAt: column.timestamp('edited_at')
	},
	(t, x) => [
		x.index('participation_proposals_field_index', t.fieldId, t.createdAt),
		x.index('participation_proposals_author_index', t.authorId),
		x.index('participation_proposals_state_index', t.state, t.createdAt),
		x.check('participation_proposals_state_check', sql`${t.state} in (${listOf(CONTRIBUTION_STATES)})`),
		x.check(
			'participation_proposals_length_check',
			sql`length(${t.title}) between 1 and ${sql.raw(String(PROPOSAL_TITLE_MAX_LENGTH))} and length(${t.description}) between 1 and ${sql.raw(String(PROPOSAL_DESCRIPTION_MAX_LENGTH))} and (${t.problem} is null or length(${t.problem}) <= ${sql.raw(String(PROPOSAL_PROBLEM_MAX_LENGTH))})`
		)
	]
);

/**
 * A comment on a project or a proposal (exactly one of the two). Replies are one level deep:
 * a reply's parent has no parent (checked in comments.ts). A deleted comment keeps its row
 * with an empty body while it has replies, so the thread still reads.
 */
export const participationComments = table(
	'participation_comments',
	{
		id: column.text('id').primaryKey(),
		projectId: column.text('project_id').references(() => participationProjects, 'id', { onDelete: 'cascade' }),
		proposalId: column.text('proposal_id').references(() => participationProposals, 'id', { onDelete: 'cascade' }),
		parentId: column.text('parent_id').references((): AnyTable => participationComments, 'id', { onDelete: 'cascade' }),
		authorId: column.text('author_id').references(() => users, 'id', { onDelete: 'set null' }),
		locale: column.text('locale').notNull(),
		body: column.text('body').notNull(),
		state: column.oneOf('state', CONTRIBUTION_STATES).notNull(),
		createdAt: column.timestamp('created_at').notNull(),
		editedAt: column.timestamp('edited_at'),
		deletedAt: column.timestamp('deleted_at')
	},
	(t, x) => [
		x.index('participation_comments_project_index', t.projectId, t.createdAt),
		x.index('participation_comments_proposal_index', t.proposalId, t.createdAt),
		x.index('participation_comments_parent_index', t.parentId),
		x.index('participation_comments_author_index', t.authorId),
		x.check('participation_comments_state_check', sql`${t.state} in (${listOf(CONTRIBUTION_STATES)})`),
		x.check('participation_comments_target_check', sql`(${t.projectId} is null) <> (${t.proposalId} is null)`),
		x.check(
			'participation_comments_length_check',
			sql`length(${t.body}) <= ${sql.raw(String(COMMENT_MAX_LENGTH))} and (${t.deletedAt} is not null or length(${t.body}) >= 1)`
		)
	]
);

/**
 * One support per person and project or proposal: the unique indexes make a second one
 * impossible, whatever the requests race. Counts are counted from this table.
 */
export const participationSupports = table(
	'participation_supports',
	{
		id: column.text('id').primaryKey(),
		userId: column
			.text('user_id')
			.notNull()
			.references(() => users, 'id', { onDelete: 'cascade' }),
		projectId: column.text('project_id').references(() => participationProjects, 'id', { onDelete: 'cascade' }),
		proposalId: column.text('proposal_id').references(() => participationProposals, 'id', { onDelete: 'cascade' }),
		createdAt: column.timestamp('created_at').notNull()
	},
	(t, x) => [
		x.uniqueIndex('participation_supports_user_project_unique', t.userId, t.projectId),
		x.uniqueIndex('participation_supports_user_proposal_unique', t.userId, t.proposalId),
		x.index('participation_supports_project_index', t.projectId),
		x.index('participation_supports_proposal_index', t.proposalId),
		x.check('participation_supports_target_check', sql`(${t.projectId} is null) <> (${t.proposalId} is null)`)
	]
);
