/** The fixed lists of moderation, for the schema's checks, the forms and the pages. Plain data. */

/** Why a person reports a comment or proposal. "other" needs a text. */
export const REPORT_REASONS = ['spam', 'offensive', 'off_topic', 'personal_data', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

/** Why a moderator hides a post or blocks an account (the author is told which). */
export const MODERATION_REASONS = [
	'spam',
	'insult',
	'discrimination',
	'personal_data',
	'off_topic',
	'illegal',
	'other'
] as const;
export type ModerationReason = (typeof MODERATION_REASONS)[number];

/** What a moderator decides about a post. */
export const DECISION_ACTIONS = ['approve', 'reject', 'hide', 'restore', 'dismiss_reports'] as const;
export type DecisionAction = (typeof DECISION_ACTIONS)[number];

export const APPEAL_MAX_LENGTH = 2000;
export const REPORT_DETAILS_MAX_LENGTH = 1000;
export const MODERATION_NOTE_MAX_LENGTH = 1000;
