// `npm run db:migrate`: brings the database named by DATABASE_URL (default ./data/lotse.db)
// up to date. The server also does this on start; this is for deployments that migrate first.
import { DEFAULT_DATABASE_URL, openDatabase } from '../src/lib/server/db/database.ts';

const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
const db = await openDatabase(url);
await db.close();
console.log(`Database is up to date (${db.dialect}).`);
