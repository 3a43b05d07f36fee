/**
 * Zero axe violations on the moderation pages in every language, normal and high contrast:
 * the report page, the queue (each tab, with items), notifications (several kinds), the
 * appeal form, the audit log and the public statistics.
 */
import type { Db } from '../../src/lib/server/db/database.ts';
import { blockAccount } from '../../src/lib/server/moderation/blocks.ts';
import { decideOnPost } from '../../src/lib/server/moderation/decisions.ts';
import { appealDecision } from '../../src/lib/server/moderation/appeals.ts';
import { notify } from '../../src/lib/server/notifications/notify.ts';
import { makeUser } from '../helpers/factories.ts';
import { makeReport } from '../helpers/moderation-factories.ts';
import { makeComment, makeProject, makeProposal } from '../helpers/participation-factories.ts';
import { definePageMatrix } from './axe-matrix';
import type { SignedIn } from './fixtures';

async function queueData(db: Db) {
	const author = await makeUser(db);
	const moderator = await makeUser(db, { role: 'moderator' });
	const project = await makeProject(db, { phase: 'discussion' });
	const comment = await makeComment(db, author.id, {
		projectId: project.id,
		body: 'Mehr dazu: https://example.org/info\n\nZweiter Absatz.'
	});
	await makeReport(db, { kind: 'comment', id: comment.id }, { reason: 'other', details: 'Das ist Werbung.' });
	const proposal = await makeProposal(db, author.id, { title: 'Eine Idee' });
	await makeReport(db, { kind: 'proposal', id: proposal.id }, { reason: 'spam' });
	await makeComment(db, (await makeUser(db)).id, { projectId: project.id, state: 'pending' });
	const hidden = await makeComment(db, author.id, { projectId: project.id });
	await decideOnPost(
		db,
		moderator.id,
		{ kind: 'comment', id: hidden.id },
		{ action: 'hide', reason: 'insult', note: 'Ton' }
	);
	return { author, moderator, project, comment, hidden };
}

/** A person with a hidden post (appealed), an approved one and a project they follow, so several kinds show. */
async function notificationsFor(db: Db, person: SignedIn) {
	const moderator = await makeUser(db, { role: 'moderator' });
	const project = await makeProject(db, { phase: 'discussion' });
	const first = await makeComment(db, person.id, { projectId: project.id, state: 'pending' });
	await decideOnPost(db, moderator.id, { kind: 'comment', id: first.id }, { action: 'approve' });
	const hidden = await makeComment(db, person.id, { projectId: project.id });
	await decideOnPost(db, moderator.id, { kind: 'comment', id: hidden.id }, { action: 'hide', reason: 'off_topic' });
	await notify(db, person.id, 'project_timeline', { project: project.slug, status: 'piloting' });
	await notify(db, person.id, 'project_result', { project: project.slug });
	await notify(db, person.id, 'comment_reply', {
		post: 'comment',
		id: first.id,
		path: `/participate/${project.slug}#comment-${first.id}`
	});
	return { project, hidden };
}

async function hiddenNotice(db: Db, person: SignedIn) {
	await notificationsFor(db, person);
	const rows = await db.orm.select().from(db.t.notifications);
	const notice = rows.find((row) => row.userId === person.id && row.kind === 'post_hidden');
	return notice!.id;
}

definePageMatrix([
	{
		name: '/participate/report?comment=…',
		who: 'learner',
		path: async (db) => `/participate/report?comment=${(await queueData(db)).comment.id}`
	},
	{ name: '/moderation (reported)', who: 'moderator', path: async (db) => (await queueData(db), '/moderation') },
	{
		name: '/moderation?tab=pending',
		who: 'moderator',
		path: async (db) => (await queueData(db), '/moderation?tab=pending')
	},
	{
		name: '/moderation?tab=appeals',
		who: 'moderator',
		path: async (db) => {
			const { author } = await queueData(db);
			const notices = await db.orm.select().from(db.t.notifications);
			const notice = notices.find((row) => row.userId === author.id && row.kind === 'post_hidden');
			await appealDecision(db, author.id, notice!.id, 'Bitte noch einmal ansehen.');
			return '/moderation?tab=appeals';
		}
	},
	{
		name: '/moderation?tab=blocked',
		who: 'moderator',
		path: async (db) => {
			const { author, moderator } = await queueData(db);
			await blockAccount(db, moderator.id, author.id, { reason: 'spam', note: 'Werbekonto' });
			return '/moderation?tab=blocked';
		}
	},
	{
		name: '/account/notifications (several kinds)',
		who: 'learner',
		path: async (db, person) => (await notificationsFor(db, person!), '/account/notifications')
	},
	{
		name: '/account/notifications/appeal',
		who: 'learner',
		path: async (db, person) => `/account/notifications/appeal?notification=${await hiddenNotice(db, person!)}`
	},
	{ name: '/admin/audit', who: 'admin', path: async (db) => (await queueData(db), '/admin/audit') },
	{ path: '/participate/moderation', who: 'guest' }
]);
