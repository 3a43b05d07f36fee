/**
 * Changing a class: its name, schedule and course language; archiving it (read-only, its
 * reports stay) and opening it again; a new join code (the old one stops working). All but
 * the name and schedule are audited, with who did it (`actorId`).
 */
import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { isUniqueViolation } from '../db/errors.ts';
import type { ClassRow } from './access.ts';
import { auditClassChange } from './class-audit.ts';
import type { NewClass } from './classes.ts';
import { newJoinCode } from './join-code.ts';

/** Saves name, schedule and course language of an open class; false when it is archived (or gone). */
export async function updateClass(db: Db, classId: string, input: NewClass): Promise<boolean> {
	const { classes } = db.t;
	const changed = await db.orm
		.update(classes)
		.set(input)
		.where(and(eq(classes.id, classId), isNull(classes.archivedAt)))
		.returning({ id: classes.id });
	return changed.length === 1;
}

/** Archives the class: nothing about it can change any more, its join code is refused. */
export async function archiveClass(db: Db, actorId: string, classId: string, now = new Date()): Promise<void> {
	await setArchived(db, actorId, classId, true, now);
}

/** Opens an archived class again (an instructor archived it by mistake, or the course goes on). */
export async function unarchiveClass(db: Db, actorId: string, classId: string, now = new Date()): Promise<void> {
	await setArchived(db, actorId, classId, false, now);
}

/** Archives or opens the class, audited only when that changes it. */
async function setArchived(db: Db, actorId: string, classId: string, archived: boolean, now: Date): Promise<void> {
	await db.transaction(async (tx) => {
		const { classes } = tx.t;
		const changed = await tx.orm
			.update(classes)
			.set({ archivedAt: archived ? now : null })
			.where(and(eq(classes.id, classId), archived ? isNull(classes.archivedAt) : isNotNull(classes.archivedAt)))
			.returning({ id: classes.id });
		if (changed.length) {
			await auditClassChange(tx, actorId, classId, archived ? 'class.archive' : 'class.unarchive', null, now);
		}
	});
}

const JOIN_CODE_TRIES = 5;

/**
 * Gives the class a new join code; the old one is remembered as replaced. Returns the new
 * code (the audit entry names neither).
 */
export async function regenerateJoinCode(db: Db, actorId: string, taught: ClassRow, now = new Date()): Promise<string> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await db.transaction(async (tx) => {
				const { classes, replacedJoinCodes } = tx.t;
				const [current] = await tx.orm
					.select({ joinCode: classes.joinCode })
					.from(classes)
					.where(eq(classes.id, taught.id));
				const code = newJoinCode();
				await tx.orm.update(classes).set({ joinCode: code }).where(eq(classes.id, taught.id));
				if (current) {
					await tx.orm
						.insert(replacedJoinCodes)
						.values({ code: current.joinCode, classId: taught.id, replacedAt: now })
						.onConflictDoUpdate({
							target: replacedJoinCodes.code,
							set: { classId: taught.id, replacedAt: now }
						});
				}
				await auditClassChange(tx, actorId, taught.id, 'class.join_code_regenerate', null, now);
				return code;
			});
		} catch (failure) {
			if (!isUniqueViolation(failure) || attempt >= JOIN_CODE_TRIES) throw failure;
		}
	}
}
