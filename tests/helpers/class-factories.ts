/** Classes, their members and assignments, made through the classes domain's own functions. */
import { createClass } from '../../src/lib/server/classes/classes.ts';
import type { Db } from '../../src/lib/server/db/database.ts';
import { newId } from '../../src/lib/server/db/ids.ts';
import { makeUser, uniqueUsername } from './factories.ts';

/** An instructor (a new account unless given) and a class they own. */
export async function makeClass(
	db: Db,
	options: { instructorId?: string; name?: string; courseLocale?: string | null; now?: Date } = {}
) {
	const instructorId =
		options.instructorId ?? (await makeUser(db, { role: 'instructor', username: uniqueUsername('instructor') })).id;
	const row = await createClass(
		db,
		instructorId,
		{
			name: options.name ?? `Class ${uniqueUsername('c')}`,
			schedule: null,
			courseLocale: options.courseLocale ?? null
		},
		options.now
	);
	return { ...row, instructorId };
}

/** `userId` as a learner of `classId`. */
export async function makeMember(db: Db, classId: string, userId: string, now = new Date()): Promise<void> {
	await db.orm.insert(db.t.classMembers).values({ classId, userId, joinedAt: now });
}

/** `userId` as a co-instructor of `classId`. */
export async function makeCoInstructor(db: Db, classId: string, userId: string, now = new Date()): Promise<void> {
	await db.orm.insert(db.t.classInstructors).values({ classId, userId, role: 'co', addedAt: now });
}

/** An assignment of a course ("course-id") or a lesson ("course-id/lesson-id"). */
export async function makeAssignment(
	db: Db,
	classId: string,
	target: string,
	options: { dueAt?: Date | null; note?: string | null; now?: Date } = {}
) {
	const row = {
		id: newId(),
		classId,
		kind: target.includes('/') ? ('lesson' as const) : ('course' as const),
		target,
		dueAt: options.dueAt ?? null,
		note: options.note ?? null,
		assignedByUserId: null,
		createdAt: options.now ?? new Date()
	};
	await db.orm.insert(db.t.assignments).values(row);
	return row;
}
