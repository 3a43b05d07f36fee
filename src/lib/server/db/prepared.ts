/**
 * Statements prepared once per database handle and reused, for the queries every request
 * runs (the session lookup, a support). A query built with the query builder is turned into
 * SQL by drizzle on every call, and then prepared again by the driver: better-sqlite3
 * compiles it anew, and postgres.js — for a query that is not named — parses and describes it
 * in a round trip of its own before the one that runs it. A statement from `.prepare(name)`
 * skips all of that: its SQL is built once, better-sqlite3 keeps the compiled statement, and
 * postgres.js keeps it prepared on each pooled connection after the first use.
 *
 * Values that differ per call are `sql.placeholder('name')`s, given to `execute({ name })`.
 * A placeholder compared with a column is passed to the driver as it is; a Date must go
 * through the column's own conversion: `sql.param(sql.placeholder('now'), table.column)`.
 *
 * A statement belongs to the handle it was built on (on SQLite the handle also decides when
 * the statement may run, see sqlite.ts), so statements are kept per handle: `db.orm` of the
 * process's database lives as long as the process, and a transaction's handle (and whatever
 * was prepared on it) is forgotten with the transaction.
 */
import type { Db } from './database.ts';

/**
 * `build(db)` prepares the statement; the function returned gives the one prepared for `db`,
 * preparing it on first use. Call it at module level, once per statement.
 */
export function preparedStatement<Statement>(build: (db: Db) => Statement): (db: Db) => Statement {
	const byHandle = new WeakMap<Db['orm'], Statement>();
	return (db) => {
		let statement = byHandle.get(db.orm);
		if (statement === undefined) {
			statement = build(db);
			byHandle.set(db.orm, statement);
		}
		return statement;
	};
}
