import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authenticate } from '../../src/lib/server/auth/account.ts';
import { lockDuration, lockedUntil, reserveLoginAttempt } from '../../src/lib/server/auth/login-throttle.ts';
import { openDatabase } from '../../src/lib/server/db/database.ts';
import { engines, type TestDatabase } from '../helpers/databases.ts';
import { makeUser, STRONG_PASSWORD } from '../helpers/factories.ts';

describe('lock durations', () => {
	it('allows four failures, then locks for 30 s, doubling, at most 15 minutes', () => {
		expect([1, 2, 3, 4].map((n) => lockDuration(n))).toEqual([0, 0, 0, 0]);
		expect(lockDuration(5)).toBe(30_000);
		expect(lockDuration(6)).toBe(60_000);
		expect(lockDuration(7)).toBe(120_000);
		expect(lockDuration(50)).toBe(15 * 60_000);
	});
});

describe.each(engines)('sign-in throttling on $name', (engine) => {
	let test: TestDatabase;
	beforeEach(async () => (test = await engine.open()));
	afterEach(async () => test.drop());

	it('locks a username after five wrong passwords and says until when, even for the right password', async () => {
		const user = await makeUser(test.db, { username: 'target' });
		const now = new Date('2026-03-01T10:00:00Z');
		for (let i = 0; i < 5; i++) {
			await authenticate(test.db, { username: 'target', password: `wrong ${i}`, address: `10.0.0.${i}` }, now);
		}
		const locked = await authenticate(
			test.db,
			{ username: user.username, password: STRONG_PASSWORD, address: '10.0.1.1' },
			now
		);
		expect(locked).toMatchObject({ ok: false, error: 'errors.signIn.locked' });
		expect(!locked.ok && locked.until?.getTime()).toBe(now.getTime() + 30_000);
		const afterLock = new Date(now.getTime() + 31_000);
		expect(
			(await authenticate(test.db, { username: 'target', password: STRONG_PASSWORD, address: '10.0.1.1' }, afterLock))
				.ok
		).toBe(true);
	});

	it('counts every one of many simultaneous failures', async () => {
		const now = new Date();
		await Promise.all(Array.from({ length: 12 }, () => reserveLoginAttempt(test.db, ['ip:concurrent'], now)));
		const [row] = await test.db.orm.select().from(test.db.t.loginThrottles);
		expect(row?.failures).toBe(12);
	});

	it('holds across app processes: a lock set through one connection is seen through another', async () => {
		const other = await openDatabase(test.url);
		try {
			const now = new Date();
			for (let i = 0; i < 5; i++) await reserveLoginAttempt(other, ['user:shared'], now);
			expect(await lockedUntil(test.db, ['user:shared'], now)).not.toBeNull();
		} finally {
			await other.close();
		}
	});

	it('forgets failures after an hour', async () => {
		const start = new Date('2026-03-01T10:00:00Z');
		for (let i = 0; i < 4; i++) await reserveLoginAttempt(test.db, ['user:forgetful'], start);
		const later = new Date(start.getTime() + 2 * 60 * 60_000);
		await reserveLoginAttempt(test.db, ['user:forgetful'], later);
		const [row] = await test.db.orm.select().from(test.db.t.loginThrottles);
		expect(row?.failures).toBe(1);
		expect(await lockedUntil(test.db, ['user:forgetful'], later)).toBeNull();
	});
});
