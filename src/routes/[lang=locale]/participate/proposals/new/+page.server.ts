import { redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/policy';
import { PROPOSAL_REFUSAL, proposalForm } from '$lib/server/participation/proposal-form';
import { fieldOptions } from '$lib/server/participation/proposal-listing';
import { createProposal } from '$lib/server/participation/proposals';
import { requireMayContribute } from '$lib/server/moderation/standing';
import { retryParams } from '$lib/server/security/limits';
import { formError, readForm } from '$lib/server/validation/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireUser(event);
	return { fields: await fieldOptions(event.locals.db, event.locals.locale) };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		await requireMayContribute(event.locals.db, user.id);
		const form = await readForm(event.request, proposalForm);
		if (!form.ok) return form.failure;
		const result = await createProposal(event.locals.db, user.id, { ...form.data, locale: event.locals.locale });
		if (!result.ok) {
			const refusal = PROPOSAL_REFUSAL[result.reason];
			return formError(refusal.field, refusal.key, {
				status: refusal.status,
				values: form.values,
				params: result.retryAt ? retryParams(result.retryAt, event.locals.locale) : {}
			});
		}
		redirect(303, `/${event.locals.locale}/participate/proposals/${result.id}`);
	}
};
