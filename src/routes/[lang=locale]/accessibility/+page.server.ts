import { fail, type RequestEvent } from '@sveltejs/kit';
import { accessibilityFeedbackForm, recordAccessibilityFeedback } from '$lib/server/site/accessibility-feedback';
import { ACCESSIBILITY_REPORTS_PER_ADDRESS, hitAddressLimit, retryParams } from '$lib/server/security/limits';
import { fieldError, readForm } from '$lib/server/validation/form';
import type { Actions } from './$types';

async function sendFeedback(event: RequestEvent) {
	const form = await readForm(event.request, accessibilityFeedbackForm);
	if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
	const limit = await hitAddressLimit(event.locals.db, ACCESSIBILITY_REPORTS_PER_ADDRESS, event.getClientAddress());
	if (!limit.allowed) {
		return fail(429, {
			errors: fieldError('form', 'errors.rateLimit.feedback'),
			values: { page: form.data.page ?? '', message: form.data.message, contact: form.data.contact ?? '' },
			retry: retryParams(limit.retryAt!, event.locals.locale)
		});
	}
	await recordAccessibilityFeedback(event.locals.db, {
		...form.data,
		userId: event.locals.user?.id ?? null,
		locale: event.locals.locale
	});
	return { sent: true };
}

export const actions: Actions = { default: sendFeedback };
