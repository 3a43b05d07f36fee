/** The tables of abuse protection and server secrets. Each is defined once for both engines (see ../db/README.md). */
import { sql } from 'drizzle-orm';
import { column, table } from '../db/table-builder.ts';

/**
 * Fixed-window counters shared by every app process. One row a key, e.g. "signup:ip:1.2.3.4";
 * counted by a single upsert: insert … on conflict (key) do update set hits = case when the
 * window has ended then 1 else hits + 1 end, window_started_at = … returning hits.
 */
export const rateLimits = table(
	'rate_limits',
	{
		key: column.text('key').primaryKey(),
		hits: column.integer('hits').notNull(),
		windowStartedAt: column.timestamp('window_started_at').notNull()
	},
	(t, x) => [x.check('rate_limits_hits_check', sql`${t.hits} >= 0`)]
);

/**
 * Secrets the server makes for itself on first start and all processes share, e.g. the HMAC
 * key for signed cookies: insert … on conflict (name) do nothing, then read.
 */
export const serverSecrets = table('server_secrets', {
	name: column.text('name').primaryKey(),
	value: column.text('value').notNull(),
	createdAt: column.timestamp('created_at').notNull()
});
