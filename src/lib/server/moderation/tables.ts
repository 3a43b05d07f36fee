/**
 * The tables of moderation: reports, decisions, appeals and blocked accounts. Each is
 * defined once for both engines (see ../db/README.md).
 */
import { sql } from 'drizzle-orm';
import { users } from '../auth/tables.ts';
import { column, listOf, table } from '../db/table-builder.ts';
import { participationComments, participationProposals } from '../participation/tables.ts';
import { DECISION_ACTIONS, MODERATION_REASONS, REPORT_REASONS } from './rules.ts';

/** One report per person and post (unique indexes); resolved when a moderator decides. */
export const moderationReports = table(
	'moderation_reports',
	{
		id: column.text('id').primaryKey(),
		reporterId: column
			.text('reporter_id')
			.notNull()
			.references(() => users, 'id', { onDelete: 'cascade' }),
		commentId: column.text('comment_id').references(() => participationComments, 'id', { onDelete: 'cascade' }),
		proposalId: column.text('proposal_id').references(() => participationProposals, 'id', { onDelete: 'cascade' }),
		reason: column.oneOf('reason', REPORT_REASONS).notNull(),
		details: column.text('details'),
		createdAt: column.timestamp('created_at').notNull(),
		resolvedAt: column.timestamp('resolved_at')
	},
	(t, x) => [
		x.uniqueIndex('moderation_reports_reporter_comment_unique', t.reporterId, t.commentId),
		x.uniqueIndex('moderation_reports_reporter_proposal_unique', t.reporterId, t.proposalId),
		x.index('moderation_reports_open_index', t.resolvedAt, t.createdAt),
		x.index('moderation_reports_comment_index', t.commentId),
		x.index('moderation_reports_proposal_index', t.proposalId),
		x.check('moderation_reports_reason_check', sql`${t.reason} in (${listOf(REPORT_REASONS)})`),
		x.check('moderation_reports_target_check', sql`(${t.commentId} is null) <> (${t.proposalId} is null)`)
	]
);

/**
 * What a moderator decided about a post, and why. The moderator is set to null when their
 * account is deleted; the decision stays (the public statistics count it).
 */
export const moderationDecisions = table(
	'moderation_decisions',
	{
		id: column.text('id').primaryKey(),
		moderatorId: column.text('moderator_id').references(() => users, 'id', { onDelete: 'set null' }),
		commentId: column.text('comment_id').references(() => participationComments, 'id', { onDelete: 'cascade' }),
		proposalId: column.text('proposal_id').references(() => participationProposals, 'id', { onDelete: 'cascade' }),
		action: column.oneOf('action', DECISION_ACTIONS).notNull(),
		reason: column.oneOf('reason', MODERATION_REASONS),
		note: column.text('note'),
		// When the question arose (first open report, or the post's submission for review):
		// the public statistics show the median time from this to the decision.
		openedAt: column.timestamp('opened_at').notNull(),
		decidedAt: column.timestamp('decided_at').notNull()
	},
	(t, x) => [
		x.index('moderation_decisions_comment_index', t.commentId),
		x.index('moderation_decisions_proposal_index', t.proposalId),
		x.index('moderation_decisions_decided_index', t.decidedAt),
		x.check('moderation_decisions_action_check', sql`${t.action} in (${listOf(DECISION_ACTIONS)})`),
		x.check(
			'moderation_decisions_reason_check',
			sql`${t.reason} is null or ${t.reason} in (${listOf(MODERATION_REASONS)})`
		),
		x.check('moderation_decisions_target_check', sql`(${t.commentId} is null) <> (${t.proposalId} is null)`)
	]
);

/** An author's one appeal against a decision to hide (unique per decision). */
export const moderationAppeals = table(
	'moderation_appeals',
	{
		id: column.text('id').primaryKey(),
		decisionId: column
			.text('decision_id')
			.notNull()
			.references(() => moderationDecisions, 'id', { onDelete: 'cascade' }),
		authorId: column
			.text('author_id')
			.notNull()
			.references(() => users, 'id', { onDelete: 'cascade' }),
		text: column.text('text').notNull(),
		createdAt: column.timestamp('created_at').notNull(),
		outcome: column.oneOf('outcome', ['upheld', 'restored']),
		decidedAt: column.timestamp('decided_at'),
		decidedBy: column.text('decided_by').references(() => users, 'id', { onDelete: 'set null' })
	},
	(t, x) => [
		x.uniqueIndex('moderation_appeals_decision_unique', t.decisionId),
		x.index('moderation_appeals_open_index', t.decidedAt, t.createdAt),
		x.check('moderation_appeals_outcome_check', sql`${t.outcome} is null or ${t.outcome} in ('upheld', 'restored')`)
	]
);

/** A blocked account can read, learn and download its data, but not post or support. */
export const accountBlocks = table(
	'account_blocks',
	{
		userId: column
			.text('user_id')
			.primaryKey()
			.references(() => users, 'id', { onDelete: 'cascade' }),
		blockedBy: column.text('blocked_by').references(() => users, 'id', { onDelete: 'set null' }),
		reason: column.oneOf('reason', MODERATION_REASONS).notNull(),
		note: column.text('note'),
		createdAt: column.timestamp('created_at').notNull()
	},
	(t, x) => [x.check('account_blocks_reason_check', sql`${t.reason} in (${listOf(MODERATION_REASONS)})`)]
);
