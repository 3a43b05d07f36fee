import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { registerUser } from '$lib/server/auth/account';
import { safeNextPath, startSession } from '$lib/server/auth/request';
import { adoptGuestProgress } from '$lib/server/learning/learner';
import { signUpForm } from '$lib/server/auth/schemas';
import { hitAddressLimit, retryParams, SIGN_UPS_PER_ADDRESS } from '$lib/server/security/limits';
import { fieldError, readForm } from '$lib/server/validation/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) redirect(303, `/${locals.locale}/account`);
};

async function signUp(event: RequestEvent) {
	const form = await readForm(event.request, signUpForm);
	if (!form.ok) return fail(400, { errors: form.errors, values: form.values, retry: null });
	const limit = await hitAddressLimit(event.locals.db, SIGN_UPS_PER_ADDRESS, event.getClientAddress());
	if (!limit.allowed) {
		const { password: _password, ...values } = form.data;
		return fail(429, {
			errors: fieldError('form', 'errors.rateLimit.signUp'),
			values: { ...values, email: values.email ?? '' },
			retry: retryParams(limit.retryAt!, event.locals.locale)
		});
	}
	const result = await registerUser(event.locals.db, { ...form.data, locale: event.locals.locale });
	if (!result.ok) {
		const { password: _password, ...values } = form.data;
		return fail(400, {
			errors: fieldError(result.field ?? 'form', result.error),
			values: { ...values, email: values.email ?? '' },
			retry: null
		});
	}
	await startSession(event, result.value.id);
	await adoptGuestProgress(event, result.value.id);
	redirect(303, safeNextPath(event, `/${event.locals.locale}/account`));
}

export const actions: Actions = { default: signUp };
