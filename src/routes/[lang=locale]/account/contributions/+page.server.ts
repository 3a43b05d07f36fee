import { requireUser } from '$lib/server/auth/policy';
import { CONTRIBUTIONS_SHOWN, myContributions } from '$lib/server/participation/contributions';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	// Only ever the signed-in person's own: there is no parameter naming anyone else.
	const user = requireUser(event);
	return {
		contributions: await myContributions(event.locals.db, user.id, event.locals.locale),
		shown: CONTRIBUTIONS_SHOWN
	};
};
