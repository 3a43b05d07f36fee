import { requireRole } from '$lib/server/auth/policy';
import { strategyOverview } from '$lib/server/participation/editing/overview';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	return { fields: await strategyOverview(event.locals.db, event.locals.locale) };
};
