/**
 * The fixed lists and limits of participation: the one place the schema's checks, the
 * validation schemas and the pages take them from. Plain data, so drizzle-kit can load it.
 */
import { LOCALES } from '../../i18n/locales.ts';

/** Languages a text can be stored in: the UI languages and easy German ("easy"). */
export const TEXT_LOCALES = [...LOCALES, 'easy'] as const;
export type TextLocale = (typeof TEXT_LOCALES)[number];

/** Where a project stands (its timeline). */
export const PROJECT_STATUSES = ['announced', 'in_progress', 'piloting', 'done'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/**
 * What citizens can do: information only; discussion (comments open); support (supports
 * open); closed (nothing open, a result text is published).
 */
export const PHASE_KINDS = ['information', 'discussion', 'support', 'closed'] as const;
export type PhaseKind = (typeof PHASE_KINDS)[number];

/** A comment's or proposal's standing: pending waits for first-post review. */
export const CONTRIBUTION_STATES = ['pending', 'published', 'hidden'] as const;
export type ContributionState = (typeof CONTRIBUTION_STATES)[number];

export const COMMENT_MAX_LENGTH = 2000;
export const COMMENT_EDIT_WINDOW_MS = 15 * 60 * 1000;
export const PROPOSAL_TITLE_MAX_LENGTH = 120;
export const PROPOSAL_DESCRIPTION_MAX_LENGTH = 5000;
export const PROPOSAL_PROBLEM_MAX_LENGTH = 2000;

/** Comments per person and window, counted in the database so every app process agrees. */
export const COMMENTS_PER_WINDOW = 5;
export const COMMENT_WINDOW_MS = 10 * 60 * 1000;
export const PROPOSALS_PER_WINDOW = 3;
export const PROPOSAL_WINDOW_MS = 60 * 60 * 1000;

/** Slugs that name pages beneath /participate and so cannot name a project. */
export const RESERVED_SLUGS = ['proposals', 'results', 'moderation', 'report', 'fields', 'new'] as const;
