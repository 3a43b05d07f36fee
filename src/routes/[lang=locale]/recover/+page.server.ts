import { redirect, type RequestEvent } from '@sveltejs/kit';
import { recoverAccount } from '$lib/server/auth/recovery-code';
import { startSession } from '$lib/server/auth/request';
import { recoverAccountForm } from '$lib/server/auth/schemas';
import { retryParams } from '$lib/server/security/limits';
import { formError, readForm } from '$lib/server/validation/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) redirect(303, `/${locals.locale}/account`);
};

async function recover(event: RequestEvent) {
	const form = await readForm(event.request, recoverAccountForm);
	if (!form.ok) return form.failure;
	const values = { username: form.data.username };
	const result = await recoverAccount(event.locals.db, { ...form.data, address: event.getClientAddress() });
	if (!result.ok) {
		if (result.until) {
			const params = retryParams(result.until, event.locals.locale);
			return formError('form', result.error, { status: 429, values, params });
		}
		return formError(result.field ?? 'form', result.error, { values });
	}
	// Every session was ended; this device is signed in with a fresh one. The new code is
	// answered, not redirected: it exists only in this response, to be written down now.
	await startSession(event, result.value.userId);
	return { recovered: true, username: form.data.username, code: result.value.newCode };
}

export const actions: Actions = { default: recover };
