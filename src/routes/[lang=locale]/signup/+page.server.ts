import { redirect, type RequestEvent } from '@sveltejs/kit';
import { registerUser } from '$lib/server/auth/account';
import { safeNextPath, startSession } from '$lib/server/auth/request';
import { adoptGuestProgress } from '$lib/server/learning/learner';
import { guestProgressKey } from '$lib/server/learning/guest-progress';
import { guestProgressCookie } from '$lib/server/learning/progress-store';
import { signUpForm } from '$lib/server/auth/schemas';
import { hitAddressLimit, retryParams, SIGN_UPS_PER_ADDRESS } from '$lib/server/security/limits';
import { formError, readForm } from '$lib/server/validation/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) redirect(303, `/${locals.locale}/account`);
};

async function signUp(event: RequestEvent) {
	const form = await readForm(event.request, signUpForm);
	if (!form.ok) return form.failure;
	const limit = await hitAddressLimit(event.locals.db, SIGN_UPS_PER_ADDRESS, event.getClientAddress());
	if (!limit.allowed) {
		return formError('form', 'errors.rateLimit.signUp', {
			status: 429,
			values: form.values,
			params: retryParams(limit.retryAt!, event.locals.locale)
		});
	}
	const result = await registerUser(event.locals.db, { ...form.data, locale: event.locals.locale });
	if (!result.ok) return formError(result.field ?? 'form', result.error, { values: form.values });
	await startSession(event, result.value.id);
	const kept = await adoptGuestProgress(
		event.locals.db,
		result.value.id,
		guestProgressCookie(event.cookies, event.url.protocol === 'https:', await guestProgressKey(event.locals.db))
	);
	// The confirmation says the account exists and what guest progress it took over, and
	// leads on to learning (or back to where the person was going, `next`).
	const confirmation = new URLSearchParams({ kept: String(kept) });
	const next = safeNextPath(event, '');
	if (next) confirmation.set('next', next);
	redirect(303, `/${event.locals.locale}/welcome?${confirmation}`);
}

export const actions: Actions = { default: signUp };
