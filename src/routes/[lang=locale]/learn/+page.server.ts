import {
	courseOverviews,
	isFiltering,
	readCatalogueFilters,
	searchLessons
} from '$lib/server/learning/catalogue-search';
import type { PageServerLoad } from './$types';

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
