import { redirect, type RequestEvent } from '@sveltejs/kit';
import { registerUser } from '$lib/server/auth/account';
import { startSession } from '$lib/server/auth/request';
import { findJoinableClass, joinClassByCode } from '$lib/server/classes/joining';
import { normalizeJoinCode } from '$lib/server/classes/join-code';
import { joinForm, joinWithAccountForm } from '$lib/server/classes/schemas';
import { adoptGuestProgress } from '$lib/server/learning/learner';
import { guestProgressKey } from '$lib/server/learning/guest-progress';
import { guestProgressCookie } from '$lib/server/learning/progress-store';
import { hitAddressLimit, retryParams, SIGN_UPS_PER_ADDRESS } from '$lib/server/security/limits';
import { formError, readForm, type FormValues } from '$lib/server/validation/form';
import type { Actions, PageServerLoad } from './$types';

/** The join page, reached by the QR code's link (?code=…) or a typed code. */
export const load: PageServerLoad = async (event) => {
	const { locals, url } = event;
	const typed = url.searchParams.get('code') ?? '';
	const code = /^[\w\s-]{1,40}$/.test(typed) ? normalizeJoinCode(typed) : '';
	// A guest learns that a code is refused before making an account for it (a try like any other).
	const found =
		code && !locals.user ? await findJoinableClass(locals.db, code, { address: event.getClientAddress() }) : null;
	const refused = found && !found.ok ? found : null;
	return {
		code,
		signedIn: locals.user !== null,
		codeProblem: refused?.error ?? null,
		codeProblemParams: refused?.until ? retryParams(refused.until, locals.locale) : null
	};
};

/** The refusal of a code as the form shows it: 429 with when to try again when tried too often. */
function codeRefused(
	refusal: { error: string; until?: Date },
	formId: string,
	event: RequestEvent,
	values: FormValues
) {
	return formError('code', refusal.error, {
		formId,
		values,
		...(refusal.until ? { status: 429, params: retryParams(refusal.until, event.locals.locale) } : {})
	});
}

function joined(event: RequestEvent, classId: string, isNew: boolean): never {
	const params = new URLSearchParams({ joined: classId });
	if (!isNew) params.set('again', '1');
	redirect(303, `/${event.locals.locale}/classes?${params}`);
}

/** Signed in: joins. A guest with a valid code comes back here to sign in or make an account. */
async function join(event: RequestEvent) {
	const form = await readForm(event.request, joinForm, { formId: 'join' });
	if (!form.ok) return form.failure;
	const { db, user, locale } = event.locals;
	if (!user) {
		const found = await findJoinableClass(db, form.data.code, { address: event.getClientAddress() });
		if (!found.ok) return codeRefused(found, 'join', event, form.values);
		redirect(303, `/${locale}/classes/join?code=${encodeURIComponent(found.value.joinCode)}`);
	}
	const result = await joinClassByCode(db, user.id, form.data.code);
	if (!result.ok) return codeRefused(result, 'join', event, form.values);
	joined(event, result.value.classId, result.value.isNew);
}

/** A guest makes an account on the spot (the usual password rules) and joins with it. */
async function signUp(event: RequestEvent) {
	const { db, user, locale } = event.locals;
	if (user) redirect(303, `/${locale}/classes/join`);
	const form = await readForm(event.request, joinWithAccountForm, { formId: 'signUp' });
	if (!form.ok) return form.failure;
	// The code first: a refused code must not leave an account behind.
	const found = await findJoinableClass(db, form.data.code, { address: event.getClientAddress() });
	if (!found.ok) return codeRefused(found, 'signUp', event, form.values);
	const limit = await hitAddressLimit(db, SIGN_UPS_PER_ADDRESS, event.getClientAddress());
	if (!limit.allowed) {
		return formError('form', 'errors.rateLimit.signUp', {
			status: 429,
			formId: 'signUp',
			values: form.values,
			params: retryParams(limit.retryAt!, locale)
		});
	}
	const account = await registerUser(db, { username: form.data.username, password: form.data.password, locale });
	if (!account.ok) return formError(account.field ?? 'form', account.error, { formId: 'signUp', values: form.values });
	const result = await joinClassByCode(db, account.value.id, form.data.code);
	await startSession(event, account.value.id);
	await adoptGuestProgress(
		db,
		account.value.id,
		guestProgressCookie(event.cookies, event.url.protocol === 'https:', await guestProgressKey(db))
	);
	// Archived in the moment between the check and now: the account stays, the message says why.
	if (!result.ok) return codeRefused(result, 'signUp', event, form.values);
	joined(event, result.value.classId, result.value.isNew);
}

export const actions: Actions = { join, signUp };
