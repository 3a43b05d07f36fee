/** What a page passes to <Discussion>: shared by the server (which loads it) and the component. */
export interface DiscussionTarget {
	kind: 'project' | 'proposal';
	id: string;
	/** Whether comments are open now (a project in its discussion phase; a published proposal). */
	open: boolean;
	/** The page's path after the language, e.g. "/participate/digital-pilots". */
	path: string;
}

/** STUB (being written by the discussion helper). */
export interface DiscussionData {
	target: DiscussionTarget;
}
