/**
 * One data layer, two engines. Domain code receives a `Db` and writes every query once
 * against `db.orm` with the tables in `db.t`; at run time those are the SQLite or the
 * PostgreSQL flavour of the same schema (see schema/).
 *
 * The query builder is typed as PostgreSQL's. drizzle's SQLite builder has the same
 * surface for everything Lotse uses (select, insert … returning, update, delete,
 * onConflict…); raw SQL and driver-specific result shapes are kept out of domain code.
 */
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { resolve } from 'node:path';
import postgres from 'postgres';
import * as postgresSchema from './schema/postgres.ts';
import * as sqliteSchema from './schema/sqlite.ts';
import { openSqliteConnection } from './sqlite.ts';

export type Schema = typeof postgresSchema;
export type Orm = PostgresJsDatabase<Schema>;

export interface Db {
	readonly dialect: 'sqlite' | 'postgres';
	readonly orm: Orm;
	readonly t: Schema;
	/**
	 * Runs `work` atomically: if it throws, nothing it wrote stays. Calls on the `tx` handle
	 * join the transaction they are in; calls on the outer handle start one of their own (on
	 * SQLite they wait for the transaction before them, see sqlite.ts).
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

async function openSqlite(url: string): Promise<Db> {
	const connection = openSqliteConnection(url, sqliteSchema, migrationsFolder('sqlite'));
	// Transactions take turns on the one connection; see sqlite.ts.
	const handle = (orm: Orm, inTransaction: boolean): Db => {
		const db: Db = {
			dialect: 'sqlite',
			orm,
			t: sqliteSchema as unknown as Schema,
			transaction(work) {
				if (inTransaction) return work(db);
				return connection.transaction((tx) => work(handle(tx as unknown as Orm, true)));
			},
			async close() {
				connection.close();
			}
		};
		return db;
	};
	return handle(connection.orm as unknown as Orm, false);
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
