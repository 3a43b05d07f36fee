/**
 * Test data made the same way everywhere: database tests and browser tests (which write
 * into the e2e server's own database, see tests/e2e/fixtures.ts) create people, sessions,
 * progress and quiz attempts through the app's own domain functions, never through forms.
 * Only the sign-up tests sign up through the form.
 */
import { randomBytes } from 'node:crypto';
import { registerUser } from '../../src/lib/server/auth/account.ts';
import type { Role } from '../../src/lib/server/auth/schemas.ts';
import { createSession } from '../../src/lib/server/auth/session.ts';
import type { Db } from '../../src/lib/server/db/database.ts';
import {
	recordLessonCompletion,
	recordLessonStart,
	recordQuizAttempt
} from '../../src/lib/server/learning/progress.ts';

export const STRONG_PASSWORD = 'Möwe Teekanne Fahrrad Elbe';

let counter = 0;
/**
 * A username no other test (in this or another test process) uses: browser tests share one
 * database across workers, so a per-process counter alone could collide.
 */
export function uniqueUsername(prefix = 'learner'): string {
	counter++;
	return `${prefix}-${counter}-${randomBytes(4).toString('hex')}`;
}

export interface UserOverrides {
	username?: string;
	role?: Role;
	password?: string;
	email?: string | null;
	locale?: string;
}

export async function makeUser(db: Db, overrides: UserOverrides = {}) {
	const result = await registerUser(db, {
		username: overrides.username ?? uniqueUsername(),
		password: overrides.password ?? STRONG_PASSWORD,
		email: overrides.email ?? null,
		locale: overrides.locale ?? 'de',
		role: overrides.role ?? 'learner'
	});
	if (!result.ok) throw new Error(`makeUser failed: ${result.error}`);
	return result.value;
}

/** A signed-in session for `userId`; `token` is the value of the session cookie. */
export async function makeSession(db: Db, userId: string, now = new Date()) {
	return createSession(db, userId, now);
}

/** A lesson started or completed by `userId` (lesson keys are `course/lesson`). */
export async function makeProgress(
	db: Db,
	userId: string,
	lessonKey: string,
	status: 'started' | 'completed' = 'completed',
	now = new Date()
): Promise<void> {
	if (status === 'completed') await recordLessonCompletion(db, userId, lessonKey, now);
	else await recordLessonStart(db, userId, lessonKey, now);
}

/** One quiz attempt with its score (0–100). */
export async function makeAttempt(
	db: Db,
	attempt: { userId: string; lessonKey: string; quizId: string; score?: number },
	now = new Date()
): Promise<void> {
	await recordQuizAttempt(db, { ...attempt, score: attempt.score ?? 100 }, now);
}
