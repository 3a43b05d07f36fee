/**
 * An instructor gives a learner of their class a new one-time password (a new login card),
 * which signs the learner out everywhere. Only learners: never another instructor, a
 * moderator or an admin, even one who joined the class.
 */
import { error } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { resetToOneTimePassword } from '../auth/one-time-password.ts';
import type { Db } from '../db/database.ts';
import { requireLearnerOfTaughtClass, type TaughtClass } from './access.ts';

export interface ResettableLearner {
	taught: TaughtClass;
	learner: { id: string; username: string; displayName: string | null };
}

/** The learner whose password `instructorId` may reset; 404 outside their classes, 403 for other roles. */
export async function requireResettableLearner(
	db: Db,
	instructorId: string,
	classId: string,
	learnerId: string
): Promise<ResettableLearner> {
	const taught = await requireLearnerOfTaughtClass(db, instructorId, classId, learnerId);
	const [learner] = await db.orm
		.select({
			id: db.t.users.id,
			username: db.t.users.username,
			displayName: db.t.users.displayName,
			role: db.t.users.role
		})
		.from(db.t.users)
		.where(eq(db.t.users.id, learnerId));
	if (!learner) error(404, 'errors.notFound');
	if (learner.role !== 'learner') error(403, 'errors.forbidden');
	return { taught, learner: { id: learner.id, username: learner.username, displayName: learner.displayName } };
}

/**
 * Resets the learner to a new one-time password, to be shown once; checks as above first.
 * Audited as the learner's, with the class it was done from.
 */
export async function resetLearnerPassword(
	db: Db,
	instructorId: string,
	classId: string,
	learnerId: string,
	now = new Date()
): Promise<ResettableLearner & { oneTimePassword: string }> {
	const resettable = await requireResettableLearner(db, instructorId, classId, learnerId);
	const oneTimePassword = await resetToOneTimePassword(
		db,
		learnerId,
		{
			actorId: instructorId,
			action: 'class.learner_password_reset',
			subjectKind: 'user',
			subjectId: learnerId,
			details: { classId }
		},
		now
	);
	return { ...resettable, oneTimePassword };
}
