import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/policy';
import { appealableDecision, appealDecision } from '$lib/server/moderation/appeals';
import { appealForm } from '$lib/server/moderation/forms';
import { APPEAL_MAX_LENGTH } from '$lib/server/moderation/rules';
import { linkedText } from '$lib/server/text/linked-text';
import { formError, readForm } from '$lib/server/validation/form';
import type { Actions, PageServerLoad } from './$types';

const ID = /^[a-z0-9-]{1,64}$/;

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const notification = event.url.searchParams.get('notification') ?? '';
	if (!ID.test(notification)) error(404, 'errors.notFound');
	const found = await appealableDecision(event.locals.db, user.id, notification);
	if (!found) error(404, 'errors.notFound');
	return {
		notification,
		maxLength: APPEAL_MAX_LENGTH,
		decision: { action: found.decision.action, reason: found.decision.reason, decidedAt: found.decision.decidedAt },
		post: { kind: found.post.kind, title: found.post.title, text: linkedText(found.post.text) },
		appeal: found.appeal
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, appealForm);
		if (!form.ok) return form.failure;
		const result = await appealDecision(event.locals.db, user.id, form.data.notification, form.data.text);
		if (!result.ok) {
			return formError('form', `notifications.appeal.errors.${result.reason}`, {
				status: result.reason === 'notFound' ? 404 : 409,
				values: form.values
			});
		}
		return { appealed: true };
	}
};
