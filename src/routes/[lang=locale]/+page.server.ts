import { resumeLesson } from '$lib/server/learning/learner';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({ resume: await resumeLesson(event) });
