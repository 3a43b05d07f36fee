/**
 * The audit log's part of "my data" (see server/privacy). The log is the city's record of
 * how it moderated and administered: a deleted moderator's or admin's entries stay, without
 * the link to them ("deleted account").
 */
import { eq } from 'drizzle-orm';
import type { PrivacyPart } from '../privacy/registry.ts';

export const auditPrivacy: PrivacyPart = {
	domain: 'audit',
	tables: { auditLog: 'anonymise' },
	async export(db, userId) {
		const { auditLog } = db.t;
		return { auditLog: await db.orm.select().from(auditLog).where(eq(auditLog.actorId, userId)) };
	},
	async erase(tx, userId) {
		await tx.orm.update(tx.t.auditLog).set({ actorId: null }).where(eq(tx.t.auditLog.actorId, userId));
	}
};
