import { requireRole } from '$lib/server/auth/policy';
import { listOwnLessons } from '$lib/server/studio/lessons';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'instructor', 'admin');
	return { lessons: await listOwnLessons(event.locals.db, user.id) };
};
