import { learnerAssignments } from '$lib/server/classes/learner-assignments';
import { learnerDashboard } from '$lib/server/learning/dashboard';
import type { PageServerLoad } from './$types';

/** The learner's dashboard: for guests from their cookie, for accounts from the database. */
export const load: PageServerLoad = async ({ locals }) => {
	const { db, progress, user, locale } = locals;
	return {
		...(await learnerDashboard(db, progress, user?.id ?? null, locale)),
		assignments: user ? await learnerAssignments(db, user.id, locale) : [],
		signedIn: Boolean(user),
		progressRoom: await progress.room()
	};
};
