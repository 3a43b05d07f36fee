/**
 * A learner joins a class with its code, or leaves it. Every refusal has its own message,
 * so the person knows whether to check their typing or ask for the current code.
 */
import { and, eq } from 'drizzle-orm';
import type { Result } from '../auth/account.ts';
import type { Db } from '../db/database.ts';
import { normalizeJoinCode } from './join-code.ts';
import { isClassInstructor } from './listing.ts';

export interface Joined {
	classId: string;
	name: string;
	/** False when the person was in the class already (joining twice changes nothing). */
	isNew: boolean;
}

export async function joinClassByCode(
	db: Db,
	userId: string,
	typed: string,
	now = new Date()
): Promise<Result<Joined>> {
	const code = normalizeJoinCode(typed);
	const { classes, classMembers, replacedJoinCodes } = db.t;
	const [found] = await db.orm.select().from(classes).where(eq(classes.joinCode, code));
	if (!found) {
		const [replaced] = await db.orm
			.select({ code: replacedJoinCodes.code })
			.from(replacedJoinCodes)
			.where(eq(replacedJoinCodes.code, code));
		return { ok: false, field: 'code', error: replaced ? 'classes.errors.codeReplaced' : 'classes.errors.codeUnknown' };
	}
	if (found.archivedAt) return { ok: false, field: 'code', error: 'classes.errors.codeArchived' };
	if (await isClassInstructor(db, found.id, userId)) {
		return { ok: false, field: 'code', error: 'classes.errors.ownClass' };
	}
	const inserted = await db.orm
		.insert(classMembers)
		.values({ classId: found.id, userId, joinedAt: now })
		.onConflictDoNothing()
		.returning({ classId: classMembers.classId });
	return { ok: true, value: { classId: found.id, name: found.name, isNew: inserted.length === 1 } };
}

/** Takes `userId` out of the class; false when they were not in it. */
export async function leaveClass(db: Db, userId: string, classId: string): Promise<boolean> {
	const { classMembers } = db.t;
	const removed = await db.orm
		.delete(classMembers)
		.where(and(eq(classMembers.classId, classId), eq(classMembers.userId, userId)))
		.returning({ classId: classMembers.classId });
	return removed.length === 1;
}
