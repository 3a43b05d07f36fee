/**
 * What each domain contributes to "download my data" and "delete my account". A domain
 * describes its part in `server/<domain>/privacy.ts` and is listed once in ./index.ts;
 * adding a table means adding it to its own domain's part, never editing another domain.
 */
import type { Db } from '../db/database.ts';

/** A table of the schema, by its name in `db.t`. */
export type TableName = keyof Db['t'];

/**
 * What deleting an account does to a table's rows about the person: `delete` removes them;
 * `anonymise` keeps them without anything that points to the person (for what belongs
 * to the public, such as a report about the site or, later, a civic contribution).
 */
export type Erasure = 'delete' | 'anonymise';

export interface PrivacyPart {
	/** The domain, for messages. */
	domain: string;
	/**
	 * Every table in which this domain keeps rows about a person, with what erasure does to
	 * them. tests/db/privacy.test.ts fails when a table that refers to a person is in no part.
	 */
	tables: Partial<Record<TableName, Erasure>>;
	/**
	 * What this domain stores about the person, as plain JSON: one section per covered
	 * table, named after it (the `users` row is the section `account`). Secrets (password
	 * hashes, session secrets) are left out.
	 */
	export(db: Db, userId: string): Promise<Record<string, unknown>>;
	/**
	 * Deletes or anonymises, as `tables` says. Runs inside the one deletion transaction
	 * (on SQLite: await only database calls).
	 */
	erase(tx: Db, userId: string): Promise<void>;
}

/** The export section that holds a table's rows. */
export const exportSection = (table: TableName): string => (table === 'users' ? 'account' : table);
