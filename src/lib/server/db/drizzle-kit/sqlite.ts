/**
 * The schema entry drizzle-kit reads for SQLite (drizzle.sqlite.config.ts); nothing else imports
 * this file. drizzle-kit loads it as CommonJS and keeps each export that is a SQLite table,
 * so the SQLite flavour of every table gathered in ../../schema.ts becomes this module's
 * exports, by name. Adding a table therefore never means editing this file.
 */
import { sqliteTables } from '../../schema.ts';

module.exports = sqliteTables;
