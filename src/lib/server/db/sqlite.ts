/**
 * The SQLite engine: one better-sqlite3 connection per process, whose transactions take turns.
 *
 * A connection has one transaction at a time, and every statement issued on it while a
 * transaction is open runs inside that transaction. So:
 *
 * - `transaction` waits for the transaction before it (a FIFO queue), then holds the
 *   connection until it commits or rolls back. Two transactions started in the same turn of
 *   the event loop (a `Promise.all`, two loads of one request) run one after the other, and
 *   one failing never takes the other's writes with it.
 * - Inside, `work` gets its own handle (`tx`). Nesting is known from the handle: `tx.transaction`
 *   joins; the outer `db.transaction` waits its turn.
 * - A plain query on the outer handle (`db.orm…`, not in a transaction) runs at once when the
 *   connection is free — the common case, costing one comparison — and otherwise waits in the
 *   same queue, so it can neither join nor be rolled back with somebody else's transaction.
 *   This matters for single-statement writes such as a rate-limit upsert next to an action's
 *   transaction.
 *
 * better-sqlite3 runs each statement synchronously, so a transaction whose work only awaits
 * the database finishes within one turn of the event loop. If it is still open when the
 * event loop moves on (a `setImmediate` probe fires), it waited on something else — a timer,
 * a hash, a network call, or a query on the outer `db` (which queues behind the transaction
 * and would wait forever). It is then rolled back at once, the connection goes to whoever
 * waits next, its later statements fail, and the caller gets a loud error. Waiting for one's
 * turn does not trip the probe: it is set only once the transaction has begun.
 */
import Database from 'better-sqlite3';
import {
	createTableRelationsHelpers,
	extractTablesRelationalConfig,
	type ExtractTablesWithRelations,
	type RelationalSchemaConfig
} from 'drizzle-orm';
import { BetterSQLite3Database, BetterSQLiteSession, drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export const OUTLIVED_TURN =
	'A SQLite transaction waited on something other than the database (a timer, a hash, a network call, or a query on the outer `db` instead of `tx`) and was rolled back. Do that work before or after the transaction.';

/** Runs one statement and returns its result, or a promise of it when the statement had to wait. */
type Gate = <T>(statement: () => T) => T | Promise<T>;

/** Who may use the connection: nobody in particular, or one open transaction; the rest queue in order. */
class ConnectionTurns {
	private holder: object | null = null;
	private readonly waiting: Array<() => void> = [];
	private inStatement = false;

	/** A statement of a plain query: at once when nobody holds or waits for the connection. */
	plain: Gate = (statement) => {
		if (this.inStatement || (this.holder === null && this.waiting.length === 0)) return this.run(statement);
		return new Promise((resolve, reject) => {
			this.waiting.push(() => {
				try {
					resolve(this.run(statement));
				} catch (error) {
					reject(error);
				}
			});
		});
	};

	/** A statement of transaction `owner`, which must still hold the connection. */
	within(owner: object): Gate {
		return (statement) => {
			if (this.holder !== owner) throw new Error(`${OUTLIVED_TURN} (This statement came after the rollback.)`);
			return this.run(statement);
		};
	}

	/** Resolves once `owner` holds the connection. */
	take(owner: object): Promise<void> {
		return new Promise((resolve) => {
			this.waiting.push(() => {
				this.holder = owner;
				resolve();
			});
			this.next();
		});
	}

	giveBack(owner: object): void {
		if (this.holder !== owner) return;
		this.holder = null;
		this.next();
	}

	private next(): void {
		while (this.holder === null && this.waiting.length > 0) this.waiting.shift()?.();
	}

	// drizzle's `all` calls the same query's `values`: a statement already running is let through.
	private run<T>(statement: () => T): T {
		if (this.inStatement) return statement();
		this.inStatement = true;
		try {
			return statement();
		} finally {
			this.inStatement = false;
		}
	}
}

type Tables<TSchema extends Record<string, unknown>> = ExtractTablesWithRelations<TSchema>;
type RelationalSchema<TSchema extends Record<string, unknown>> = RelationalSchemaConfig<Tables<TSchema>>;

/**
 * drizzle's better-sqlite3 session, with every statement passed through a gate. A gated
 * statement may hand back a promise instead of its result: drizzle's query builders await
 * what they execute (`async execute()`), so `await db.orm.select()…` gets the rows either
 * way. Only the synchronous `.all()` / `.get()` / `.run()` / `.sync()` calls would see the
 * promise, and domain code never uses them (the query builder is typed as PostgreSQL's).
 */
class GatedSession<TSchema extends Record<string, unknown>> extends BetterSQLiteSession<TSchema, Tables<TSchema>> {
	constructor(
		client: Database.Database,
		dialect: SQLiteSyncDialect,
		schema: RelationalSchema<TSchema>,
		private readonly gate: Gate
	) {
		super(client, dialect, schema);
	}

	override prepareQuery(...args: Parameters<BetterSQLiteSession<TSchema, Tables<TSchema>>['prepareQuery']>) {
		const query = super.prepareQuery(...args);
		const { gate } = this;
		const { run, all, get, values } = query;
		return Object.assign(query, {
			run: (placeholders?: Record<string, unknown>) => gate(() => run.call(query, placeholders)),
			all: (placeholders?: Record<string, unknown>) => gate(() => all.call(query, placeholders)),
			get: (placeholders?: Record<string, unknown>) => gate(() => get.call(query, placeholders)),
			values: (placeholders?: Record<string, unknown>) => gate(() => values.call(query, placeholders))
		});
	}
}

function sqliteFileName(url: string): string {
	const path = url.replace(/^file:/, '');
	if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
	return path;
}

export interface SqliteConnection<TSchema extends Record<string, unknown>> {
	/** The query builder for plain queries: they wait for an open transaction to end. */
	readonly orm: BetterSQLite3Database<TSchema>;
	/** Runs `work` in a transaction of its own, after the transactions before it. */
	transaction<T>(work: (orm: BetterSQLite3Database<TSchema>) => Promise<T>): Promise<T>;
	close(): void;
}

/** Opens the SQLite file named by `url` and brings its schema up to date. */
export function openSqliteConnection<TSchema extends Record<string, unknown>>(
	url: string,
	schema: TSchema,
	migrationsFolder: string
): SqliteConnection<TSchema> {
	const client = new Database(sqliteFileName(url));
	client.pragma('journal_mode = WAL');
	client.pragma('foreign_keys = ON');
	// Several processes (app, CLI scripts) may share the file: wait for a lock instead of failing.
	client.pragma('busy_timeout = 5000');
	migrate(drizzle({ client }), { migrationsFolder });

	const tables = extractTablesRelationalConfig<Tables<TSchema>>(schema, createTableRelationsHelpers);
	const relational: RelationalSchema<TSchema> = {
		fullSchema: schema,
		schema: tables.tables,
		tableNamesMap: tables.tableNamesMap
	};
	const dialect = new SQLiteSyncDialect();
	const connect = (gate: Gate) =>
		new BetterSQLite3Database<TSchema>(
			'sync',
			dialect,
			new GatedSession(client, dialect, relational, gate),
			relational
		);

	const turns = new ConnectionTurns();
	return {
		orm: connect(turns.plain),
		async transaction(work) {
			const owner = {};
			await turns.take(owner);
			let outlived = false;
			let probe: NodeJS.Immediate | undefined;
			try {
				client.exec('BEGIN IMMEDIATE');
				probe = setImmediate(() => {
					outlived = true;
					client.exec('ROLLBACK');
					turns.giveBack(owner);
				});
				const result = await work(connect(turns.within(owner)));
				if (outlived) throw new Error(OUTLIVED_TURN);
				client.exec('COMMIT');
				return result;
			} catch (error) {
				// Once outlived, the connection may already be another transaction's: leave it alone.
				if (outlived)
					throw error instanceof Error && error.message === OUTLIVED_TURN
						? error
						: new Error(OUTLIVED_TURN, { cause: error });
				if (client.inTransaction) client.exec('ROLLBACK');
				throw error;
			} finally {
				clearImmediate(probe);
				turns.giveBack(owner);
			}
		},
		close() {
			client.close();
		}
	};
}
