/**
 * STUB (being written by the discussion helper): the discussion under a project or a
 * proposal, for the pages that show one. A page's load calls `loadDiscussion`, its actions
 * spread `discussionActions(resolveTarget)`, and it renders <Discussion>.
 */
import type { Action, RequestEvent } from '@sveltejs/kit';
import type { DiscussionData, DiscussionTarget } from '../../discussion.ts';

export type { DiscussionData, DiscussionTarget };

export async function loadDiscussion(_event: RequestEvent, target: DiscussionTarget): Promise<DiscussionData> {
	return { target };
}

export function discussionActions(
	_resolveTarget: (event: RequestEvent) => Promise<DiscussionTarget | null>
): Record<string, Action> {
	return {};
}
