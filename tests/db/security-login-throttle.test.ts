/**
 * Sign-in throttling under attack: check and count are one statement, so concurrent
 * wrong passwords, on one connection or on several (as several app processes would),
 * never get more passwords evaluated than the rules allow.
 */
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authenticate } from '../../src/lib/server/auth/account.ts';
import { lockedUntil, reserveLoginAttempt } from '../../src/lib/server/auth/login-throttle.ts';
import { openDatabase, type Db } from '../../src/lib/server/db/database.ts';
import { engines, type TestDatabase } from '../helpers/databases.ts';
import { makeUser, STRONG_PASSWORD } from '../helpers/factories.ts';

describe.each(engines)('sign-in throttling under concurrent attempts on $name', (engine) => {
	let test: TestDatabase;
	let other: Db;
	beforeEach(async () => {
		test = await engine.open();
		other = await openDatabase(test.url);
	});
	afterEach(async () => {
		await other.close();
		await test.drop();
	});

	it('evaluates at most five of 100 simultaneous wrong passwords for one username, over two connections', async () => {
		await makeUser(test.db, { username: 'target' });
		const now = new Date();
		const results = await Promise.all(
			Array.from({ length: 100 }, (_, i) =>
				authenticate(
					i % 2 ? test.db : other,
					{ username: 'target', password: `wrong ${i}`, address: `10.1.${i}.1` },
					now
				)
			)
		);
		const evaluated = results.filter((r) => !r.ok && r.error === 'errors.signIn.invalid').length;
		const locked = results.filter((r) => !r.ok && r.error === 'errors.signIn.locked').length;
		expect({ evaluated, locked }).toEqual({ evaluated: 5, locked: 95 });
		const t = test.db.t.loginThrottles;
		const [row] = await test.db.orm.select().from(t).where(eq(t.key, 'user:target'));
		expect(row?.failures).toBe(5);
		expect(row?.lockedUntil?.getTime()).toBe(now.getTime() + 30_000);
	});

	it('lets exactly the free attempts through when 60 reservations race on one address', async () => {
		const now = new Date();
		const results = await Promise.all(
			Array.from({ length: 60 }, (_, i) => reserveLoginAttempt(i % 2 ? test.db : other, ['ip:10.9.9.9'], now))
		);
		// An address may fail 30 times; the 31st attempt is evaluated and sets the lock.
		expect(results.filter((r) => r.allowed).length).toBe(31);
	});

	it('after the lock ends, one more attempt is evaluated and the lock doubles', async () => {
		const start = new Date('2026-03-01T10:00:00Z');
		for (let i = 0; i < 5; i++) expect((await reserveLoginAttempt(test.db, ['user:a'], start)).allowed).toBe(true);
		expect(await reserveLoginAttempt(test.db, ['user:a'], start)).toEqual({
			allowed: false,
			until: new Date(start.getTime() + 30_000)
		});
		const later = new Date(start.getTime() + 30_000);
		const racing = await Promise.all(
			Array.from({ length: 10 }, (_, i) => reserveLoginAttempt(i % 2 ? test.db : other, ['user:a'], later))
		);
		expect(racing.filter((r) => r.allowed).length).toBe(1);
		expect(await lockedUntil(test.db, ['user:a'], later)).toEqual(new Date(later.getTime() + 60_000));
	});

	it('never locks for more than 15 minutes', async () => {
		let now = new Date('2026-03-01T10:00:00Z');
		for (let i = 0; i < 12; i++) {
			const result = await reserveLoginAttempt(test.db, ['user:b'], now);
			if (!result.allowed) now = result.until;
			else if (i >= 4) now = (await lockedUntil(test.db, ['user:b'], now)) ?? now;
		}
		const until = await lockedUntil(test.db, ['user:b'], new Date(now.getTime() - 1));
		expect(until!.getTime() - now.getTime()).toBeLessThanOrEqual(15 * 60_000);
	});

	it('a locked address costs the username nothing, and the right password after the lock signs in', async () => {
		const user = await makeUser(test.db, { username: 'classmate' });
		const now = new Date('2026-03-01T10:00:00Z');
		for (let i = 0; i < 31; i++) await reserveLoginAttempt(test.db, ['ip:10.0.0.1'], now);
		const locked = await authenticate(
			test.db,
			{ username: user.username, password: STRONG_PASSWORD, address: '10.0.0.1' },
			now
		);
		expect(locked).toMatchObject({ ok: false, error: 'errors.signIn.locked' });
		const elsewhere = await authenticate(
			test.db,
			{ username: user.username, password: STRONG_PASSWORD, address: '10.0.0.2' },
			now
		);
		expect(elsewhere.ok).toBe(true);
	});

	it('a successful sign-in is not counted against the address', async () => {
		const user = await makeUser(test.db, { username: 'regular' });
		const now = new Date('2026-03-01T10:00:00Z');
		for (let i = 0; i < 32; i++) {
			const result = await authenticate(
				test.db,
				{ username: user.username, password: STRONG_PASSWORD, address: '10.0.0.3' },
				now
			);
			expect(result.ok).toBe(true);
		}
		expect(await lockedUntil(test.db, ['ip:10.0.0.3'], now)).toBeNull();
	});

	it('a username that is locked gives the address its attempt back', async () => {
		const now = new Date('2026-03-01T10:00:00Z');
		for (let i = 0; i < 5; i++) await reserveLoginAttempt(test.db, ['user:c'], now);
		for (let i = 0; i < 40; i++) {
			expect((await reserveLoginAttempt(test.db, ['ip:10.0.0.4', 'user:c'], now)).allowed).toBe(false);
		}
		expect((await reserveLoginAttempt(test.db, ['ip:10.0.0.4'], now)).allowed).toBe(true);
	});
});
