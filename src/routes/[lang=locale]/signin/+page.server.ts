import { redirect, type RequestEvent } from '@sveltejs/kit';
import { authenticate } from '$lib/server/auth/account';
import { safeNextPath, startSession } from '$lib/server/auth/request';
import { adoptGuestProgress } from '$lib/server/learning/learner';
import { guestProgressKey } from '$lib/server/learning/guest-progress';
import { guestProgressCookie } from '$lib/server/learning/progress-store';
import { signInForm } from '$lib/server/auth/schemas';
import { formError, readForm } from '$lib/server/validation/form';
import { retryParams } from '$lib/server/security/limits';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) redirect(303, `/${locals.locale}/account`);
};

async function signIn(event: RequestEvent) {
	const form = await readForm(event.request, signInForm);
	if (!form.ok) return form.failure;
	const result = await authenticate(event.locals.db, { ...form.data, address: event.getClientAddress() });
	if (!result.ok) {
		const values = { username: form.data.username };
		if (result.until) {
			const params = retryParams(result.until, event.locals.locale);
			return formError('form', result.error, { status: 429, values, params });
		}
		return formError('form', result.error, { values });
	}
	await startSession(event, result.value.id);
	await adoptGuestProgress(
		event.locals.db,
		result.value.id,
		guestProgressCookie(event.cookies, event.url.protocol === 'https:', await guestProgressKey(event.locals.db))
	);
	redirect(303, safeNextPath(event, `/${event.locals.locale}`));
}

export const actions: Actions = { default: signIn };
