import { error } from '@sveltejs/kit';
import { textDirection } from '$lib/i18n/locales';
import { projectPage } from '$lib/server/participation/projects';
import { projectResults } from '$lib/server/participation/results';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const project = await projectPage(locals.db, params.project, locals.locale);
	if (!project) error(404, 'errors.notFound');
	return {
		project: { slug: project.slug, title: project.title, lang: project.lang, phase: project.phase.kind },
		numbers: await projectResults(locals.db, project.id),
		rtl: textDirection(locals.locale) === 'rtl'
	};
};
