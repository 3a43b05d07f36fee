import type { RequestEvent } from '@sveltejs/kit';
import { accessibilityFeedbackForm, recordAccessibilityFeedback } from '$lib/server/site/accessibility-feedback';
import { readForm } from '$lib/server/validation/form';
import type { Actions } from './$types';

async function sendFeedback(event: RequestEvent) {
	const form = await readForm(event.request, accessibilityFeedbackForm);
	if (!form.ok) return form.failure;
	await recordAccessibilityFeedback(event.locals.db, {
		...form.data,
		userId: event.locals.user?.id ?? null,
		locale: event.locals.locale
	});
	return { sent: true };
}

export const actions: Actions = { default: sendFeedback };
