/**
 * Writing the audit log: every moderator and admin action calls this inside the transaction
 * that makes the change, so there is no change without its entry and no entry without it.
 */
import type { Db } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import type { AuditAction } from './actions.ts';

export interface AuditEntry {
	actorId: string;
	/** What was done, "<subject>.<verb>", e.g. "comment.hide", "project.update" (see ./actions.ts). */
	action: AuditAction;
	subjectKind: string;
	subjectId: string;
	reason?: string | null;
	note?: string | null;
	/** What changed (ids, field names, languages); no personal data beyond ids. */
	details?: Record<string, unknown> | null;
}

export async function recordAudit(db: Db, entry: AuditEntry, now = new Date()): Promise<void> {
	await db.orm.insert(db.t.auditLog).values({
		id: newId(),
		actorId: entry.actorId,
		action: entry.action,
		subjectKind: entry.subjectKind,
		subjectId: entry.subjectId,
		reason: entry.reason ?? null,
		note: entry.note ?? null,
		details: entry.details ? JSON.stringify(entry.details) : null,
		createdAt: now
	});
}
