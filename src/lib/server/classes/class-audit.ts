/**
 * The audit entry of a change to a class, written in the transaction that makes it: who,
 * which class, what, when. Details are ids and counts only: never a join code, a password
 * or a name.
 */
import { recordAudit } from '../audit/record.ts';
import type { AuditAction } from '../audit/actions.ts';
import type { Db } from '../db/database.ts';

type ClassAction = Extract<AuditAction, `class.${string}`>;

export async function auditClassChange(
	tx: Db,
	actorId: string,
	classId: string,
	action: ClassAction,
	details: Record<string, string | number> | null,
	now: Date
): Promise<void> {
	await recordAudit(tx, { actorId, action, subjectKind: 'class', subjectId: classId, details }, now);
}
