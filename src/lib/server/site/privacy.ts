/** The site's part of "my data": accessibility reports (see server/privacy). */
import { eq } from 'drizzle-orm';
import type { PrivacyPart } from '../privacy/registry.ts';

export const sitePrivacy: PrivacyPart = {
	domain: 'site',
	// A report describes a barrier on the site and stays useful after its author leaves:
	// it is kept without the link to them and without the contact they gave.
	tables: { accessibilityFeedback: 'anonymise' },
	async export(db, userId) {
		const t = db.t.accessibilityFeedback;
		return {
			accessibilityFeedback: await db.orm
				.select({ page: t.page, message: t.message, contact: t.contact, createdAt: t.createdAt })
				.from(t)
				.where(eq(t.userId, userId))
		};
	},
	async erase(tx, userId) {
		const t = tx.t.accessibilityFeedback;
		await tx.orm.update(t).set({ userId: null, contact: null }).where(eq(t.userId, userId));
	}
};
