/**
 * Changing a class: its name, schedule and course language; archiving it (read-only, its
 * reports stay) and opening it again; a new join code (the old one stops working).
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { isUniqueViolation } from '../db/errors.ts';
import type { ClassRow } from './access.ts';
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
export async function archiveClass(db: Db, classId: string, now = new Date()): Promise<void> {
	const { classes } = db.t;
	await db.orm
		.update(classes)
		.set({ archivedAt: now })
		.where(and(eq(classes.id, classId), isNull(classes.archivedAt)));
}

/** Opens an archived class again (an instructor archived it by mistake, or the course goes on). */
export async function unarchiveClass(db: Db, classId: string): Promise<void> {
	await db.orm.update(db.t.classes).set({ archivedAt: null }).where(eq(db.t.classes.id, classId));
}

const JOIN_CODE_TRIES = 5;

/** Gives the class a new join code; the old one is remembered as replaced. Returns the new code. */
export async function regenerateJoinCode(db: Db, taught: ClassRow, now = new Date()): Promise<string> {
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
				return code;
			});
		} catch (failure) {
			if (!isUniqueViolation(failure) || attempt >= JOIN_CODE_TRIES) throw failure;
		}
	}
}
