import { requireRole } from '$lib/server/auth/policy';
import { findPeople } from '$lib/server/auth/people';
import { listOpenInstructorRequests } from '$lib/server/auth/instructor-requests';
import { peopleQuery } from '$lib/server/auth/schemas';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const params = event.url.searchParams;
	const query = peopleQuery.parse({
		q: params.get('q')?.trim() ?? '',
		match: params.get('match') ?? undefined,
		page: params.get('page') ?? undefined
	});
	const db = event.locals.db;
	const [people, requests] = await Promise.all([
		findPeople(db, { search: query.q, match: query.match, page: query.page }),
		listOpenInstructorRequests(db)
	]);
	return { ...people, query, openRequests: requests.length };
};
