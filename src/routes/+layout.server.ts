import { requireAreaAccess } from '$lib/server/auth/policy';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = (event) => {
	const { locals } = event;
	// Pages of areas that need a role (hooks.server.ts refuses their actions and endpoints).
	// Untracked: the check must not make this load rerun on every navigation.
	event.untrack(() => requireAreaAccess(event));
	return {
		locale: locals.locale,
		user: locals.user ? { username: locals.user.username, role: locals.user.role } : null,
		display: locals.display
	};
};
