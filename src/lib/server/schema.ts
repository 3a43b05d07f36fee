/**
 * The schema: every domain's tables, gathered. A new domain adds one line here (its
 * `tables.ts`); a new table is added to its domain's `tables.ts` and needs nothing here.
 * See db/README.md.
 */
import * as audit from './audit/tables.ts';
import * as auth from './auth/tables.ts';
import * as classes from './classes/tables.ts';
import { gatherTables, tablesOf } from './db/table-builder.ts';
import * as learning from './learning/tables.ts';
import * as moderation from './moderation/tables.ts';
import * as notifications from './notifications/tables.ts';
import * as participation from './participation/tables.ts';
import * as security from './security/tables.ts';
import * as site from './site/tables.ts';
import * as studio from './studio/tables.ts';

export const tables = gatherTables({
	...audit,
	...auth,
	...classes,
	...learning,
	...moderation,
	...notifications,
	...participation,
	...security,
	...site,
	...studio
});

/** The PostgreSQL flavour of every table, by the names domain code uses (`db.t.users`). */
export const postgresTables = tablesOf(tables, 'pg');
/** The SQLite flavour of every table, by the same names. */
export const sqliteTables = tablesOf(tables, 'sqlite');
