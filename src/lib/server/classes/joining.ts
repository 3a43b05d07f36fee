/**
 * A learner joins a class with its code, or leaves it. Every refusal has its own message,
 * so the person knows whether to check their typing or ask for the current code.
 *
 * Every look-up of a code counts against a limit (./join-limit.ts) before the code is read,
 * wrong codes included: per person when signed in, per address for guests. Past the limit
 * even the right code is refused, so guessing codes tells nothing.
 */
import { and, eq } from 'drizzle-orm';
import type { Result } from '../auth/account.ts';
import type { Db } from '../db/database.ts';
import type { ClassRow } from './access.ts';
import { normalizeJoinCode } from './join-code.ts';
import { hitJoinLimit, type JoinAttempt } from './join-limit.ts';
import { isClassInstructor } from './listing.ts';

export interface Joined {
	classId: string;
	name: string;
	/** False when the person was in the class already (joining twice changes nothing). */
	isNew: boolean;
}

/**
 * The open class a typed code belongs to, or why the code is refused; `until` says when a
 * person or address that tried too often may try again.
 */
export async function findJoinableClass(
	db: Db,
	typed: string,
	attempt: JoinAttempt,
	now = new Date()
): Promise<Result<ClassRow>> {
	const limit = await hitJoinLimit(db, attempt, now);
	if (!limit.allowed) return { ok: false, field: 'code', error: 'classes.errors.tooManyTries', until: limit.retryAt! };
	const code = normalizeJoinCode(typed);
	const { classes, replacedJoinCodes } = db.t;
	const [found] = await db.orm.select().from(classes).where(eq(classes.joinCode, code));
	if (!found) {
		const [replaced] = await db.orm
			.select({ code: replacedJoinCodes.code })
			.from(replacedJoinCodes)
			.where(eq(replacedJoinCodes.code, code));
		return { ok: false, field: 'code', error: replaced ? 'classes.errors.codeReplaced' : 'classes.errors.codeUnknown' };
	}
	if (found.archivedAt) return { ok: false, field: 'code', error: 'classes.errors.codeArchived' };
	return { ok: true, value: found };
}

export async function joinClassByCode(
	db: Db,
	userId: string,
	typed: string,
	now = new Date()
): Promise<Result<Joined>> {
	const found = await findJoinableClass(db, typed, { userId }, now);
	if (!found.ok) return found;
	const { id: classId, name } = found.value;
	if (await isClassInstructor(db, classId, userId)) {
		return { ok: false, field: 'code', error: 'classes.errors.ownClass' };
	}
	const inserted = await db.orm
		.insert(db.t.classMembers)
		.values({ classId, userId, joinedAt: now })
		.onConflictDoNothing()
		.returning({ classId: db.t.classMembers.classId });
	return { ok: true, value: { classId, name, isNew: inserted.length === 1 } };
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
