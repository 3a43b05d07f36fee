import { redirect, type RequestEvent } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/policy';
import { fieldChoices } from '$lib/server/participation/editing/overview';
import { createProject } from '$lib/server/participation/editing/projects';
import { readEditForm, refusalAnswer } from '$lib/server/participation/editing/route';
import { newProjectForm } from '$lib/server/participation/editing/schemas';

import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	return {
		fields: await fieldChoices(event.locals.db, event.locals.locale),
		preselected: event.url.searchParams.get('field') ?? ''
	};
};

async function create(event: RequestEvent) {
	const admin = requireRole(event, 'admin');
	const form = await readEditForm(event.request, newProjectForm);
	if (!form.ok) return form.failure;
	const result = await createProject(event.locals.db, admin.id, form.data);
	if (!result.ok) return refusalAnswer(result, form.values);
	redirect(303, `/${event.locals.locale}/admin/participation/projects/${result.value}?saved=1`);
}

export const actions: Actions = { default: create };
