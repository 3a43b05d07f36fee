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

/**
 * Closes the database once the server has stopped (after SIGTERM or SIGINT, adapter-node
 * stops accepting, lets requests in flight finish, then emits `sveltekit:shutdown`). An
 * open PostgreSQL pool would keep the process alive; a rolling restart needs it to exit.
 */
export function closeDbOnShutdown(): void {
	process.once('sveltekit:shutdown', () => {
		const closing = database?.then((db) => db.close());
		database = undefined;
		void Promise.resolve(closing).then(
			() => process.exit(0),
			(error) => {
				console.error('Closing the database failed', error);
				process.exit(1);
			}
		);
	});
}

export type { Db } from './database.ts';
