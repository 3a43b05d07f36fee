import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { authenticate } from '$lib/server/auth/account';
import { safeNextPath, startSession } from '$lib/server/auth/request';
import { adoptGuestProgress } from '$lib/server/learning/learner';
import { signInForm } from '$lib/server/auth/schemas';
import { fieldError, readForm } from '$lib/server/validation/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) redirect(303, `/${locals.locale}/account`);
};

async function signIn(event: RequestEvent) {
	const form = await readForm(event.request, signInForm);
	if (!form.ok) return fail(400, { errors: form.errors, values: form.values, lock: null });
	const result = await authenticate(event.locals.db, { ...form.data, address: event.getClientAddress() });
	if (!result.ok) {
		const values = { username: form.data.username };
		if (result.until) {
			const time = new Intl.DateTimeFormat(event.locals.locale, {
				timeStyle: 'short',
				timeZone: 'Europe/Berlin'
			}).format(result.until);
			const minutes = Math.max(1, Math.ceil((result.until.getTime() - Date.now()) / 60_000));
			return fail(429, { errors: fieldError('form', result.error), lock: { time, minutes }, values });
		}
		return fail(400, { errors: fieldError('form', result.error), values, lock: null });
	}
	await startSession(event, result.value.id);
	await adoptGuestProgress(event, result.value.id);
	redirect(303, safeNextPath(event, `/${event.locals.locale}`));
}

export const actions: Actions = { default: signIn };
