/** A class with something to report: learners with names in several scripts, assignments, progress, attempts. */
import { eq } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db/database.ts';
import { makeAssignment, makeClass, makeMember } from './class-factories.ts';
import { makeAttempt, makeProgress, makeUser } from './factories.ts';

const DAY = 86_400_000;

export const REPORT_LEARNER_NAMES = ['Ayşe Yılmaz', 'فاطمة الزهراء', 'Олена Коваль', 'Jan Kowalski'];

/**
 * A class taught by `instructorId` (a new instructor unless given), with `first-steps` assigned
 * and one lesson due in the past; `learnerId` (if given) is one of its learners, with progress.
 */
export async function makeReportedClass(
	db: Db,
	options: { instructorId?: string; learnerId?: string; name?: string } = {}
) {
	const now = Date.now();
	const group = await makeClass(db, {
		instructorId: options.instructorId,
		name: options.name ?? 'Dienstagsgruppe',
		now: new Date(now - 30 * DAY)
	});
	await makeAssignment(db, group.id, 'first-steps', { now: new Date(now - 20 * DAY) });
	await makeAssignment(db, group.id, 'safe-online/strong-passwords', {
		dueAt: new Date(now - 2 * DAY),
		now: new Date(now - 19 * DAY)
	});
	const learnerIds: string[] = [];
	for (const name of REPORT_LEARNER_NAMES) {
		const user = await makeUser(db);
		await db.orm.update(db.t.users).set({ displayName: name }).where(eq(db.t.users.id, user.id));
		learnerIds.push(user.id);
	}
	if (options.learnerId) learnerIds.push(options.learnerId);
	for (const id of learnerIds) await makeMember(db, group.id, id, new Date(now - 25 * DAY));
	const [active, struggling] = learnerIds.slice(-2);
	for (const id of [active!, learnerIds[0]!]) {
		await makeProgress(db, id, 'first-steps/the-device', 'completed', new Date(now - DAY));
		await makeProgress(db, id, 'first-steps/keyboard', 'started', new Date(now - DAY));
		await makeAttempt(db, { userId: id, lessonKey: 'first-steps/the-device', quizId: 'charging-signs', score: 100 });
	}
	for (let i = 0; i < 3; i++)
		await makeAttempt(db, { userId: struggling!, lessonKey: 'first-steps/keyboard', quizId: 'shift-key', score: 0 });
	return { ...group, learnerIds };
}
