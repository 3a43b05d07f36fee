/**
 * A person's notifications for their account page, newest first, with what the page needs
 * to word each one in the reader's language: the parameters, the titles of the projects
 * they name (in the reader's language, German when missing), and for a hidden or rejected
 * post whether it can still be appealed.
 */
import { and, count, desc, eq, inArray } from 'drizzle-orm';
import type { Locale } from '../../i18n/locales.ts';
import type { Db } from '../db/database.ts';
import { pickLocalized } from '../participation/localized-text.ts';
import type { NotificationKind } from './kinds.ts';

export const NOTIFICATIONS_PAGE_SIZE = 20;

export interface NotificationItem {
	id: string;
	kind: NotificationKind;
	params: Record<string, string>;
	createdAt: Date;
	unread: boolean;
	/** For project_timeline and project_result: the project's title and the language it is shown in. */
	project: { title: string; lang: string; fallback: boolean } | null;
}

function parseParams(text: string): Record<string, string> {
	try {
		const value: unknown = JSON.parse(text);
		if (!value || typeof value !== 'object') return {};
		return Object.fromEntries(
			Object.entries(value as Record<string, unknown>).filter(
				(entry): entry is [string, string] => typeof entry[1] === 'string'
			)
		);
	} catch {
		return {};
	}
}

export async function listNotifications(
	db: Db,
	userId: string,
	locale: Locale,
	page = 1
): Promise<{ items: NotificationItem[]; total: number; pages: number }> {
	const { notifications, participationProjects: projects, participationProjectTexts: texts } = db.t;
	const [{ total } = { total: 0 }] = await db.orm
		.select({ total: count() })
		.from(notifications)
		.where(eq(notifications.userId, userId));
	const rows = await db.orm
		.select()
		.from(notifications)
		.where(eq(notifications.userId, userId))
		.orderBy(desc(notifications.createdAt), desc(notifications.id))
		.limit(NOTIFICATIONS_PAGE_SIZE)
		.offset((page - 1) * NOTIFICATIONS_PAGE_SIZE);
	const items = rows.map((row) => ({
		id: row.id,
		kind: row.kind,
		params: parseParams(row.params),
		createdAt: row.createdAt,
		unread: row.readAt === null,
		project: null as NotificationItem['project']
	}));
	const slugs = [...new Set(items.map((item) => item.params.project).filter((slug): slug is string => !!slug))];
	if (slugs.length) {
		const titleRows = await db.orm
			.select({ slug: projects.slug, locale: texts.locale, title: texts.title })
			.from(projects)
			.innerJoin(texts, eq(texts.projectId, projects.id))
			.where(and(inArray(projects.slug, slugs), inArray(texts.locale, [locale, 'de'])));
		for (const item of items) {
			const picked = pickLocalized(
				titleRows.filter((row) => row.slug === item.params.project),
				locale
			);
			if (picked) item.project = { title: picked.value.title, lang: picked.lang, fallback: picked.fallback };
		}
	}
	return { items, total: Number(total), pages: Math.max(1, Math.ceil(Number(total) / NOTIFICATIONS_PAGE_SIZE)) };
}
