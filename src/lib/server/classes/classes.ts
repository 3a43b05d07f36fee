/** Creating a class: the class, its join code, its first instructor and the audit entry, together. */
import type { Db } from '../db/database.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { newId } from '../db/ids.ts';
import type { ClassRow } from './access.ts';
import { auditClassChange } from './class-audit.ts';
import { newJoinCode } from './join-code.ts';

export interface NewClass {
	name: string;
	schedule: string | null;
	courseLocale: string | null;
}

// A new code collides with an existing one about once in 10^8 classes; a few tries suffice.
const JOIN_CODE_TRIES = 5;

/** Creates a class taught by `ownerId`, with a fresh join code. */
export async function createClass(db: Db, ownerId: string, input: NewClass, now = new Date()): Promise<ClassRow> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await db.transaction(async (tx) => {
				const row: ClassRow = { id: newId(), ...input, joinCode: newJoinCode(), createdAt: now, archivedAt: null };
				await tx.orm.insert(tx.t.classes).values(row);
				await tx.orm
					.insert(tx.t.classInstructors)
					.values({ classId: row.id, userId: ownerId, role: 'owner', addedAt: now });
				await auditClassChange(tx, ownerId, row.id, 'class.create', null, now);
				return row;
			});
		} catch (failure) {
			if (!isUniqueViolation(failure) || attempt >= JOIN_CODE_TRIES) throw failure;
		}
	}
}
