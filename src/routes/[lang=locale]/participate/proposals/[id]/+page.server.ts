import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/policy';
import { discussionActions, loadDiscussion } from '$lib/server/participation/discussion-route';
import { fieldOptions } from '$lib/server/participation/proposal-listing';
import { proposalTarget, visibleProposal } from '$lib/server/participation/proposal-page';
import { isProposalLocked, loadProposal } from '$lib/server/participation/proposals';
import { addSupport, countSupports, hasSupported, withdrawSupport } from '$lib/server/participation/supports';
import { linkedText } from '$lib/server/text/linked-text';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const proposal = await visibleProposal(event);
	const { db, user, locale } = event.locals;
	const target = { kind: 'proposal', id: proposal.id } as const;
	const fields = await fieldOptions(db, locale);
	const mine = user !== null && proposal.authorId === user.id;
	return {
		proposal: {
			id: proposal.id,
			title: proposal.title,
			lang: proposal.locale,
			author: proposal.author,
			state: proposal.state,
			createdAt: proposal.createdAt.toISOString(),
			edited: proposal.editedAt !== null,
			description: linkedText(proposal.description),
			problem: proposal.problem ? linkedText(proposal.problem) : null,
			field: fields.find((f) => f.id === proposal.fieldId) ?? null
		},
		mine,
		canEdit: mine && proposal.state !== 'hidden' && !(await isProposalLocked(db, proposal.id)),
		supports: await countSupports(db, target),
		supported: user ? await hasSupported(db, user.id, target) : false,
		signedIn: user !== null,
		discussion: await loadDiscussion(event, proposalTarget(proposal))
	};
};

/** The target for the discussion's actions: only a proposal this person may see. */
async function resolveTarget(event: RequestEvent) {
	const id = event.params.id ?? '';
	const proposal = /^[\w-]{1,64}$/.test(id) ? await loadProposal(event.locals.db, id) : null;
	if (!proposal || proposal.state !== 'published') return null;
	return proposalTarget(proposal);
}

async function support(event: RequestEvent, give: boolean) {
	const user = requireUser(event);
	const id = event.params.id ?? '';
	if (!/^[\w-]{1,64}$/.test(id)) error(404, 'errors.notFound');
	const target = { kind: 'proposal', id } as const;
	const result = give
		? await addSupport(event.locals.db, user.id, target)
		: await withdrawSupport(event.locals.db, user.id, target);
	if (!result.ok) {
		if (result.reason === 'notFound') error(404, 'errors.notFound');
		return fail(409, {
			formId: 'support',
			errors: { form: 'proposals.errors.supportsClosed' },
			values: {},
			params: {}
		});
	}
	return { supported: result.supported, total: result.total };
}

export const actions: Actions = {
	support: (event) => support(event, true),
	withdraw: (event) => support(event, false),
	...discussionActions(resolveTarget)
};
