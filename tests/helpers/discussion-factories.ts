/** Test data for comments and proposals: people whose posts are public at once, blocked accounts. */
import type { Db } from '../../src/lib/server/db/database.ts';
import { makeUser, type UserOverrides } from './factories.ts';
import { makeComment, makeProject } from './participation-factories.ts';

/** A person with one approved comment (on a project of its own), so their next posts are public at once. */
export async function makeTrustedUser(db: Db, overrides: UserOverrides = {}) {
	const user = await makeUser(db, overrides);
	const project = await makeProject(db, { phase: 'discussion' });
	await makeComment(db, user.id, { projectId: project.id, state: 'published' });
	return user;
}

/** Blocks the account as a moderator would (moderation/tables.ts account_blocks). */
export async function blockAccount(db: Db, userId: string) {
	const moderator = await makeUser(db, { role: 'moderator' });
	await db.orm.insert(db.t.accountBlocks).values({
		userId,
		blockedBy: moderator.id,
		reason: 'spam',
		note: null,
		createdAt: new Date()
	});
}
