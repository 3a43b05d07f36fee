/**
 * The roles a person can have: the one list. The users table's CHECK constraint, the
 * role checks on the server (server/auth/policy.ts), the CLI and the page data all use it.
 * Plain data with no imports, so the browser and drizzle-kit can load it too.
 */
export const ROLES = ['learner', 'instructor', 'moderator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** What a sign-up gets. */
export const DEFAULT_ROLE: Role = 'learner';

export const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value);
