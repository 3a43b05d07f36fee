import { redirect, type RequestEvent } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/policy';
import { createField } from '$lib/server/participation/editing/fields';
import { readEditForm, refusalAnswer } from '$lib/server/participation/editing/route';
import { newFieldForm } from '$lib/server/participation/editing/schemas';

import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'admin');
	return {};
};

async function create(event: RequestEvent) {
	const admin = requireRole(event, 'admin');
	const form = await readEditForm(event.request, newFieldForm);
	if (!form.ok) return form.failure;
	const result = await createField(event.locals.db, admin.id, form.data);
	if (!result.ok) return refusalAnswer(result, form.values);
	redirect(303, `/${event.locals.locale}/admin/participation/fields/${result.value}?saved=1`);
}

export const actions: Actions = { default: create };
