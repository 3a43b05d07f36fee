import { redirect, type RequestEvent } from '@sveltejs/kit';
import { accessibilityFeedbackForm, recordAccessibilityFeedback } from '$lib/server/site/accessibility-feedback';
import { ACCESSIBILITY_REPORTS_PER_ADDRESS, hitAddressLimit, retryParams } from '$lib/server/security/limits';
import { formError, readForm } from '$lib/server/validation/form';
import type { Actions } from './$types';

async function sendFeedback(event: RequestEvent) {
	const form = await readForm(event.request, accessibilityFeedbackForm);
	if (!form.ok) return form.failure;
	const limit = await hitAddressLimit(event.locals.db, ACCESSIBILITY_REPORTS_PER_ADDRESS, event.getClientAddress());
	if (!limit.allowed) {
		return formError('form', 'errors.rateLimit.feedback', {
			status: 429,
			values: form.values,
			params: retryParams(limit.retryAt!, event.locals.locale)
		});
	}
	await recordAccessibilityFeedback(event.locals.db, {
		...form.data,
		userId: event.locals.user?.id ?? null,
		locale: event.locals.locale
	});
	// Post/redirect/get: reloading the thank-you page does not send the report again.
	redirect(303, `${event.url.pathname}?sent#feedback-title`);
}

export const actions: Actions = { default: sendFeedback };
