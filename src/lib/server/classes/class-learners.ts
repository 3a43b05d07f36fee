/**
 * The learners of a class as their instructors see them on the learners page: name,
 * username, and whether they have replaced their one-time password yet. Nothing more.
 */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/database.ts';

export async function listClassLearners(db: Db, classId: string) {
	const { users, classMembers } = db.t;
	return db.orm
		.select({
			userId: users.id,
			username: users.username,
			displayName: users.displayName,
			role: users.role,
			// True until the person has signed in and set a password of their own.
			waitingForFirstSignIn: users.mustChangePassword,
			joinedAt: classMembers.joinedAt
		})
		.from(classMembers)
		.innerJoin(users, eq(users.id, classMembers.userId))
		.where(eq(classMembers.classId, classId))
		.orderBy(asc(users.displayName), asc(users.username));
}
