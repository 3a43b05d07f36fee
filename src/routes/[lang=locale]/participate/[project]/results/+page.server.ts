import { error } from '@sveltejs/kit';
import { textDirection } from '$lib/i18n/locales';
import { projectPage } from '$lib/server/participation/projects';
import { projectResults } from '$lib/server/participation/results';
import type { PageServerLoad } from './$types';

// The SvelteKit client alone would go over the 40 KB budget of participation pages; every
// form here is a plain form action, so the page works the same without it.
export const csr = false;

export const load: PageServerLoad = async ({ locals, params }) => {
	const project = await projectPage(locals.db, params.project, locals.locale);
	if (!project) error(404, 'errors.notFound');
	return {
		project: { slug: project.slug, title: project.title, lang: project.lang, phase: project.phase.kind },
		numbers: await projectResults(locals.db, project.id),
		rtl: textDirection(locals.locale) === 'rtl'
	};
};
