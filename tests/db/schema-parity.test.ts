import { getTableConfig as pgConfig, PgTable } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import * as postgres from '../../src/lib/server/db/schema/postgres.ts';
import * as sqlite from '../../src/lib/server/db/schema/sqlite.ts';

/** A dialect-free description of a table: what must be the same on both engines. */
function describeTable(config: ReturnType<typeof pgConfig> | ReturnType<typeof sqliteConfig>) {
	const columns = config.columns
		.map((c) => ({ name: c.name, notNull: c.notNull, primary: c.primary, unique: c.isUnique }))
		.sort((a, b) => a.name.localeCompare(b.name));
	const primaryKeys = config.primaryKeys.map((pk) => pk.columns.map((c) => c.name).sort()).sort();
	const uniqueIndexes = config.indexes
		.filter((i) => i.config.unique)
		.map((i) => ({ name: i.config.name, columns: i.config.columns.map((c) => ('name' in c ? c.name : '?')) }))
		.sort((a, b) => String(a.name).localeCompare(String(b.name)));
	const indexes = config.indexes.map((i) => i.config.name).sort();
	const foreignKeys = config.foreignKeys
		.map((fk) => {
			const ref = fk.reference();
			return {
				columns: ref.columns.map((c) => c.name),
				foreignTable: (ref.foreignTable as unknown as Record<symbol, string>)[Symbol.for('drizzle:Name')],
				foreignColumns: ref.foreignColumns.map((c) => c.name),
				onDelete: fk.onDelete
			};
		})
		.sort((a, b) => a.columns.join().localeCompare(b.columns.join()));
	const checks = config.checks.map((c) => c.name).sort();
	return { name: config.name, columns, primaryKeys, uniqueIndexes, indexes, foreignKeys, checks };
}

const pgTables = Object.fromEntries(
	Object.entries(postgres)
		.filter(([, v]) => v instanceof PgTable)
		.map(([k, v]) => [k, describeTable(pgConfig(v as PgTable))])
);
const sqliteTables = Object.fromEntries(
	Object.entries(sqlite)
		.filter(([, v]) => v instanceof SQLiteTable)
		.map(([k, v]) => [k, describeTable(sqliteConfig(v as SQLiteTable))])
);

describe('the SQLite and PostgreSQL schemas', () => {
	it('define the same tables', () => {
		expect(Object.keys(sqliteTables).sort()).toEqual(Object.keys(pgTables).sort());
		expect(Object.keys(pgTables).length).toBeGreaterThan(5);
	});

	for (const name of Object.keys(pgTables)) {
		it(`agree on ${name}: columns, nullability, keys, unique indexes, foreign keys and checks`, () => {
			expect(sqliteTables[name]).toEqual(pgTables[name]);
		});
	}
});
