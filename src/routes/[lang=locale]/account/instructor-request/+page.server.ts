import { redirect, type RequestEvent } from '@sveltejs/kit';
import { latestInstructorRequest, requestInstructorRole } from '$lib/server/auth/instructor-requests';
import { requireUser } from '$lib/server/auth/policy';
import { instructorRequestForm } from '$lib/server/auth/schemas';
import { formError, readForm } from '$lib/server/validation/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	return {
		role: user.role,
		request: (await latestInstructorRequest(event.locals.db, user.id)) ?? null,
		sent: event.url.searchParams.get('sent') === '1'
	};
};

async function ask(event: RequestEvent) {
	const user = requireUser(event);
	const form = await readForm(event.request, instructorRequestForm);
	if (!form.ok) return form.failure;
	const result = await requestInstructorRole(event.locals.db, user.id, form.data.note);
	if (!result.ok) return formError('note', result.error, { values: form.values, status: 409 });
	redirect(303, `/${event.locals.locale}/account/instructor-request?sent=1`);
}

export const actions: Actions = { default: ask };
