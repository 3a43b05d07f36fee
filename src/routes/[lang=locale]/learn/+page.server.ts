import {
	courseOverviews,
	isFiltering,
	readCatalogueFilters,
	searchLessons
} from '$lib/server/learning/catalogue-search';
import type { PageServerLoad } from './$types';

// Links and plain forms only (the catalogue's search is a GET form): without the SvelteKit
// client the page loads in under 2 s on slow 3G (npm run bench, BENCH_ONLY=slow-network).
export const csr = false;

export const load: PageServerLoad = async ({ locals, url }) => {
	const filters = readCatalogueFilters(url.searchParams);
	const statuses = await locals.progress.statuses();
	return {
		filters,
		filtering: isFiltering(filters),
		courses: courseOverviews(locals.locale, statuses),
		lessons: searchLessons(filters, locals.locale, statuses)
	};
};
