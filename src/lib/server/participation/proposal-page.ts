/** Loading one proposal for its pages: 404 for anyone who may not see it (see maySeeProposal). */
import { error, type RequestEvent } from '@sveltejs/kit';
import type { DiscussionTarget } from '../../discussion.ts';
import { loadProposal, maySeeProposal } from './proposals.ts';

export async function visibleProposal(event: Pick<RequestEvent, 'locals' | 'params'>) {
	const id = event.params.id ?? '';
	const proposal = /^[\w-]{1,64}$/.test(id) ? await loadProposal(event.locals.db, id) : null;
	if (!proposal || !maySeeProposal(proposal, event.locals.user)) error(404, 'errors.notFound');
	return proposal;
}

export function proposalTarget(proposal: { id: string; state: string }): DiscussionTarget {
	return {
		kind: 'proposal',
		id: proposal.id,
		open: proposal.state === 'published',
		path: `/participate/proposals/${proposal.id}`
	};
}
