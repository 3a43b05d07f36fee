import { redirect, type RequestEvent } from '@sveltejs/kit';
import { replaceOneTimePassword } from '$lib/server/auth/first-password';
import { requireUser } from '$lib/server/auth/policy';
import { safeNextPath, startSession } from '$lib/server/auth/request';
import { newPasswordForm } from '$lib/server/auth/schemas';
import { formError, readForm } from '$lib/server/validation/form';
import type { Actions, PageServerLoad } from './$types';

// Only for someone signed in with a one-time password; anyone else has nothing to do here.
export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	if (!user.mustChangePassword) redirect(303, safeNextPath(event, `/${event.locals.locale}/account`));
	return { username: user.username, displayName: user.displayName };
};

async function setOwnPassword(event: RequestEvent) {
	const user = requireUser(event);
	const form = await readForm(event.request, newPasswordForm);
	if (!form.ok) return form.failure;
	const result = await replaceOneTimePassword(event.locals.db, user.id, form.data.newPassword);
	if (!result.ok) return formError(result.field ?? 'form', result.error);
	// Every session was ended (the card's password may have been used elsewhere); this device goes on.
	await startSession(event, user.id);
	redirect(303, safeNextPath(event, `/${event.locals.locale}`));
}

export const actions: Actions = { default: setOwnPassword };
