import { learnerAssignments } from '$lib/server/classes/learner-assignments';
import { resumeLesson } from '$lib/server/learning/learner';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	// A learner in a class sees what is assigned to them before anything else.
	assignments: locals.user ? await learnerAssignments(locals.db, locals.user.id, locals.locale) : [],
	resume: await resumeLesson(locals.progress, locals.locale)
});
