/**
 * One definition of a table, two drizzle tables: `table('users', { … })` yields `.pg` (a
 * pg-core table) and `.sqlite` (a sqlite-core table) from the same columns and constraints.
 * See README.md for how a domain adds a table.
 *
 * The column kinds are the few that mean the same on both engines:
 *
 * | kind                  | PostgreSQL                              | SQLite                          | TypeScript |
 * | --------------------- | --------------------------------------- | ------------------------------- | ---------- |
 * | `text(name)`          | text                                    | text                            | string     |
 * | `text(name, {enum})`  | text (check constraint is yours)        | text                            | union      |
 * | `integer(name)`       | integer                                 | integer                         | number     |
 * | `boolean(name)`       | boolean                                 | integer (0/1)                   | boolean    |
 * | `timestamp(name)`     | timestamp(3) with time zone             | integer, milliseconds           | Date       |
 * | `bytes(name)`         | bytea                                   | blob                            | Buffer     |
 *
 * Each column is a pair of drizzle column builders; the chain methods (`notNull`,
 * `primaryKey`, `references`, `default`, `$defaultFn`, `$type`) call drizzle's own method on
 * both, and their types are drizzle's own (`NotNull<…>`, `IsPrimaryKey<…>`, …) applied to
 * each side, so both tables are typed by drizzle exactly as if written by hand.
 * `gatherTables` then has the compiler check, table by table, that the SQLite and the
 * PostgreSQL flavour have the same row types (select and insert): that check is what lets
 * the database handle type `db.t` as the PostgreSQL tables on both engines (database.ts).
 *
 * This file is the one place where values are cast: drizzle's builders are generic in ways
 * a pair cannot name at run time (a builder's methods on a generic `P`, `Object.fromEntries`,
 * the dialects' index and check builders behind one interface). Each cast sits next to the
 * drizzle call whose result it names.
 */
import {
	type $Type,
	type AnyColumn,
	type HasDefault,
	type HasRuntimeDefault,
	type IsPrimaryKey,
	type NotNull,
	type SQL,
	sql
} from 'drizzle-orm';
import {
	boolean as pgBoolean,
	customType as pgCustomType,
	check as pgCheck,
	index as pgIndex,
	integer as pgInteger,
	pgTable,
	primaryKey as pgPrimaryKey,
	text as pgText,
	timestamp as pgTimestamp,
	uniqueIndex as pgUniqueIndex,
	type PgColumn,
	type PgColumnBuilderBase,
	type PgTable,
	type PgTableExtraConfigValue,
	type UpdateDeleteAction
} from 'drizzle-orm/pg-core';
import {
	blob as sqliteBlob,
	check as sqliteCheck,
	index as sqliteIndex,
	integer as sqliteInteger,
	primaryKey as sqlitePrimaryKey,
	sqliteTable,
	text as sqliteText,
	uniqueIndex as sqliteUniqueIndex,
	type SQLiteColumn,
	type SQLiteColumnBuilderBase,
	type SQLiteTable
} from 'drizzle-orm/sqlite-core';

/** What drizzle's column builders do at run time, on either engine. */
interface RuntimeBuilder {
	notNull(): unknown;
	primaryKey(): unknown;
	references(ref: () => AnyColumn, actions?: ReferenceActions): unknown;
	default(value: unknown): unknown;
	$defaultFn(fn: () => unknown): unknown;
	$type(): unknown;
}

export interface ReferenceActions {
	onDelete?: UpdateDeleteAction;
	onUpdate?: UpdateDeleteAction;
}

/** A column of both engines. `P` and `S` are the drizzle builder types of each side. */
export class Column<P extends PgColumnBuilderBase, S extends SQLiteColumnBuilderBase> {
	constructor(
		readonly pg: P,
		readonly sqlite: S
	) {}

	private apply<P2, S2>(step: (builder: RuntimeBuilder) => unknown) {
		const pg = step(this.pg as unknown as RuntimeBuilder) as P2 & PgColumnBuilderBase;
		const sqlite = step(this.sqlite as unknown as RuntimeBuilder) as S2 & SQLiteColumnBuilderBase;
		return new Column(pg, sqlite);
	}

	notNull(): Column<NotNull<P>, NotNull<S>> {
		return this.apply((b) => b.notNull());
	}

	primaryKey(): Column<IsPrimaryKey<NotNull<P>>, IsPrimaryKey<NotNull<S>>> {
		return this.apply((b) => b.primaryKey());
	}

	/** A foreign key to `column` of `target` (a function, so tables may refer to each other). */
	references<T extends AnyTable>(
		target: () => T,
		column: keyof T['pg']['_']['columns'] & keyof T['sqlite']['_']['columns'] & string,
		actions?: ReferenceActions
	): Column<P, S> {
		const pg = this.pg as unknown as RuntimeBuilder;
		const sqlite = this.sqlite as unknown as RuntimeBuilder;
		pg.references(() => (target().pg as unknown as Record<string, AnyColumn>)[column] as AnyColumn, actions);
		sqlite.references(() => (target().sqlite as unknown as Record<string, AnyColumn>)[column] as AnyColumn, actions);
		return this;
	}

	/** A default the database fills in. */
	default(value: P['_']['data'] & S['_']['data']): Column<HasDefault<P>, HasDefault<S>> {
		return this.apply((b) => b.default(value));
	}

	/** A default computed in the app for every insert that leaves the column out. */
	$defaultFn(
		fn: () => P['_']['data'] & S['_']['data']
	): Column<HasRuntimeDefault<HasDefault<P>>, HasRuntimeDefault<HasDefault<S>>> {
		return this.apply((b) => b.$defaultFn(fn));
	}

	/** Narrows the TypeScript type (e.g. a branded id); the stored type stays the same. */
	$type<T>(): Column<$Type<P, T>, $Type<S, T>> {
		return this.apply((b) => b.$type());
	}
}

/**
 * The values of a check constraint's `in (…)` list, from a constant list in code (never user
 * input: the values are written into the SQL as they are).
 */
export const listOf = (values: readonly string[]) => sql.raw(values.map((value) => `'${value}'`).join(', '));

// drizzle's pg-core has no bytea column of its own; postgres.js reads and writes it as a Buffer.
const pgBytea = pgCustomType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

const pair = <P extends PgColumnBuilderBase, S extends SQLiteColumnBuilderBase>(pg: P, sqlite: S) =>
	new Column(pg, sqlite);

/** The column kinds: see the table at the top of this file. */
export const column = {
	text: <const N extends string>(name: N) => pair(pgText(name), sqliteText(name)),
	/** Text limited to `values` in TypeScript; add a check constraint for the database. */
	oneOf: <const N extends string, const V extends readonly [string, ...string[]]>(name: N, values: V) =>
		pair(pgText(name, { enum: values }), sqliteText(name, { enum: values })),
	integer: <const N extends string>(name: N) => pair(pgInteger(name), sqliteInteger(name)),
	boolean: <const N extends string>(name: N) => pair(pgBoolean(name), sqliteInteger(name, { mode: 'boolean' })),
	timestamp: <const N extends string>(name: N) =>
		pair(
			pgTimestamp(name, { mode: 'date', withTimezone: true, precision: 3 }),
			sqliteInteger(name, { mode: 'timestamp_ms' })
		),
	/** Binary data (an uploaded image's bytes): kept in the database, so backups include it. */
	bytes: <const N extends string>(name: N) => pair(pgBytea(name), sqliteBlob(name, { mode: 'buffer' }))
};

declare const extraBrand: unique symbol;
/** An index, unique index, composite primary key or check, for whichever engine is being built. */
export interface TableExtra {
	readonly [extraBrand]: true;
}

/** Indexes and constraints, written once; each engine's builders behind the same names. */
export interface ExtrasBuilder {
	index(name: string, ...columns: [AnyColumn, ...AnyColumn[]]): TableExtra;
	uniqueIndex(name: string, ...columns: [AnyColumn, ...AnyColumn[]]): TableExtra;
	primaryKey(...columns: [AnyColumn, ...AnyColumn[]]): TableExtra;
	check(name: string, condition: SQL): TableExtra;
}

type PgColumns = [PgColumn, ...PgColumn[]];
type SqliteColumns = [SQLiteColumn, ...SQLiteColumn[]];
const extra = (value: unknown) => value as TableExtra;

const pgExtras: ExtrasBuilder = {
	index: (name, ...columns) => extra(pgIndex(name).on(...(columns as PgColumns))),
	uniqueIndex: (name, ...columns) => extra(pgUniqueIndex(name).on(...(columns as PgColumns))),
	primaryKey: (...columns) => extra(pgPrimaryKey({ columns: columns as PgColumns })),
	check: (name, condition) => extra(pgCheck(name, condition))
};

const sqliteExtras: ExtrasBuilder = {
	index: (name, ...columns) => extra(sqliteIndex(name).on(...(columns as SqliteColumns))),
	uniqueIndex: (name, ...columns) => extra(sqliteUniqueIndex(name).on(...(columns as SqliteColumns))),
	primaryKey: (...columns) => extra(sqlitePrimaryKey({ columns: columns as SqliteColumns })),
	check: (name, condition) => extra(sqliteCheck(name, condition))
};

type Columns = Record<string, Column<PgColumnBuilderBase, SQLiteColumnBuilderBase>>;
type PgBuilders<C extends Columns> = { [K in keyof C]: C[K]['pg'] };
type SqliteBuilders<C extends Columns> = { [K in keyof C]: C[K]['sqlite'] };

function sideOf<C extends Columns, Side extends 'pg' | 'sqlite'>(columns: C, side: Side) {
	return Object.fromEntries(Object.entries(columns).map(([key, c]) => [key, c[side]])) as {
		[K in keyof C]: C[K][Side];
	};
}

/**
 * A table for both engines. `extras` gets the table's columns (of the engine being built)
 * and the index/constraint builders: `(t, x) => [x.uniqueIndex('users_username_key_unique', t.usernameKey)]`.
 */
export function table<const N extends string, C extends Columns>(
	name: N,
	columns: C,
	extras?: (t: { [K in keyof C]: AnyColumn }, x: ExtrasBuilder) => TableExtra[]
) {
	const pg = pgTable<N, PgBuilders<C>>(
		name,
		sideOf(columns, 'pg'),
		extras && ((t) => extras(t, pgExtras) as unknown as PgTableExtraConfigValue[])
	);
	const sqlite = sqliteTable<N, SqliteBuilders<C>>(
		name,
		sideOf(columns, 'sqlite'),
		extras && ((t) => extras(t, sqliteExtras) as unknown as ReturnType<NonNullable<Parameters<typeof sqliteTable>[2]>>)
	);
	return { name, pg, sqlite };
}

/** Any table made by `table`. */
export interface AnyTable {
	readonly name: string;
	readonly pg: PgTable;
	readonly sqlite: SQLiteTable;
}

/** True when A and B are the same type (not merely assignable either way). */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

type RowsDiffer<T extends AnyTable> =
	Same<T['pg']['$inferSelect'], T['sqlite']['$inferSelect']> extends true
		? Same<T['pg']['$inferInsert'], T['sqlite']['$inferInsert']> extends true
			? false
			: true
		: true;

/** A compile error naming every table whose rows differ between the engines. */
type RowsAgree<T extends Record<string, AnyTable>> = {
	[K in keyof T as RowsDiffer<T[K]> extends true ? K : never]: 'has different row types on SQLite and PostgreSQL';
};

/**
 * Gathers the tables of every domain into the schema (see ../schema.ts). The compiler
 * refuses a table whose SQLite and PostgreSQL rows differ.
 */
export function gatherTables<T extends Record<string, AnyTable>>(tables: T & RowsAgree<T>): T {
	return tables;
}

/** The PostgreSQL (`'pg'`) or SQLite tables of a schema, by the same keys. */
export function tablesOf<T extends Record<string, AnyTable>, Side extends 'pg' | 'sqlite'>(tables: T, side: Side) {
	return Object.fromEntries(Object.entries(tables).map(([key, t]) => [key, t[side]])) as {
		[K in keyof T]: T[K][Side];
	};
}
