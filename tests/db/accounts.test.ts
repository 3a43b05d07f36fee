import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authenticate, changePassword, findUserByUsername, registerUser } from '../../src/lib/server/auth/account.ts';
import { deleteAccount, exportPersonalData } from '../../src/lib/server/privacy/index.ts';
import { createSession, validateSessionToken } from '../../src/lib/server/auth/session.ts';
import { engines, type TestDatabase } from '../helpers/databases.ts';
import { makeUser, STRONG_PASSWORD } from '../helpers/factories.ts';

describe.each(engines)('accounts on $name', (engine) => {
	let test: TestDatabase;
	beforeEach(async () => (test = await engine.open()));
	afterEach(async () => test.drop());

	it('signs up with a username and password only, as a learner, storing an argon2id hash', async () => {
		const result = await registerUser(test.db, { username: 'Ayşe', password: STRONG_PASSWORD, locale: 'tr' });
		expect(result.ok).toBe(true);
		const user = await findUserByUsername(test.db, 'ayşe');
		expect(user?.username).toBe('Ayşe');
		expect(user?.role).toBe('learner');
		expect(user?.email).toBeNull();
		expect(user?.passwordHash).toMatch(/^\$argon2id\$/);
		expect(user?.passwordHash).not.toContain(STRONG_PASSWORD);
	});

	it('refuses a username that differs from an existing one only in case', async () => {
		await makeUser(test.db, { username: 'Jonas' });
		const result = await registerUser(test.db, { username: 'JONAS', password: STRONG_PASSWORD, locale: 'de' });
		expect(result).toMatchObject({ ok: false, error: 'errors.username.taken', field: 'username' });
	});

	it('lets only one of two simultaneous sign-ups with the same username succeed', async () => {
		const attempts = await Promise.all(
			Array.from({ length: 5 }, () =>
				registerUser(test.db, { username: 'same-name', password: STRONG_PASSWORD, locale: 'de' })
			)
		);
		expect(attempts.filter((a) => a.ok)).toHaveLength(1);
		expect(attempts.filter((a) => !a.ok).every((a) => !a.ok && a.error === 'errors.username.taken')).toBe(true);
	});

	it('refuses common and too-short passwords before storing anything', async () => {
		for (const password of ['password123', 'short', 'aaaaaaaaaaaa']) {
			const result = await registerUser(test.db, { username: `u-${password}`, password, locale: 'de' });
			expect(result.ok, password).toBe(false);
			expect(await findUserByUsername(test.db, `u-${password}`)).toBeUndefined();
		}
	});

	it('gives the same answer for an unknown username and a wrong password', async () => {
		await makeUser(test.db, { username: 'mira' });
		const wrongPassword = await authenticate(test.db, { username: 'mira', password: 'not the password', address: '1' });
		const unknownUser = await authenticate(test.db, { username: 'nobody', password: 'not the password', address: '1' });
		expect(wrongPassword).toEqual({ ok: false, error: 'errors.signIn.invalid' });
		expect(unknownUser).toEqual(wrongPassword);
	});

	it('signs in with the right password, ignoring the case of the username', async () => {
		const user = await makeUser(test.db, { username: 'Mira' });
		const result = await authenticate(test.db, { username: 'mira', password: STRONG_PASSWORD, address: '1' });
		expect(result.ok && result.value.id).toBe(user.id);
	});

	it('ends every session when the password changes', async () => {
		const user = await makeUser(test.db);
		const first = await createSession(test.db, user.id);
		const second = await createSession(test.db, user.id);
		const result = await changePassword(test.db, user.id, {
			currentPassword: STRONG_PASSWORD,
			newPassword: 'Hafen Kran Schiff Anker'
		});
		expect(result.ok).toBe(true);
		expect(await validateSessionToken(test.db, first.token)).toBeNull();
		expect(await validateSessionToken(test.db, second.token)).toBeNull();
		expect(
			(await authenticate(test.db, { username: user.username, password: 'Hafen Kran Schiff Anker', address: '1' })).ok
		).toBe(true);
	});

	it('does not change the password when the current one is wrong', async () => {
		const user = await makeUser(test.db);
		const session = await createSession(test.db, user.id);
		const result = await changePassword(test.db, user.id, {
			currentPassword: 'wrong',
			newPassword: 'Hafen Kran Schiff Anker'
		});
		expect(result).toMatchObject({ ok: false, field: 'currentPassword' });
		expect(await validateSessionToken(test.db, session.token)).not.toBeNull();
	});

	it('exports the account without the password hash, and deletes it with everything attached', async () => {
		const user = await makeUser(test.db);
		await createSession(test.db, user.id);
		const data = await exportPersonalData(test.db, user.id);
		expect(data?.account).toMatchObject({ username: user.username });
		expect(JSON.stringify(data)).not.toContain('argon2');
		expect(data?.sessions).toHaveLength(1);

		expect((await deleteAccount(test.db, user.id, 'wrong password')).ok).toBe(false);
		expect((await deleteAccount(test.db, user.id, STRONG_PASSWORD)).ok).toBe(true);
		expect(await findUserByUsername(test.db, user.username)).toBeUndefined();
		expect(await test.db.orm.select().from(test.db.t.sessions)).toHaveLength(0);
	});
});
