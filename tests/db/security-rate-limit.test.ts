/**
 * Per-address limits on anonymous writes hold across app processes: the state is in the
 * database and each hit is one atomic statement.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/lib/server/db/database.ts';
import {
	ACCESSIBILITY_REPORTS_PER_ADDRESS,
	ADDRESS_KEPT_MS,
	hitAddressLimit,
	SIGN_UPS_PER_ADDRESS
} from '../../src/lib/server/security/limits.ts';
import { hitRateLimit } from '../../src/lib/server/security/rate-limit.ts';
import { engines, type TestDatabase } from '../helpers/databases.ts';

const HOUR = 60 * 60_000;

describe('the limits', () => {
	it('let a class of 30 sign up together from one address, twice over', () => {
		expect(SIGN_UPS_PER_ADDRESS).toMatchObject({ limit: 60, windowMs: HOUR });
		expect(ACCESSIBILITY_REPORTS_PER_ADDRESS).toMatchObject({ limit: 20, windowMs: HOUR });
	});
});

describe.each(engines)('rate limits on $name', (engine) => {
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

	it('forget an address a day after its window, when the next address is counted', async () => {
		const start = new Date('2026-03-01T10:00:00Z');
		await hitAddressLimit(test.db, SIGN_UPS_PER_ADDRESS, '203.0.113.7', start);
		const keys = async () => (await test.db.orm.select().from(test.db.t.rateLimits)).map((row) => row.key).sort();
		await hitAddressLimit(
			test.db,
			SIGN_UPS_PER_ADDRESS,
			'198.51.100.1',
			new Date(start.getTime() + ADDRESS_KEPT_MS - 1)
		);
		expect(await keys()).toEqual(['sign-up:198.51.100.1', 'sign-up:203.0.113.7']);
		await hitAddressLimit(
			test.db,
			SIGN_UPS_PER_ADDRESS,
			'198.51.100.2',
			new Date(start.getTime() + ADDRESS_KEPT_MS + 1)
		);
		expect(await keys()).toEqual(['sign-up:198.51.100.1', 'sign-up:198.51.100.2']);
	});

	it('allow up to the limit, then refuse until the window ends', async () => {
		const start = new Date('2026-03-01T10:00:00Z');
		for (let i = 0; i < 3; i++) {
			const at = new Date(start.getTime() + i * 1000);
			expect(await hitRateLimit(test.db, 'k', { limit: 3, windowMs: HOUR, now: at })).toEqual({
				allowed: true,
				retryAt: null
			});
		}
		const refused = await hitRateLimit(test.db, 'k', {
			limit: 3,
			windowMs: HOUR,
			now: new Date(start.getTime() + 5000)
		});
		expect(refused).toEqual({ allowed: false, retryAt: new Date(start.getTime() + HOUR) });
		// Hits while refused do not move the window.
		for (let i = 0; i < 5; i++) await hitRateLimit(test.db, 'k', { limit: 3, windowMs: HOUR, now: start });
		expect((await hitRateLimit(test.db, 'k', { limit: 3, windowMs: HOUR, now: start })).retryAt).toEqual(
			new Date(start.getTime() + HOUR)
		);
	});

	it('start a new window once the old one is over', async () => {
		const start = new Date('2026-03-01T10:00:00Z');
		for (let i = 0; i < 4; i++) await hitRateLimit(test.db, 'k', { limit: 3, windowMs: HOUR, now: start });
		const later = new Date(start.getTime() + HOUR);
		expect((await hitRateLimit(test.db, 'k', { limit: 3, windowMs: HOUR, now: later })).allowed).toBe(true);
		expect((await hitRateLimit(test.db, 'k', { limit: 3, windowMs: HOUR, now: later })).allowed).toBe(true);
		expect((await hitRateLimit(test.db, 'k', { limit: 3, windowMs: HOUR, now: later })).allowed).toBe(true);
		expect(await hitRateLimit(test.db, 'k', { limit: 3, windowMs: HOUR, now: later })).toEqual({
			allowed: false,
			retryAt: new Date(later.getTime() + HOUR)
		});
	});

	it('never let more than the limit through when 50 hits race over two connections', async () => {
		const now = new Date();
		const results = await Promise.all(
			Array.from({ length: 50 }, (_, i) =>
				hitRateLimit(i % 2 ? test.db : other, 'race', { limit: 20, windowMs: HOUR, now })
			)
		);
		expect(results.filter((r) => r.allowed)).toHaveLength(20);
		const [row] = await test.db.orm.select().from(test.db.t.rateLimits);
		expect(row?.hits).toBe(21);
	});

	it('count each address and each kind of write on its own', async () => {
		const now = new Date();
		for (let i = 0; i < 20; i++) await hitAddressLimit(test.db, ACCESSIBILITY_REPORTS_PER_ADDRESS, '10.0.0.1', now);
		expect((await hitAddressLimit(test.db, ACCESSIBILITY_REPORTS_PER_ADDRESS, '10.0.0.1', now)).allowed).toBe(false);
		expect((await hitAddressLimit(test.db, ACCESSIBILITY_REPORTS_PER_ADDRESS, '10.0.0.2', now)).allowed).toBe(true);
		expect((await hitAddressLimit(test.db, SIGN_UPS_PER_ADDRESS, '10.0.0.1', now)).allowed).toBe(true);
	});

	it('let exactly 60 of 70 simultaneous sign-ups from one address through', async () => {
		const now = new Date();
		const results = await Promise.all(
			Array.from({ length: 70 }, (_, i) =>
				hitAddressLimit(i % 2 ? test.db : other, SIGN_UPS_PER_ADDRESS, '10.0.0.9', now)
			)
		);
		expect(results.filter((r) => r.allowed)).toHaveLength(60);
	});
});
