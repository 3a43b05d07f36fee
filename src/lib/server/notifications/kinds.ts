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
	'comment_reply'
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
