/**
 * The statements the security tables are made for, run on both engines: a fixed-window hit
 * counter in one upsert, and a server secret created once and then read. The logic around
 * them lives in src/lib/server/security/; this proves the tables carry it.
 */
import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/database.ts';
import { engines, type TestDatabase } from '../helpers/databases.ts';

/** One atomic statement: count a hit in the current window, or start a new window. */
async function hit(db: Db, key: string, now: Date, windowMs: number): Promise<number> {
	const t = db.t.rateLimits;
	// Dates go through the column's own encoding (milliseconds on SQLite, timestamptz on PostgreSQL).
	const at = (date: Date) => sql.param(date, t.windowStartedAt);
	const windowOver = sql`${t.windowStartedAt} <= ${at(new Date(now.getTime() - windowMs))}`;
	const [row] = await db.orm
		.insert(t)
		.values({ key, hits: 1, windowStartedAt: now })
		.onConflictDoUpdate({
			target: t.key,
			set: {
				hits: sql`case when ${windowOver} then 1 else ${t.hits} + 1 end`,
				windowStartedAt: sql`case when ${windowOver} then ${at(now)} else ${t.windowStartedAt} end`
			}
		})
		.returning({ hits: t.hits });
	if (!row) throw new Error('the upsert returned no row');
	return row.hits;
}

describe.each(engines)('the security tables on $name', (engine) => {
	let test: TestDatabase;
	beforeEach(async () => (test = await engine.open()));
	afterEach(async () => test.drop());

	it('count hits in a window with one upsert and start again once the window is over', async () => {
		const { db } = test;
		const start = new Date('2026-12-01T10:00:00.000Z');
		const minute = 60_000;
		expect(await hit(db, 'signup:ip:192.0.2.1', start, minute)).toBe(1);
		expect(await hit(db, 'signup:ip:192.0.2.1', new Date(start.getTime() + 1_000), minute)).toBe(2);
		expect(await hit(db, 'signup:ip:192.0.2.2', new Date(start.getTime() + 2_000), minute)).toBe(1);
		expect(await hit(db, 'signup:ip:192.0.2.1', new Date(start.getTime() + 59_999), minute)).toBe(3);
		const later = new Date(start.getTime() + minute);
		expect(await hit(db, 'signup:ip:192.0.2.1', later, minute)).toBe(1);
		const [row] = await db.orm.select().from(db.t.rateLimits).where(eq(db.t.rateLimits.key, 'signup:ip:192.0.2.1'));
		expect(row).toEqual({ key: 'signup:ip:192.0.2.1', hits: 1, windowStartedAt: later });
	});

	it('never lose a hit when thirty arrive at once', async () => {
		const { db } = test;
		const now = new Date();
		const counts = await Promise.all(Array.from({ length: 30 }, () => hit(db, 'signup:ip:198.51.100.7', now, 60_000)));
		expect(counts.sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
	});

	it('refuse a negative hit count', async () => {
		const { db } = test;
		await expect(
			db.orm.insert(db.t.rateLimits).values({ key: 'x', hits: -1, windowStartedAt: new Date() })
		).rejects.toThrow();
	});

	it('keep the first server secret when later processes create it again at once', async () => {
		const { db } = test;
		const t = db.t.serverSecrets;
		const create = (value: string) =>
			db.orm
				.insert(t)
				.values({ name: 'cookie-hmac', value, createdAt: new Date() })
				.onConflictDoNothing({ target: t.name });
		await create('first');
		// Other processes starting later, at the same moment: nobody fails, nobody overwrites.
		await Promise.all([create('second'), create('third')]);
		const rows = await db.orm.select().from(t);
		expect(rows).toHaveLength(1);
		expect(rows[0]?.value).toBe('first');
		expect(rows[0]?.createdAt).toBeInstanceOf(Date);
	});
});
