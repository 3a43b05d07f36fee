import { requireAreaAccess } from '$lib/server/auth/policy';
import type { LayoutServerLoad } from './$types';

// Pages of areas that need a role (hooks.server.ts refuses their actions, endpoints and data
// requests). Here, below the root layout, so a refused page gets the translated error page.
// Untracked: the check must not make this load rerun on every navigation.
export const load: LayoutServerLoad = (event) => {
	event.untrack(() => requireAreaAccess(event));
};
