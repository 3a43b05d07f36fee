/**
 * Sessions the Lucia way (lucia-auth.com): the cookie holds `<id>.<secret>`, each part with
 * 120 random bits; the database keeps only the SHA-256 of the secret, compared in constant
 * time. Sessions expire after 30 days without use and are renewed while in use.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { preparedStatement } from '../db/prepared.ts';

export const SESSION_COOKIE = 'lotse_session';
const DAY = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY;
const RENEW_WHEN_LEFT_MS = 15 * DAY;

type UserRow = Db['t']['users']['$inferSelect'];
export type SessionUser = Pick<UserRow, 'id' | 'username' | 'role' | 'locale' | 'displayName' | 'mustChangePassword'>;
export type Session = { id: string; userId: string; expiresAt: Date };
export type ValidatedSession = { session: Session; user: SessionUser; renewed: boolean };

function hashSecret(secret: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(secret)));
}

export async function createSession(
	db: Db,
	userId: string,
	now = new Date()
): Promise<{ token: string; session: Session }> {
	const id = newId();
	const secret = newId();
	const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
	await db.orm.insert(db.t.sessions).values({ id, userId, secretHash: hashSecret(secret), createdAt: now, expiresAt });
	return { token: `${id}.${secret}`, session: { id, userId, expiresAt } };
}

// Every request with a session cookie runs this: prepared once (../db/prepared.ts).
const sessionWithUser = preparedStatement((db) => {
	const { sessions, users } = db.t;
	return db.orm
		.select({
			session: {
				id: sessions.id,
				userId: sessions.userId,
				expiresAt: sessions.expiresAt,
				secretHash: sessions.secretHash
			},
			user: {
				id: users.id,
				username: users.username,
				role: users.role,
				locale: users.locale,
				displayName: users.displayName,
				mustChangePassword: users.mustChangePassword
			}
		})
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.where(eq(sessions.id, sql.placeholder('id')))
		.limit(1)
		.prepare('session_with_user');
});

export async function validateSessionToken(db: Db, token: string, now = new Date()): Promise<ValidatedSession | null> {
	const [id, secret, extra] = token.split('.');
	if (!id || !secret || extra !== undefined || id.length > 64 || secret.length > 64) return null;
	const { sessions } = db.t;
	const [row] = await sessionWithUser(db).execute({ id });
	if (!row) return null;
	const expected = new TextEncoder().encode(row.session.secretHash);
	const given = new TextEncoder().encode(hashSecret(secret));
	if (!constantTimeEqual(expected, given)) return null;
	if (now.getTime() >= row.session.expiresAt.getTime()) {
		await db.orm.delete(sessions).where(eq(sessions.id, id));
		return null;
	}
	const session: Session = { id: row.session.id, userId: row.session.userId, expiresAt: row.session.expiresAt };
	let renewed = false;
	if (row.session.expiresAt.getTime() - now.getTime() < RENEW_WHEN_LEFT_MS) {
		session.expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
		await db.orm.update(sessions).set({ expiresAt: session.expiresAt }).where(eq(sessions.id, id));
		renewed = true;
	}
	return { session, user: row.user, renewed };
}

export async function invalidateSession(db: Db, sessionId: string): Promise<void> {
	await db.orm.delete(db.t.sessions).where(eq(db.t.sessions.id, sessionId));
}

export async function invalidateUserSessions(db: Db, userId: string): Promise<void> {
	await db.orm.delete(db.t.sessions).where(eq(db.t.sessions.userId, userId));
}
