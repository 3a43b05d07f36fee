/** Test data made the same way everywhere. */
import { registerUser } from '../../src/lib/server/auth/account.ts';
import type { Role } from '../../src/lib/server/auth/schemas.ts';
import type { Db } from '../../src/lib/server/db/database.ts';

let counter = 0;
export const STRONG_PASSWORD = 'Möwe Teekanne Fahrrad Elbe';

export async function makeUser(db: Db, overrides: { username?: string; role?: Role; password?: string } = {}) {
	counter++;
	const result = await registerUser(db, {
		username: overrides.username ?? `learner${counter}`,
		password: overrides.password ?? STRONG_PASSWORD,
		locale: 'de',
		role: overrides.role ?? 'learner'
	});
	if (!result.ok) throw new Error(`makeUser failed: ${result.error}`);
	return result.value;
}
