import { redirect, type RequestEvent } from '@sveltejs/kit';
import { registerUser } from '$lib/server/auth/account';
import { safeNextPath, startSession } from '$lib/server/auth/request';
import { adoptGuestProgress } from '$lib/server/learning/learner';
import { guestProgressCookie } from '$lib/server/learning/progress-store';
import { signUpForm } from '$lib/server/auth/schemas';
import { formError, readForm } from '$lib/server/validation/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) redirect(303, `/${locals.locale}/account`);
};

async function signUp(event: RequestEvent) {
	const form = await readForm(event.request, signUpForm);
	if (!form.ok) return form.failure;
	const result = await registerUser(event.locals.db, { ...form.data, locale: event.locals.locale });
	if (!result.ok) return formError(result.field ?? 'form', result.error, { values: form.values });
	await startSession(event, result.value.id);
	await adoptGuestProgress(
		event.locals.db,
		result.value.id,
		guestProgressCookie(event.cookies, event.url.protocol === 'https:')
	);
	redirect(303, safeNextPath(event, `/${event.locals.locale}/account`));
}

export const actions: Actions = { default: signUp };
