import { moderationStatistics } from '$lib/server/moderation/statistics';
import type { PageServerLoad } from './$types';

// Public: counts per month only, nothing about any person.
export const load: PageServerLoad = async (event) => ({ months: await moderationStatistics(event.locals.db) });
