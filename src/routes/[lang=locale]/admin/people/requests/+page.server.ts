import { redirect, type RequestEvent } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/policy';
import { decideInstructorRequest, listOpenInstructorRequests } from '$lib/server/auth/instructor-requests';
import { requestDecisionForm } from '$lib/server/auth/schemas';
import { formError, readForm } from '$lib/server/validation/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const decided = event.url.searchParams.get('decided');
	return {
		requests: await listOpenInstructorRequests(event.locals.db),
		decided: decided === 'granted' || decided === 'declined' ? decided : null
	};
};

async function decide(event: RequestEvent, decision: 'granted' | 'declined') {
	const admin = requireRole(event, 'admin');
	const form = await readForm(event.request, requestDecisionForm, { formId: 'decide' });
	if (!form.ok) return form.failure;
	const result = await decideInstructorRequest(event.locals.db, admin.id, form.data.requestId, decision);
	if (!result.ok) return formError('form', result.error, { formId: 'decide', status: 409 });
	redirect(303, `/${event.locals.locale}/admin/people/requests?decided=${decision}`);
}

export const actions: Actions = {
	grant: (event) => decide(event, 'granted'),
	decline: (event) => decide(event, 'declined')
};
