import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => ({
	locale: locals.locale,
	user: locals.user ? { username: locals.user.username, role: locals.user.role } : null,
	display: locals.display
});
