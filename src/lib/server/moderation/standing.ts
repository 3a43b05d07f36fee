/**
 * Whether a person may contribute, and whether what they post is public at once. A blocked
 * account can still read, learn and download its data, but cannot post or support. A new
 * account's posts wait for review until one of them has been approved (no third-party
 * captcha: the first post is the test).
 */
import { error } from '@sveltejs/kit';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import type { ContributionState } from '../participation/rules.ts';

export async function isAccountBlocked(db: Db, userId: string): Promise<boolean> {
	const { accountBlocks } = db.t;
	const rows = await db.orm
		.select({ userId: accountBlocks.userId })
		.from(accountBlocks)
		.where(eq(accountBlocks.userId, userId))
		.limit(1);
	return rows.length > 0;
}

/** Throws a localized 403 for a blocked account; call before every post, edit or support. */
export async function requireMayContribute(db: Db, userId: string): Promise<void> {
	if (await isAccountBlocked(db, userId)) error(403, 'errors.accountBlocked');
}

/** True once any comment or proposal of the person has been published. */
export async function isTrustedAuthor(db: Db, userId: string): Promise<boolean> {
	const { participationComments: comments, participationProposals: proposals } = db.t;
	const [comment] = await db.orm
		.select({ id: comments.id })
		.from(comments)
		.where(and(eq(comments.authorId, userId), eq(comments.state, 'published')))
		.limit(1);
	if (comment) return true;
	const [proposal] = await db.orm
		.select({ id: proposals.id })
		.from(proposals)
		.where(and(eq(proposals.authorId, userId), eq(proposals.state, 'published')))
		.limit(1);
	return proposal !== undefined;
}

/** The state a new post of this person starts in: public at once, or waiting for review. */
export async function initialStateFor(db: Db, userId: string): Promise<ContributionState> {
	return (await isTrustedAuthor(db, userId)) ? 'published' : 'pending';
}
