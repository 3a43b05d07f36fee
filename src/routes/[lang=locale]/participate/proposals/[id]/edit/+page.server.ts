import { error, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/policy';
import { PROPOSAL_REFUSAL, proposalForm } from '$lib/server/participation/proposal-form';
import { fieldOptions } from '$lib/server/participation/proposal-listing';
import { visibleProposal } from '$lib/server/participation/proposal-page';
import { editProposal, isProposalLocked } from '$lib/server/participation/proposals';
import { formError, readForm } from '$lib/server/validation/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const proposal = await visibleProposal(event);
	if (proposal.authorId !== user.id) error(403, 'errors.forbidden');
	return {
		proposal: {
			id: proposal.id,
			title: proposal.title,
			values: {
				fieldId: proposal.fieldId,
				title: proposal.title,
				description: proposal.description,
				problem: proposal.problem ?? ''
			}
		},
		locked: proposal.state === 'hidden' || (await isProposalLocked(event.locals.db, proposal.id)),
		fields: await fieldOptions(event.locals.db, event.locals.locale)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		const id = event.params.id;
		if (!/^[\w-]{1,64}$/.test(id)) error(404, 'errors.notFound');
		const form = await readForm(event.request, proposalForm);
		if (!form.ok) return form.failure;
		const result = await editProposal(event.locals.db, user.id, id, form.data);
		if (!result.ok) {
			if (result.reason === 'notFound') error(404, 'errors.notFound');
			const refusal = PROPOSAL_REFUSAL[result.reason];
			return formError(refusal.field, refusal.key, { status: refusal.status, values: form.values });
		}
		redirect(303, `/${event.locals.locale}/participate/proposals/${id}`);
	}
};
