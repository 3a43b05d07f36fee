/**
 * The schema entry drizzle-kit reads for PostgreSQL (drizzle.postgres.config.ts); nothing else imports
 * this file. drizzle-kit loads it as CommonJS and keeps each export that is a PostgreSQL table,
 * so the PostgreSQL flavour of every table gathered in ../../schema.ts becomes this module's
 * exports, by name. Adding a table therefore never means editing this file.
 */
import { postgresTables } from '../../schema.ts';

module.exports = postgresTables;
