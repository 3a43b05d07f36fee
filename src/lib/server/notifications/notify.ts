/**
 * Telling a person something in their account (no e-mail needed). Call it inside the
 * transaction that causes it. The text is not stored: the notifications page words each
 * kind in the reader's language from `params`.
 */
import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import type { NotificationKind, NotificationParamsByKind } from './kinds.ts';

export async function notify<K extends NotificationKind>(
	db: Db,
	userIds: string | readonly string[],
	kind: K,
	params: NotificationParamsByKind[K],
	now = new Date()
): Promise<void> {
	const recipients = [...new Set(typeof userIds === 'string' ? [userIds] : userIds)];
	if (recipients.length === 0) return;
	await db.orm.insert(db.t.notifications).values(
		recipients.map((userId) => ({
			id: newId(),
			userId,
			kind,
			params: JSON.stringify(params),
			createdAt: now,
			readAt: null
		}))
	);
}

/** For the header: how many notifications the person has not read yet. */
export async function countUnread(db: Db, userId: string): Promise<number> {
	const { notifications } = db.t;
	const [row] = await db.orm
		.select({ unread: count() })
		.from(notifications)
		.where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
	return row?.unread ?? 0;
}

/** Marks the given notifications (or all) of the person as read; others' ids are ignored. */
export async function markRead(
	db: Db,
	userId: string,
	ids: readonly string[] | 'all',
	now = new Date()
): Promise<void> {
	const { notifications } = db.t;
	const mine = and(eq(notifications.userId, userId), isNull(notifications.readAt));
	await db.orm
		.update(notifications)
		.set({ readAt: now })
		.where(ids === 'all' ? mine : and(mine, inArray(notifications.id, [...ids])));
}
