/**
 * The app's database, opened once per process from DATABASE_URL (default: SQLite in
 * ./data/lotse.db). Domain functions take a `Db` argument; only hooks and routes call this.
 */
import { DEFAULT_DATABASE_URL, openDatabase, type Db } from './database.ts';

let database: Promise<Db> | undefined;

export function getDb(): Promise<Db> {
	database ??= openDatabase(process.env.DATABASE_URL || DEFAULT_DATABASE_URL);
	return database;
}

export type { Db } from './database.ts';
