/**
 * Test data for the public participation pages: many citizens at once (written straight into
 * the users table; they never sign in, so hashing 200 passwords would only slow tests down)
 * and a blocked account.
 */
import type { Db } from '../../src/lib/server/db/database.ts';
import { newId } from '../../src/lib/server/db/ids.ts';
import { uniqueUsername } from './factories.ts';

export async function makeCitizens(db: Db, n: number, prefix = 'citizen'): Promise<{ id: string; username: string }[]> {
	const now = new Date();
	const people = Array.from({ length: n }, () => ({ id: newId(), username: uniqueUsername(prefix) }));
	for (let i = 0; i < people.length; i += 100) {
		await db.orm.insert(db.t.users).values(
			people.slice(i, i + 100).map((person) => ({
				id: person.id,
				username: person.username,
				usernameKey: person.username.toLowerCase(),
				// Not a hash of anything: these accounts cannot sign in.
				passwordHash: 'x',
				role: 'learner' as const,
				email: null,
				displayName: null,
				locale: 'de',
				createdAt: now,
				passwordChangedAt: now
			}))
		);
	}
	return people;
}

/** Blocks the account as a moderator would (the moderation helper owns the real action). */
export async function blockAccount(db: Db, userId: string): Promise<void> {
	await db.orm
		.insert(db.t.accountBlocks)
		.values({ userId, blockedBy: null, reason: 'spam', note: null, createdAt: new Date() });
}
