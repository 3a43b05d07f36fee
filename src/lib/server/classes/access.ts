/**
 * Who may see and change a class. An instructor sees only classes they teach (owner or
 * co-instructor) and those classes' learners; nobody else learns that a class exists, so a
 * class that is not yours is a 404, not a 403. Admins have no special sight into classes:
 * their powers are the admin area's.
 */
import { error } from '@sveltejs/kit';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/database.ts';

export type ClassRow = typeof import('./tables.ts').classes.pg.$inferSelect;
export type ClassInstructorRow = typeof import('./tables.ts').classInstructors.pg.$inferSelect;

export interface TaughtClass {
	class: ClassRow;
	/** The asking instructor's role in it. */
	role: ClassInstructorRow['role'];
}

/** The class if `userId` teaches it, else null. */
export async function findTaughtClass(db: Db, userId: string, classId: string): Promise<TaughtClass | null> {
	const [row] = await db.orm
		.select({ class: db.t.classes, role: db.t.classInstructors.role })
		.from(db.t.classes)
		.innerJoin(db.t.classInstructors, eq(db.t.classInstructors.classId, db.t.classes.id))
		.where(and(eq(db.t.classes.id, classId), eq(db.t.classInstructors.userId, userId)));
	return row ?? null;
}

/** The class `userId` teaches; 404 for every other class, existing or not. */
export async function requireTaughtClass(db: Db, userId: string, classId: string): Promise<TaughtClass> {
	const taught = await findTaughtClass(db, userId, classId);
	if (!taught) error(404, 'errors.notFound');
	return taught;
}

/** As requireTaughtClass, for changes: archived classes are read-only (409). */
export async function requireChangeableClass(db: Db, userId: string, classId: string): Promise<TaughtClass> {
	const taught = await requireTaughtClass(db, userId, classId);
	if (taught.class.archivedAt) error(409, 'errors.classArchived');
	return taught;
}

/** Whether `learnerId` is a member of `classId`. */
export async function isClassMember(db: Db, classId: string, learnerId: string): Promise<boolean> {
	const [row] = await db.orm
		.select({ userId: db.t.classMembers.userId })
		.from(db.t.classMembers)
		.where(and(eq(db.t.classMembers.classId, classId), eq(db.t.classMembers.userId, learnerId)));
	return row !== undefined;
}

/**
 * The learner in a class `instructorId` teaches; 404 when either is not so. Instructors act
 * only on learners of their own classes.
 */
export async function requireLearnerOfTaughtClass(
	db: Db,
	instructorId: string,
	classId: string,
	learnerId: string
): Promise<TaughtClass> {
	const taught = await requireTaughtClass(db, instructorId, classId);
	if (!(await isClassMember(db, classId, learnerId))) error(404, 'errors.notFound');
	return taught;
}
