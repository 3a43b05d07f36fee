/** Which classes a person teaches or belongs to, and who is in one class. */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Role } from '../../roles.ts';
import type { Db } from '../db/database.ts';
import type { ClassInstructorRow, ClassRow } from './access.ts';

export interface TaughtClassSummary {
	class: ClassRow;
	role: ClassInstructorRow['role'];
	learners: number;
}

/** The classes `userId` teaches: open ones first, newest first. */
export async function listTaughtClasses(db: Db, userId: string): Promise<TaughtClassSummary[]> {
	const { classes, classInstructors, classMembers } = db.t;
	const rows = await db.orm
		.select({ class: classes, role: classInstructors.role })
		.from(classes)
		.innerJoin(classInstructors, eq(classInstructors.classId, classes.id))
		.where(eq(classInstructors.userId, userId))
		.orderBy(sql`${classes.archivedAt} is not null`, desc(classes.createdAt), asc(classes.id));
	if (rows.length === 0) return [];
	const counts = await db.orm
		.select({ classId: classMembers.classId, n: sql<number>`count(*)` })
		.from(classMembers)
		.where(
			inArray(
				classMembers.classId,
				rows.map((row) => row.class.id)
			)
		)
		.groupBy(classMembers.classId);
	const byClass = new Map(counts.map((row) => [row.classId, Number(row.n)]));
	return rows.map((row) => ({ ...row, learners: byClass.get(row.class.id) ?? 0 }));
}

export interface JoinedClass {
	id: string;
	name: string;
	schedule: string | null;
	archived: boolean;
	joinedAt: Date;
}

/** The classes `userId` is a learner in, most recently joined first. */
export async function listJoinedClasses(db: Db, userId: string): Promise<JoinedClass[]> {
	const { classes, classMembers } = db.t;
	const rows = await db.orm
		.select({
			id: classes.id,
			name: classes.name,
			schedule: classes.schedule,
			archivedAt: classes.archivedAt,
			joinedAt: classMembers.joinedAt
		})
		.from(classMembers)
		.innerJoin(classes, eq(classes.id, classMembers.classId))
		.where(eq(classMembers.userId, userId))
		.orderBy(desc(classMembers.joinedAt), asc(classes.id));
	return rows.map(({ archivedAt, ...row }) => ({ ...row, archived: archivedAt !== null }));
}

export interface ClassPerson {
	userId: string;
	username: string;
	displayName: string | null;
}

export interface ClassLearner extends ClassPerson {
	/** A member who is an instructor, moderator or admin elsewhere keeps that role: instructors may reset only learners. */
	role: Role;
	/** True until the person has signed in and set a password of their own. */
	waitingForFirstSignIn: boolean;
	joinedAt: Date;
}

/** The learners of a class, by the name they are shown with (display name, else username). */
export async function listClassLearners(db: Db, classId: string): Promise<ClassLearner[]> {
	const { users, classMembers } = db.t;
	return db.orm
		.select({
			userId: users.id,
			username: users.username,
			displayName: users.displayName,
			role: users.role,
			waitingForFirstSignIn: users.mustChangePassword,
			joinedAt: classMembers.joinedAt
		})
		.from(classMembers)
		.innerJoin(users, eq(users.id, classMembers.userId))
		.where(eq(classMembers.classId, classId))
		.orderBy(sql`coalesce(${users.displayName}, ${users.username})`, asc(users.id));
}

/** The instructors of a class: the owner first, then co-instructors in the order they were added. */
export async function listClassInstructors(
	db: Db,
	classId: string
): Promise<(ClassPerson & { role: ClassInstructorRow['role'] })[]> {
	const { users, classInstructors } = db.t;
	return db.orm
		.select({
			userId: users.id,
			username: users.username,
			displayName: users.displayName,
			role: classInstructors.role
		})
		.from(classInstructors)
		.innerJoin(users, eq(users.id, classInstructors.userId))
		.where(eq(classInstructors.classId, classId))
		.orderBy(sql`${classInstructors.role} = 'co'`, asc(classInstructors.addedAt), asc(users.id));
}

/** Whether `userId` is an instructor of `classId`. */
export async function isClassInstructor(db: Db, classId: string, userId: string): Promise<boolean> {
	const { classInstructors } = db.t;
	const [row] = await db.orm
		.select({ userId: classInstructors.userId })
		.from(classInstructors)
		.where(and(eq(classInstructors.classId, classId), eq(classInstructors.userId, userId)));
	return row !== undefined;
}
