/** What a notification can be about. Plain data, so drizzle-kit can load it. */
export const NOTIFICATION_KINDS = [
	// Moderation told the author: their first post was approved or not, a post was hidden,
	// restored, an appeal decided, the account blocked or unblocked.
	'post_approved',
	'post_rejected',
	'post_hidden',
	'post_restored',
	'appeal_upheld',
	'appeal_restored',
	'account_blocked',
	'account_unblocked',
	// "What happened to my contribution": a project the person supported or commented on moved.
	'project_timeline',
	'project_result',
	// Someone replied to the person's comment.
	'comment_reply',
	// An admin answered the person's request to become an instructor.
	'instructor_request_granted',
	'instructor_request_declined'
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** A post a notification is about, and where it is shown (a path after the language, e.g. "/participate/x#comment-1"). */
export interface PostRef {
	post: 'comment' | 'proposal';
	id: string;
	path: string;
}

/**
 * What each kind of notification carries; the notifications page words it in the reader's
 * language from these (a project's title is looked up by its slug, in that language).
 */
export interface NotificationParamsByKind {
	post_approved: PostRef;
	post_rejected: PostRef & { reason: string };
	post_hidden: PostRef & { reason: string; decisionId: string };
	post_restored: PostRef;
	appeal_upheld: PostRef;
	appeal_restored: PostRef;
	account_blocked: { reason: string };
	account_unblocked: Record<string, never>;
	project_timeline: { project: string; status: string };
	project_result: { project: string };
	comment_reply: PostRef;
	instructor_request_granted: Record<string, never>;
	instructor_request_declined: Record<string, never>;
}
