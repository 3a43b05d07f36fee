/**
 * Each table is written once (src/lib/server/<domain>/tables.ts) and table-builder.ts makes
 * its PostgreSQL and SQLite flavours; the compiler checks that their row types agree. What is
 * left to catch here: the builder itself (both flavours get the same constraints, each column
 * the storage its kind promises) and a domain whose tables were never gathered into the schema
 * (drizzle-kit would not see them, and `db.t` would not have them).
 */
import { getTableConfig as pgConfig } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteConfig } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { postgresTables, sqliteTables, tables } from '../../src/lib/server/schema.ts';

/** A dialect-free description of a table: what must be the same on both engines. */
function describeTable(config: ReturnType<typeof pgConfig> | ReturnType<typeof sqliteConfig>) {
	const columns = config.columns
		.map((c) => ({
			name: c.name,
			notNull: c.notNull,
			primary: c.primary,
			unique: c.isUnique,
			hasDefault: c.hasDefault
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
	const primaryKeys = config.primaryKeys.map((pk) => pk.columns.map((c) => c.name).sort()).sort();
	const indexes = config.indexes
		.map((i) => ({
			name: i.config.name,
			unique: i.config.unique,
			columns: i.config.columns.map((c) => ('name' in c ? c.name : '?'))
		}))
		.sort((a, b) => String(a.name).localeCompare(String(b.name)));
	const foreignKeys = config.foreignKeys
		.map((fk) => {
			const ref = fk.reference();
			return {
				columns: ref.columns.map((c) => c.name),
				foreignTable: (ref.foreignTable as unknown as Record<symbol, string>)[Symbol.for('drizzle:Name')],
				foreignColumns: ref.foreignColumns.map((c) => c.name),
				onDelete: fk.onDelete ?? 'no action'
			};
		})
		.sort((a, b) => a.columns.join().localeCompare(b.columns.join()));
	const checks = config.checks.map((c) => c.name).sort();
	return { name: config.name, columns, primaryKeys, indexes, foreignKeys, checks };
}

/** The storage each column kind promises on each engine (see table-builder.ts). */
const storage: Record<string, string> = {
	'text/text': 'text',
	'integer/integer': 'integer',
	'boolean/integer': 'boolean',
	'timestamp (3) with time zone/integer': 'timestamp',
	'bytea/blob': 'bytes'
};

describe('the schema', () => {
	it('gathers every table of every domain (src/lib/server/*/tables.ts)', async () => {
		const modules = import.meta.glob<Record<string, unknown>>('../../src/lib/server/*/tables.ts', { eager: true });
		expect(Object.keys(modules).length).toBeGreaterThanOrEqual(3);
		for (const [file, exports] of Object.entries(modules)) {
			for (const [name, value] of Object.entries(exports)) {
				expect(tables, `${file} exports ${name}, but src/lib/server/schema.ts does not gather it`).toHaveProperty(
					name,
					value
				);
			}
		}
	});

	it('has no two tables of the same name', () => {
		const names = Object.values(tables).map((t) => t.name);
		expect(new Set(names).size).toBe(names.length);
	});
});

describe.each(Object.keys(tables))('the PostgreSQL and SQLite flavours of %s', (key) => {
	const pg = pgConfig(postgresTables[key as keyof typeof postgresTables]);
	const sqlite = sqliteConfig(sqliteTables[key as keyof typeof sqliteTables]);

	it('agree on columns, nullability, keys, indexes, foreign keys and checks', () => {
		expect(describeTable(sqlite)).toEqual(describeTable(pg));
		expect(pg.name).toBe(tables[key as keyof typeof tables].name);
	});

	it('store each column as its kind promises', () => {
		for (const column of pg.columns) {
			const twin = sqlite.columns.find((c) => c.name === column.name);
			const pair = `${column.getSQLType()}/${twin?.getSQLType()}`;
			expect(storage, `${pg.name}.${column.name} is ${pair}`).toHaveProperty([pair]);
		}
	});
});
