/**
 * Moderation's part of "my data" (see server/privacy). Reports, appeals and a block are
 * about the person and are deleted with them. Decisions a moderator made stay (the public
 * statistics count them) without the link to the moderator.
 */
import { eq } from 'drizzle-orm';
import type { PrivacyPart } from '../privacy/registry.ts';
import { forgetPersonLimits } from '../security/rate-limit.ts';

export const moderationPrivacy: PrivacyPart = {
	domain: 'moderation',
	tables: {
		moderationReports: 'delete',
		moderationAppeals: 'delete',
		accountBlocks: 'delete',
		moderationDecisions: 'anonymise'
	},
	async export(db, userId) {
		const { moderationReports: reports, moderationAppeals: appeals, accountBlocks: blocks } = db.t;
		const { moderationDecisions: decisions } = db.t;
		return {
			moderationReports: await db.orm.select().from(reports).where(eq(reports.reporterId, userId)),
			moderationAppeals: await db.orm.select().from(appeals).where(eq(appeals.authorId, userId)),
			accountBlocks: await db.orm
				.select({ reason: blocks.reason, note: blocks.note, createdAt: blocks.createdAt })
				.from(blocks)
				.where(eq(blocks.userId, userId)),
			moderationDecisions: await db.orm.select().from(decisions).where(eq(decisions.moderatorId, userId))
		};
	},
	async erase(tx, userId) {
		const { moderationReports: reports, moderationAppeals: appeals, accountBlocks: blocks } = tx.t;
		const { moderationDecisions: decisions } = tx.t;
		await tx.orm.delete(reports).where(eq(reports.reporterId, userId));
		await tx.orm.delete(appeals).where(eq(appeals.authorId, userId));
		await tx.orm.update(appeals).set({ decidedBy: null }).where(eq(appeals.decidedBy, userId));
		await tx.orm.delete(blocks).where(eq(blocks.userId, userId));
		await tx.orm.update(blocks).set({ blockedBy: null }).where(eq(blocks.blockedBy, userId));
		await tx.orm.update(decisions).set({ moderatorId: null }).where(eq(decisions.moderatorId, userId));
		await forgetPersonLimits(tx, userId, ['report']);
	}
};
