import { redirect, type RequestEvent } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/policy';
import { createClass } from '$lib/server/classes/classes';
import { classForm } from '$lib/server/classes/schemas';
import { readForm } from '$lib/server/validation/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'instructor', 'admin');
};

async function create(event: RequestEvent) {
	const user = requireRole(event, 'instructor', 'admin');
	const form = await readForm(event.request, classForm);
	if (!form.ok) return form.failure;
	const made = await createClass(event.locals.db, user.id, form.data);
	redirect(303, `/${event.locals.locale}/classes/${made.id}?created=1`);
}

export const actions: Actions = { default: create };
