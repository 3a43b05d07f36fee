/** Reading the audit log (admins): newest first, filtered by action and by actor's username. */
import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../db/database.ts';

export const AUDIT_PAGE_SIZE = 50;

export interface AuditFilter {
	action: string | null;
	/** A username; entries of deleted accounts have no actor and match no username. */
	actor: string | null;
	page: number;
}

export async function listAudit(db: Db, filter: AuditFilter) {
	const { auditLog, users } = db.t;
	const where: SQL | undefined = and(
		filter.action ? eq(auditLog.action, filter.action) : undefined,
		filter.actor ? eq(users.username, filter.actor) : undefined
	);
	const [{ total } = { total: 0 }] = await db.orm
		.select({ total: count() })
		.from(auditLog)
		.leftJoin(users, eq(users.id, auditLog.actorId))
		.where(where);
	const items = await db.orm
		.select({
			id: auditLog.id,
			actor: users.username,
			action: auditLog.action,
			subjectKind: auditLog.subjectKind,
			subjectId: auditLog.subjectId,
			reason: auditLog.reason,
			note: auditLog.note,
			createdAt: auditLog.createdAt
		})
		.from(auditLog)
		.leftJoin(users, eq(users.id, auditLog.actorId))
		.where(where)
		.orderBy(desc(auditLog.createdAt), desc(auditLog.id))
		.limit(AUDIT_PAGE_SIZE)
		.offset((filter.page - 1) * AUDIT_PAGE_SIZE);
	return { items, total: Number(total), pages: Math.max(1, Math.ceil(Number(total) / AUDIT_PAGE_SIZE)) };
}

/** The actions that occur in the log, for the filter's choices. */
export async function auditActions(db: Db): Promise<string[]> {
	const { auditLog } = db.t;
	const rows = await db.orm.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action);
	return rows.map((row) => row.action);
}
