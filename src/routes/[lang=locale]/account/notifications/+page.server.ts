import { z } from 'zod';
import { requireUser } from '$lib/server/auth/policy';
import { listNotifications } from '$lib/server/notifications/list';
import { markRead } from '$lib/server/notifications/notify';
import type { Actions, PageServerLoad } from './$types';

const pageQuery = z.coerce.number().int().min(1).max(100_000).catch(1);

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const page = pageQuery.parse(event.url.searchParams.get('page') ?? undefined);
	const list = await listNotifications(event.locals.db, user.id, event.locals.locale, page);
	return { ...list, page };
};

export const actions: Actions = {
	markAllRead: async (event) => {
		const user = requireUser(event);
		await markRead(event.locals.db, user.id, 'all');
		return { markedRead: true };
	}
};
