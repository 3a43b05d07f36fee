/**
 * Secrets the server keeps in the database (`server_secrets`), created on first use and
 * shared by every app process: the first process to start inserts one, every process
 * reads the one that won. Kept in memory per process and database afterwards.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/database.ts';

const cache = new WeakMap<Db, Map<string, Promise<Uint8Array>>>();

/** 32 random bytes under `name`, the same in every process on this database. */
export function serverSecret(db: Db, name: string): Promise<Uint8Array> {
	let secrets = cache.get(db);
	if (!secrets) cache.set(db, (secrets = new Map()));
	let secret = secrets.get(name);
	if (!secret) {
		secret = loadOrCreate(db, name);
		secrets.set(name, secret);
		// A failed read is not kept: the next request tries again.
		secret.catch(() => secrets.delete(name));
	}
	return secret;
}

async function loadOrCreate(db: Db, name: string): Promise<Uint8Array> {
	const t = db.t.serverSecrets;
	const bytes = new Uint8Array(32);
	crypto.getRandomValues(bytes);
	await db.orm
		.insert(t)
		.values({ name, value: Buffer.from(bytes).toString('base64url'), createdAt: new Date() })
		.onConflictDoNothing();
	const [row] = await db.orm.select({ value: t.value }).from(t).where(eq(t.name, name));
	if (!row) throw new Error(`The server secret "${name}" could not be stored.`);
	return new Uint8Array(Buffer.from(row.value, 'base64url'));
}
