import { learnerAssignments } from '$lib/server/classes/learner-assignments';
import { resumeLesson } from '$lib/server/learning/learner';
import type { PageServerLoad } from './$types';

// Links and plain forms only (the catalogue's search is a GET form): without the SvelteKit
// client the page loads in under 2 s on slow 3G (npm run bench, BENCH_ONLY=slow-network).
export const csr = false;

export const load: PageServerLoad = async ({ locals }) => ({
	// A learner in a class sees what is assigned to them before anything else.
	assignments: locals.user ? await learnerAssignments(locals.db, locals.user.id, locals.locale) : [],
	resume: await resumeLesson(locals.progress, locals.locale)
});
