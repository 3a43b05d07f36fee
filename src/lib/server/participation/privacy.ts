/**
 * Participation's part of "my data" (see server/privacy). Supports are the person's private
 * choice: withdrawn on deletion. Published and hidden comments and proposals belong to the
 * public discussion: they stay, shown as by "deleted account". Posts still waiting for their
 * first review were never public and are deleted.
 */
import { and, eq } from 'drizzle-orm';
import type { PrivacyPart } from '../privacy/registry.ts';
import { forgetPersonLimits } from '../security/rate-limit.ts';

export const participationPrivacy: PrivacyPart = {
	domain: 'participation',
	tables: { participationSupports: 'delete', participationComments: 'anonymise', participationProposals: 'anonymise' },
	async export(db, userId) {
		const {
			participationSupports: supports,
			participationComments: comments,
			participationProposals: proposals
		} = db.t;
		return {
			participationSupports: await db.orm.select().from(supports).where(eq(supports.userId, userId)),
			participationComments: await db.orm.select().from(comments).where(eq(comments.authorId, userId)),
			participationProposals: await db.orm.select().from(proposals).where(eq(proposals.authorId, userId))
		};
	},
	async erase(tx, userId) {
		const {
			participationSupports: supports,
			participationComments: comments,
			participationProposals: proposals
		} = tx.t;
		await tx.orm.delete(supports).where(eq(supports.userId, userId));
		await tx.orm.delete(comments).where(and(eq(comments.authorId, userId), eq(comments.state, 'pending')));
		await tx.orm.delete(proposals).where(and(eq(proposals.authorId, userId), eq(proposals.state, 'pending')));
		await tx.orm.update(comments).set({ authorId: null }).where(eq(comments.authorId, userId));
		await tx.orm.update(proposals).set({ authorId: null }).where(eq(proposals.authorId, userId));
		await forgetPersonLimits(tx, userId, ['comment', 'proposal']);
	}
};
