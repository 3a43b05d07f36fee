import { requireUser } from '$lib/server/auth/policy';
import { sameOriginPath } from '$lib/server/auth/request';
import { resumeLesson } from '$lib/server/learning/learner';
import type { PageServerLoad } from './$types';

// The confirmation after sign-up. `kept` (how many guest lessons the account took over) is
// only shown back to the person it was sent to, so it needs no check beyond being a number.
export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const kept = Number(event.url.searchParams.get('kept'));
	return {
		username: user.username,
		kept: Number.isInteger(kept) && kept > 0 && kept < 10_000 ? kept : 0,
		next: sameOriginPath(event.url.searchParams.get('next'), event.url.origin),
		resume: await resumeLesson(event.locals.progress, event.locals.locale)
	};
};
