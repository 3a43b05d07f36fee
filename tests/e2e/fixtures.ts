/**
 * Browser-test fixtures. `appDb` is the e2e server's own SQLite database (the file
 * scripts/e2e-server.js serves), opened from the test process with the app's functions, so
 * a test can create a signed-in person in a few milliseconds instead of signing up through
 * the form (about a second, and not what most tests are about).
 */
import { test as base, type BrowserContext } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { SESSION_COOKIE } from '../../src/lib/server/auth/session.ts';
import { openDatabase, type Db } from '../../src/lib/server/db/database.ts';
import { makeSession, makeUser, type UserOverrides } from '../helpers/factories.ts';
import { BASE_URL } from './helpers';

/** The same file as in scripts/e2e-server.js. */
export const E2E_DATABASE_URL = `file:${fileURLToPath(new URL('../../data/e2e.db', import.meta.url))}`;

export type SignedIn = Awaited<ReturnType<typeof makeUser>>;

/** Creates a person and a session in the app's database and puts the session cookie on `context`. */
export async function signInNewUser(db: Db, context: BrowserContext, overrides: UserOverrides = {}): Promise<SignedIn> {
	const user = await makeUser(db, overrides);
	const { token, session } = await makeSession(db, user.id);
	// As setSessionCookie (src/lib/server/auth/cookies.ts) sets it over http.
	await context.addCookies([
		{
			name: SESSION_COOKIE,
			value: token,
			url: BASE_URL,
			httpOnly: true,
			sameSite: 'Lax',
			expires: Math.floor(session.expiresAt.getTime() / 1000)
		}
	]);
	return user;
}

export const test = base.extend<{ signIn: (overrides?: UserOverrides) => Promise<SignedIn> }, { appDb: Db }>({
	appDb: [
		async ({ playwright: _playwright }, use) => {
			const db = await openDatabase(E2E_DATABASE_URL);
			await use(db);
			await db.close();
		},
		{ scope: 'worker' }
	],
	/** Signs the test's own context in as a new person (a learner unless `role` says otherwise). */
	signIn: async ({ appDb, context }, use) => {
		await use((overrides) => signInNewUser(appDb, context, overrides));
	}
});

export { expect } from '@playwright/test';
