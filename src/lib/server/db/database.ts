/**
 * One data layer, two engines. Domain code receives a `Db` and writes every query once
 * against `db.orm` with the tables in `db.t`; at run time those are the SQLite or the
 * PostgreSQL flavour of the same schema (see schema/).
 *
 * The query builder is typed as PostgreSQL's. drizzle's SQLite builder has the same
 * surface for everything Lotse uses (select, insert … returning, update, delete,
 * onConflict…); raw SQL and driver-specific result shapes are kept out of domain code.
 */
import Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { drizzle as drizzleSqlite } from 'drizzle-orm/better-sqlite3';
import { migrate as migrateSqlite } from 'drizzle-orm/better-sqlite3/migrator';
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import postgres from 'postgres';
import * as postgresSchema from './schema/postgres.ts';
import * as sqliteSchema from './schema/sqlite.ts';

export type Schema = typeof postgresSchema;
export type Orm = PostgresJsDatabase<Schema>;

export interface Db {
	readonly dialect: 'sqlite' | 'postgres';
	readonly orm: Orm;
	readonly t: Schema;
	/**
	 * Runs `work` atomically: if it throws, nothing it wrote stays. Nested calls join the
	 * outer transaction.
	 */
	transaction<T>(work: (tx: Db) => Promise<T>): Promise<T>;
	close(): Promise<void>;
}

export const DEFAULT_DATABASE_URL = 'file:./data/lotse.db';

const migrationsFolder = (dialect: 'sqlite' | 'postgres') =>
	resolve(process.env.LOTSE_MIGRATIONS_DIR ?? 'drizzle', dialect);

export function isPostgresUrl(url: string): boolean {
	return /^postgres(ql)?:\/\//.test(url);
}

/** Opens the database named by `url` and brings its schema up to date. */
export async function openDatabase(url: string = DEFAULT_DATABASE_URL): Promise<Db> {
	return isPostgresUrl(url) ? openPostgres(url) : openSqlite(url);
}

function sqliteFileName(url: string): string {
	const path = url.replace(/^file:/, '');
	if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
	return path;
}

async function openSqlite(url: string): Promise<Db> {
	const client = new Database(sqliteFileName(url));
	client.pragma('journal_mode = WAL');
	client.pragma('foreign_keys = ON');
	// Several processes (app, CLI scripts) may share the file: wait for a lock instead of failing.
	client.pragma('busy_timeout = 5000');
	const orm = drizzleSqlite({ client, schema: sqliteSchema });
	migrateSqlite(orm, { migrationsFolder: migrationsFolder('sqlite') });

	let depth = 0;
	const db: Db = {
		dialect: 'sqlite',
		orm: orm as unknown as Orm,
		t: sqliteSchema as unknown as Schema,
		/*
		 * better-sqlite3 is synchronous and drizzle's own SQLite transaction refuses async
		 * callbacks. Every drizzle query on this driver settles within the same turn of
		 * the event loop (it runs synchronously, then resolves a promise), so an async
		 * callback that only awaits queries cannot interleave with other requests. If the
		 * callback yields to the event loop (awaits a timer, a hash, a network call), other
		 * work could slip into the open transaction — we detect that and roll back loudly.
		 */
		async transaction(work) {
			if (depth > 0) return work(db);
			depth++;
			client.exec('BEGIN IMMEDIATE');
			let yielded = false;
			const probe = setImmediate(() => (yielded = true));
			try {
				const result = await work(db);
				if (yielded) {
					throw new Error(
						'A SQLite transaction waited on something other than the database. Do that work before or after the transaction.'
					);
				}
				client.exec('COMMIT');
				return result;
			} catch (error) {
				client.exec('ROLLBACK');
				throw error;
			} finally {
				clearImmediate(probe);
				depth--;
			}
		},
		async close() {
			client.close();
		}
	};
	return db;
}

async function openPostgres(url: string): Promise<Db> {
	await migratePostgresSchema(url);
	const client = postgres(url, { max: Number(process.env.DATABASE_POOL_SIZE ?? 10), onnotice: () => {} });
	const orm = drizzlePostgres({ client, schema: postgresSchema });
	const wrap = (handle: Orm, inTransaction: boolean): Db => ({
		dialect: 'postgres',
		orm: handle,
		t: postgresSchema,
		transaction(work) {
			if (inTransaction) return work(this);
			return handle.transaction((tx) => work(wrap(tx as unknown as Orm, true)));
		},
		async close() {
			await client.end({ timeout: 5 });
		}
	});
	return wrap(orm, false);
}

/**
 * Several app processes may start at once against one PostgreSQL: an advisory lock lets
 * exactly one of them apply migrations while the others wait.
 */
async function migratePostgresSchema(url: string): Promise<void> {
	const client = postgres(url, { max: 1, onnotice: () => {} });
	try {
		const orm = drizzlePostgres({ client });
		await orm.execute(sql`select pg_advisory_lock(7423001)`);
		try {
			await migratePostgres(orm, { migrationsFolder: migrationsFolder('postgres') });
		} finally {
			await orm.execute(sql`select pg_advisory_unlock(7423001)`);
		}
	} finally {
		await client.end({ timeout: 5 });
	}
}
