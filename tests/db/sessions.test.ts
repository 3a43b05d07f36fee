import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	createSession,
	invalidateSession,
	SESSION_LIFETIME_MS,
	validateSessionToken
} from '../../src/lib/server/auth/session.ts';
import { engines, type TestDatabase } from '../helpers/databases.ts';
import { makeUser } from '../helpers/factories.ts';

const DAY = 24 * 60 * 60 * 1000;

describe.each(engines)('sessions on $name', (engine) => {
	let test: TestDatabase;
	beforeEach(async () => (test = await engine.open()));
	afterEach(async () => test.drop());

	it('issues a token "<id>.<secret>" with at least 120 random bits in each part', async () => {
		const user = await makeUser(test.db);
		const { token } = await createSession(test.db, user.id);
		const [id, secret] = token.split('.');
		// base32: 5 bits per character
		expect(id!.length * 5).toBeGreaterThanOrEqual(120);
		expect(secret!.length * 5).toBeGreaterThanOrEqual(120);
	});

	it('stores only the SHA-256 of the secret, never the secret', async () => {
		const user = await makeUser(test.db);
		const { token, session } = await createSession(test.db, user.id);
		const secret = token.split('.')[1]!;
		const [row] = await test.db.orm.select().from(test.db.t.sessions).where(eq(test.db.t.sessions.id, session.id));
		expect(row!.secretHash).toMatch(/^[0-9a-f]{64}$/);
		expect(JSON.stringify(row)).not.toContain(secret);
	});

	it('accepts the right token and rejects a changed secret or a malformed token', async () => {
		const user = await makeUser(test.db);
		const { token } = await createSession(test.db, user.id);
		expect((await validateSessionToken(test.db, token))?.user.id).toBe(user.id);
		const [id, secret] = token.split('.');
		const tampered = `${id}.${secret!.slice(0, -1)}${secret!.endsWith('a') ? 'b' : 'a'}`;
		expect(await validateSessionToken(test.db, tampered)).toBeNull();
		expect(await validateSessionToken(test.db, id!)).toBeNull();
		expect(await validateSessionToken(test.db, `${token}.extra`)).toBeNull();
	});

	it('expires after 30 days without use and deletes the expired session', async () => {
		const user = await makeUser(test.db);
		const start = new Date('2026-01-01T00:00:00Z');
		const { token, session } = await createSession(test.db, user.id, start);
		const later = new Date(start.getTime() + SESSION_LIFETIME_MS + 1);
		expect(await validateSessionToken(test.db, token, later)).toBeNull();
		expect(
			await test.db.orm.select().from(test.db.t.sessions).where(eq(test.db.t.sessions.id, session.id))
		).toHaveLength(0);
	});

	it('renews a session that is used in its second half, and not before', async () => {
		const user = await makeUser(test.db);
		const start = new Date('2026-01-01T00:00:00Z');
		const { token } = await createSession(test.db, user.id, start);
		const early = await validateSessionToken(test.db, token, new Date(start.getTime() + 2 * DAY));
		expect(early?.renewed).toBe(false);
		const use = new Date(start.getTime() + 20 * DAY);
		const renewed = await validateSessionToken(test.db, token, use);
		expect(renewed?.renewed).toBe(true);
		expect(renewed?.session.expiresAt.getTime()).toBe(use.getTime() + SESSION_LIFETIME_MS);
		// Still valid long after the original expiry, because it was renewed.
		expect(await validateSessionToken(test.db, token, new Date(start.getTime() + 40 * DAY))).not.toBeNull();
	});

	it('ends a session on sign-out', async () => {
		const user = await makeUser(test.db);
		const { token, session } = await createSession(test.db, user.id);
		await invalidateSession(test.db, session.id);
		expect(await validateSessionToken(test.db, token)).toBeNull();
	});
});
