/**
 * Every action the audit log records, "<subject>.<verb>". The audit page words each one in
 * the reader's language (audit.actions.<action with "_" for ".">); a unit test checks that
 * every action here has its words.
 */
export const AUDIT_ACTIONS = [
	// Moderation of posts and appeals.
	...(['comment', 'proposal'] as const).flatMap((post) =>
		(['approve', 'reject', 'hide', 'restore', 'dismiss_reports'] as const).map((verb) => `${post}.${verb}` as const)
	),
	'appeal.uphold',
	'appeal.restore',
	'account.block',
	'account.unblock',
	// Participation: fields of action, projects, their phases, timelines and results.
	'field.create',
	'field.update',
	'field.texts.update',
	'project.create',
	'project.update',
	'project.texts.update',
	'result.publish',
	'result.update',
	'result.remove',
	'phase.add',
	'phase.update',
	'phase.remove',
	'timeline.add',
	'timeline.texts.update',
	// People and roles.
	'account.role_change',
	'account.password_reset',
	'account.delete',
	'instructor_request.grant',
	'instructor_request.decline',
	// Classes: what their instructors change.
	'class.create',
	'class.archive',
	'class.unarchive',
	'class.join_code_regenerate',
	'class.co_instructor_add',
	'class.co_instructor_remove',
	'class.learner_accounts_create',
	'class.learner_password_reset'
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
