/** Notifications' part of "my data" (see server/privacy): a person's messages, deleted with them. */
import { eq } from 'drizzle-orm';
import type { PrivacyPart } from '../privacy/registry.ts';

export const notificationsPrivacy: PrivacyPart = {
	domain: 'notifications',
	tables: { notifications: 'delete' },
	async export(db, userId) {
		const { notifications } = db.t;
		return {
			notifications: await db.orm
				.select({
					kind: notifications.kind,
					params: notifications.params,
					createdAt: notifications.createdAt,
					readAt: notifications.readAt
				})
				.from(notifications)
				.where(eq(notifications.userId, userId))
		};
	},
	async erase(tx, userId) {
		await tx.orm.delete(tx.t.notifications).where(eq(tx.t.notifications.userId, userId));
	}
};
