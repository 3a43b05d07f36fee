import { countUnread } from '$lib/server/notifications/notify';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => ({
	locale: locals.locale,
	user: locals.user ? { username: locals.user.username, role: locals.user.role } : null,
	display: locals.display,
	// One indexed count for the header, only for signed-in people (notifications_user_index).
	unread: locals.user ? await countUnread(locals.db, locals.user.id) : 0
});
