import {
	courseOverviews,
	isFiltering,
	readCatalogueFilters,
	searchLessons
} from '$lib/server/learning/catalogue-search';
import { chooseStudioText, visibleStudioLessons } from '$lib/server/studio/publishing';
import { studioLessonKey } from '$lib/server/studio/rules';
import type { PageServerLoad } from './$types';

// Links and plain forms only (the catalogue's search is a GET form): without the SvelteKit
// client the page loads in under 2 s on slow 3G (npm run bench, BENCH_ONLY=slow-network).
export const csr = false;

export const load: PageServerLoad = async ({ locals, url }) => {
	const filters = readCatalogueFilters(url.searchParams);
	const statuses = await locals.progress.statuses();
	// Lessons instructors wrote in the studio and published to the person's classes.
	const studio = locals.user ? await visibleStudioLessons(locals.db, locals.user.id) : [];
	return {
		classLessons: studio.map((lesson) => {
			const chosen = chooseStudioText(lesson.snapshot, locals.locale);
			return {
				path: `/learn/studio/${lesson.id}`,
				title: chosen.text.title,
				summary: chosen.text.summary,
				contentLocale: chosen.contentLocale,
				minutes: lesson.snapshot.minutes,
				level: lesson.snapshot.level,
				status: statuses.get(studioLessonKey(lesson.id)) ?? null
			};
		}),
		filters,
		filtering: isFiltering(filters),
		courses: courseOverviews(locals.locale, statuses),
		lessons: searchLessons(filters, locals.locale, statuses)
	};
};
