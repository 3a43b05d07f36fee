/**
 * A way back without e-mail: username and recovery code set a new password, once. The code
 * is kept only as a hash, works once, signs out every session, is replaced by a new one,
 * and guessing is throttled like sign-in.
 */
import { count, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authenticate } from '../../src/lib/server/auth/account.ts';
import {
	issueRecoveryCode,
	normaliseRecoveryCode,
	recoverAccount,
	recoveryCodeIssuedAt
} from '../../src/lib/server/auth/recovery-code.ts';
import { openDatabase, type Db } from '../../src/lib/server/db/database.ts';
import { engines, type TestDatabase } from '../helpers/databases.ts';
import { makeSession, makeUser } from '../helpers/factories.ts';

const NEW_PASSWORD = 'Leuchtturm Krabbe Deich Sturm';

describe.each(engines)('recovery codes on $name', (engine) => {
	let test: TestDatabase;
	beforeEach(async () => (test = await engine.open()));
	afterEach(async () => test.drop());

	const sessionsOf = async (userId: string) => {
		const [row] = await test.db.orm
			.select({ n: count() })
			.from(test.db.t.sessions)
			.where(eq(test.db.t.sessions.userId, userId));
		return row?.n ?? 0;
	};

	it('keeps only a hash, in the printed shape of four groups of four', async () => {
		const user = await makeUser(test.db);
		const code = await issueRecoveryCode(test.db, user.id);
		expect(code).toMatch(/^[A-HJKMNP-Z2-9]{4}(-[A-HJKMNP-Z2-9]{4}){3}$/);
		const [row] = await test.db.orm.select().from(test.db.t.recoveryCodes);
		expect(row!.codeHash).not.toContain(normaliseRecoveryCode(code));
		expect(row!.codeHash).toMatch(/^[0-9a-f]{64}$/);
		expect(await recoveryCodeIssuedAt(test.db, user.id)).toEqual(row!.createdAt);
	});

	it('sets a new password, signs out every session and issues a new code; the used code is refused after', async () => {
		const user = await makeUser(test.db, { username: 'ayse' });
		await makeSession(test.db, user.id);
		await makeSession(test.db, user.id);
		const code = await issueRecoveryCode(test.db, user.id);

		// Typed in lower case with spaces: still the same code.
		const typed = code.toLowerCase().replaceAll('-', ' ');
		const result = await recoverAccount(test.db, {
			username: 'Ayse',
			code: typed,
			newPassword: NEW_PASSWORD,
			address: '10.0.0.1'
		});
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.value.userId).toBe(user.id);
		expect(result.value.newCode).not.toBe(code);
		expect(await sessionsOf(user.id)).toBe(0);
		const signIn = await authenticate(test.db, { username: 'ayse', password: NEW_PASSWORD, address: '10.0.0.2' });
		expect(signIn.ok).toBe(true);

		const again = await recoverAccount(test.db, {
			username: 'ayse',
			code,
			newPassword: 'Noch ein ganz anderes Passwort',
			address: '10.0.0.1'
		});
		expect(again).toEqual({ ok: false, error: 'errors.recovery.invalid' });
		// The new code works.
		const withNew = await recoverAccount(test.db, {
			username: 'ayse',
			code: result.value.newCode,
			newPassword: 'Noch ein ganz anderes Passwort',
			address: '10.0.0.1'
		});
		expect(withNew.ok).toBe(true);
	});

	it('answers an unknown username like a wrong code, and refuses a weak new password before counting', async () => {
		const user = await makeUser(test.db, { username: 'mira' });
		await issueRecoveryCode(test.db, user.id);
		const unknown = await recoverAccount(test.db, {
			username: 'nobody',
			code: 'ABCD-EFGH-JKMN-PQRS',
			newPassword: NEW_PASSWORD,
			address: '10.0.0.3'
		});
		const wrong = await recoverAccount(test.db, {
			username: 'mira',
			code: 'ABCD-EFGH-JKMN-PQRS',
			newPassword: NEW_PASSWORD,
			address: '10.0.0.3'
		});
		expect(unknown).toEqual(wrong);
		const weak = await recoverAccount(test.db, {
			username: 'mira',
			code: 'ABCD-EFGH-JKMN-PQRS',
			newPassword: 'password',
			address: '10.0.0.3'
		});
		expect(weak).toMatchObject({ ok: false, field: 'newPassword' });
	});

	it('locks a username after five wrong codes, even for the right code, whatever the address', async () => {
		const user = await makeUser(test.db, { username: 'jonas' });
		const code = await issueRecoveryCode(test.db, user.id);
		const now = new Date();
		for (let i = 0; i < 5; i++) {
			const wrong = await recoverAccount(
				test.db,
				{ username: 'jonas', code: `WRONG-${i}`, newPassword: NEW_PASSWORD, address: `10.2.${i}.1` },
				now
			);
			expect(wrong).toEqual({ ok: false, error: 'errors.recovery.invalid' });
		}
		const locked = await recoverAccount(
			test.db,
			{ username: 'jonas', code, newPassword: NEW_PASSWORD, address: '10.3.0.1' },
			now
		);
		expect(locked).toMatchObject({ ok: false, error: 'errors.recovery.locked' });
		expect(await recoveryCodeIssuedAt(test.db, user.id)).not.toBeNull();
	});

	it('lets one of two simultaneous uses of a code win, on two connections', async () => {
		const other: Db = await openDatabase(test.url);
		try {
			const user = await makeUser(test.db, { username: 'lena' });
			const code = await issueRecoveryCode(test.db, user.id);
			const results = await Promise.all(
				[test.db, other].map((db, i) =>
					recoverAccount(db, { username: 'lena', code, newPassword: `${NEW_PASSWORD} ${i}`, address: `10.4.${i}.1` })
				)
			);
			expect(results.filter((result) => result.ok)).toHaveLength(1);
		} finally {
			await other.close();
		}
	});
});
