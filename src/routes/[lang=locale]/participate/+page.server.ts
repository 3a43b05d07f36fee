import { isFilteringProjects, listFields, listProjects, readProjectFilters } from '$lib/server/participation/projects';
import { formatDay } from '$lib/server/participation/dates';
import type { PageServerLoad } from './$types';

// The SvelteKit client alone would go over the 40 KB budget of participation pages; every
// form here is a plain form action, so the page works the same without it.
export const csr = false;

export const load: PageServerLoad = async ({ locals, url }) => {
	const filters = readProjectFilters(url.searchParams, locals.locale);
	const [fields, list] = await Promise.all([
		listFields(locals.db, locals.locale, filters.easy),
		listProjects(locals.db, locals.locale, filters)
	]);
	return {
		filters,
		filtering: isFilteringProjects(filters),
		fields,
		total: list.total,
		page: list.page,
		pages: list.pages,
		projects: list.projects.map((project) => ({
			slug: project.slug,
			title: project.title,
			summary: project.summary,
			lang: project.lang,
			fallback: project.fallback,
			isExample: project.isExample,
			status: project.status,
			field: project.field.title,
			phase: project.phase.kind,
			phaseEnds: project.phase.endsAt ? formatDay(project.phase.endsAt, locals.locale) : null,
			supports: project.supports,
			comments: project.comments
		}))
	};
};
