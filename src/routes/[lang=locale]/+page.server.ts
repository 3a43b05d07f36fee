import { resumeLesson } from '$lib/server/learning/learner';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	resume: await resumeLesson(locals.progress, locals.locale)
});
