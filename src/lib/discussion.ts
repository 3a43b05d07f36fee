/** What a page passes to <Discussion>: shared by the server (which loads it) and the component. */
import type { LinkedText } from './linked-text.ts';

export interface DiscussionTarget {
	kind: 'project' | 'proposal';
	id: string;
	/** Whether comments are open now (a project in its discussion phase; a published proposal). */
	open: boolean;
	/** The page's path after the language, e.g. "/participate/digital-pilots". */
	path: string;
}

export const COMMENT_SORTS = ['newest', 'oldest', 'replies'] as const;
export type CommentSort = (typeof COMMENT_SORTS)[number];
export const COMMENTS_PER_PAGE = 20;

/** One comment as the reader may see it. */
export interface DiscussionComment {
	id: string;
	/** The author's username; null for a deleted account. */
	author: string | null;
	/** ISO time. */
	createdAt: string;
	edited: boolean;
	/** Deleted by its author but kept for its replies: no body. */
	deleted: boolean;
	/** Waiting for review: only its author sees it. */
	pending: boolean;
	mine: boolean;
	body: LinkedText;
	/** The language it was written in. */
	lang: string;
	/** The text to edit, only for the author while the edit window is open. */
	editable: { body: string; until: string } | null;
	replies: DiscussionComment[];
	replyCount: number;
}

export interface DiscussionData {
	target: DiscussionTarget;
	signedIn: boolean;
	/** Where a guest signs in and comes back here. */
	signInHref: string;
	/** Why comments are closed: the project's phase, or 'proposal' (a proposal not published); null when open. */
	closedBecause: 'information' | 'support' | 'closed' | 'proposal' | null;
	sort: CommentSort;
	page: number;
	pageCount: number;
	/** Top-level comments the reader can see. */
	total: number;
	comments: DiscussionComment[];
	/** The page's query without the discussion's one-off parameters, to build links that keep it. */
	query: string;
	/** ?reply=, ?edit=, ?delete= (the no-JavaScript steps): the comment they are about. */
	replyTo: string | null;
	editing: string | null;
	confirmDelete: string | null;
}
