/**
 * Co-instructors: the owner and co-instructors teach a class together. Anyone who teaches it
 * may add a colleague by username (who must be an instructor or admin); only the owner removes
 * one, and the owner cannot be removed. Both are audited, with who did it (`actorId`).
 */
import { and, eq } from 'drizzle-orm';
import { findUserByUsername, type Result } from '../auth/account.ts';
import type { Db } from '../db/database.ts';
import { isUniqueViolation } from '../db/errors.ts';
import type { TaughtClass } from './access.ts';
import { isClassMember } from './access.ts';
import { auditClassChange } from './class-audit.ts';

const MAY_TEACH = new Set(['instructor', 'admin']);

export async function addCoInstructor(
	db: Db,
	actorId: string,
	taught: TaughtClass,
	username: string,
	now = new Date()
): Promise<Result<{ userId: string; username: string }>> {
	const person = await findUserByUsername(db, username);
	if (!person) return { ok: false, field: 'username', error: 'classes.errors.unknownUser' };
	if (!MAY_TEACH.has(person.role)) return { ok: false, field: 'username', error: 'classes.errors.notInstructor' };
	if (await isClassMember(db, taught.class.id, person.id)) {
		return { ok: false, field: 'username', error: 'classes.errors.isLearner' };
	}
	try {
		await db.transaction(async (tx) => {
			await tx.orm
				.insert(tx.t.classInstructors)
				.values({ classId: taught.class.id, userId: person.id, role: 'co', addedAt: now });
			await auditClassChange(tx, actorId, taught.class.id, 'class.co_instructor_add', { userId: person.id }, now);
		});
	} catch (failure) {
		if (isUniqueViolation(failure)) return { ok: false, field: 'username', error: 'classes.errors.alreadyInstructor' };
		throw failure;
	}
	return { ok: true, value: { userId: person.id, username: person.username } };
}

export async function removeCoInstructor(
	db: Db,
	actorId: string,
	taught: TaughtClass,
	userId: string,
	now = new Date()
): Promise<Result<null>> {
	if (taught.role !== 'owner') return { ok: false, error: 'classes.errors.ownerOnly' };
	return db.transaction(async (tx) => {
		const { classInstructors } = tx.t;
		const removed = await tx.orm
			.delete(classInstructors)
			.where(
				and(
					eq(classInstructors.classId, taught.class.id),
					eq(classInstructors.userId, userId),
					eq(classInstructors.role, 'co')
				)
			)
			.returning({ userId: classInstructors.userId });
		if (removed.length === 0) return { ok: false, error: 'classes.errors.notCoInstructor' };
		await auditClassChange(tx, actorId, taught.class.id, 'class.co_instructor_remove', { userId }, now);
		return { ok: true, value: null };
	});
}
