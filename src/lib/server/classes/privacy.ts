/**
 * The classes domain's part of "my data" (see server/privacy): the classes a person is in and
 * teaches, and what they assigned. Deleting the account takes them out of every class; what
 * they assigned stays for the class, without their name. A class whose owner leaves passes
 * to its longest-serving co-instructor. Their count of join-code tries goes too.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { PrivacyPart } from '../privacy/registry.ts';
import { forgetPersonLimits } from '../security/rate-limit.ts';
import { JOIN_LIMIT_ACTION } from './join-limit.ts';

export const classesPrivacy: PrivacyPart = {
	domain: 'classes',
	tables: { classMembers: 'delete', classInstructors: 'delete', assignments: 'anonymise' },
	async export(db, userId) {
		const { classes, classMembers, classInstructors, assignments } = db.t;
		return {
			classMembers: await db.orm
				.select({ classId: classMembers.classId, className: classes.name, joinedAt: classMembers.joinedAt })
				.from(classMembers)
				.innerJoin(classes, eq(classes.id, classMembers.classId))
				.where(eq(classMembers.userId, userId)),
			classInstructors: await db.orm
				.select({
					classId: classInstructors.classId,
					className: classes.name,
					role: classInstructors.role,
					addedAt: classInstructors.addedAt
				})
				.from(classInstructors)
				.innerJoin(classes, eq(classes.id, classInstructors.classId))
				.where(eq(classInstructors.userId, userId)),
			assignments: await db.orm
				.select({
					classId: assignments.classId,
					kind: assignments.kind,
					target: assignments.target,
					dueAt: assignments.dueAt,
					note: assignments.note,
					createdAt: assignments.createdAt
				})
				.from(assignments)
				.where(eq(assignments.assignedByUserId, userId))
		};
	},
	async erase(tx, userId) {
		const { classInstructors, classMembers, assignments } = tx.t;
		const owned = await tx.orm
			.select({ classId: classInstructors.classId })
			.from(classInstructors)
			.where(and(eq(classInstructors.userId, userId), eq(classInstructors.role, 'owner')));
		await tx.orm.delete(classInstructors).where(eq(classInstructors.userId, userId));
		for (const { classId } of owned) {
			const [successor] = await tx.orm
				.select({ userId: classInstructors.userId })
				.from(classInstructors)
				.where(eq(classInstructors.classId, classId))
				.orderBy(asc(classInstructors.addedAt), asc(classInstructors.userId))
				.limit(1);
			if (successor) {
				await tx.orm
					.update(classInstructors)
					.set({ role: 'owner' })
					.where(and(eq(classInstructors.classId, classId), eq(classInstructors.userId, successor.userId)));
			}
		}
		await tx.orm.delete(classMembers).where(eq(classMembers.userId, userId));
		await tx.orm.update(assignments).set({ assignedByUserId: null }).where(eq(assignments.assignedByUserId, userId));
		await forgetPersonLimits(tx, userId, [JOIN_LIMIT_ACTION]);
	}
};
