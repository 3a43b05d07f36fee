/**
 * Moderation on both engines: report → hide → appeal → restore with the author told at each
 * step and an audit entry for each moderator action; one report per person; blocked accounts
 * cannot support; first-post review; the public statistics from known data.
 */
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appealDecision, decideAppeal } from '../../src/lib/server/moderation/appeals.ts';
import { blockAccount, unblockAccount } from '../../src/lib/server/moderation/blocks.ts';
import { decideOnPost } from '../../src/lib/server/moderation/decisions.ts';
import { listAppeals, listPending, listReported, queueCounts } from '../../src/lib/server/moderation/queue.ts';
import { reportPost } from '../../src/lib/server/moderation/reports.ts';
import { initialStateFor, requireMayContribute } from '../../src/lib/server/moderation/standing.ts';
import { median, moderationStatistics } from '../../src/lib/server/moderation/statistics.ts';
import { listNotifications } from '../../src/lib/server/notifications/list.ts';
import { addSupport, countSupports } from '../../src/lib/server/participation/supports.ts';
import { listAudit } from '../../src/lib/server/audit/list.ts';
import { engines, type TestDatabase } from '../helpers/databases.ts';
import { makeUser } from '../helpers/factories.ts';
import { makeReport } from '../helpers/moderation-factories.ts';
import { makeComment, makeProject, makeProposal } from '../helpers/participation-factories.ts';

const filter = { kind: null, reason: null, page: 1 } as const;

describe('median', () => {
	it('is the middle value, or the mean of the two middle values', () => {
		expect(median([])).toBeNull();
		expect(median([5])).toBe(5);
		expect(median([9, 1, 4])).toBe(4);
		expect(median([1, 2, 3, 10])).toBe(2.5);
	});
});

describe.each(engines)('moderation on $name', (engine) => {
	let test: TestDatabase;
	beforeEach(async () => {
		test = await engine.open();
	});
	afterEach(async () => {
		await test.drop();
	});

	async function setting() {
		const db = test.db;
		const author = await makeUser(db);
		const moderator = await makeUser(db, { role: 'moderator' });
		const otherModerator = await makeUser(db, { role: 'moderator' });
		const project = await makeProject(db, { phase: 'discussion' });
		const comment = await makeComment(db, author.id, { projectId: project.id, body: 'Kaufen Sie billig!' });
		return { db, author, moderator, otherModerator, project, comment };
	}

	const kinds = async (db: TestDatabase['db'], userId: string) =>
		(await listNotifications(db, userId, 'de')).items.map((item) => item.kind).reverse();

	it('report → hide → appeal → restore tells the author at each step and audits each moderator action', async () => {
		const { db, author, moderator, otherModerator, project, comment } = await setting();
		const ref = { kind: 'comment', id: comment.id } as const;
		await makeReport(db, ref, { reason: 'spam' });
		await makeReport(db, ref, { reason: 'other', details: 'Werbung' });

		const reported = await listReported(db, filter);
		expect(reported.total).toBe(1);
		expect(reported.items[0]).toMatchObject({ reports: 2, reasons: ['other', 'spam'], details: ['Werbung'] });
		expect(reported.items[0]!.post).toMatchObject({
			authorUsername: author.username,
			path: `/participate/${project.slug}#comment-${comment.id}`
		});

		const hidden = await decideOnPost(db, moderator.id, ref, { action: 'hide', reason: 'spam', note: 'Werbung' });
		expect(hidden.ok).toBe(true);
		const state = async () =>
			(
				await db.orm
					.select({ state: db.t.participationComments.state })
					.from(db.t.participationComments)
					.where(eq(db.t.participationComments.id, comment.id))
			)[0]?.state;
		expect(await state()).toBe('hidden');
		expect((await listReported(db, filter)).total).toBe(0);
		expect(await kinds(db, author.id)).toEqual(['post_hidden']);
		const [notification] = (await listNotifications(db, author.id, 'de')).items;
		expect(notification!.params).toMatchObject({ reason: 'spam', post: 'comment', id: comment.id });

		// Only the author may appeal, once.
		const stranger = await makeUser(db);
		expect(await appealDecision(db, stranger.id, notification!.id, 'Ich auch')).toEqual({
			ok: false,
			reason: 'notFound'
		});
		const appeal = await appealDecision(db, author.id, notification!.id, 'Das war keine Werbung.');
		expect(appeal.ok).toBe(true);
		expect(await appealDecision(db, author.id, notification!.id, 'Noch einmal')).toEqual({
			ok: false,
			reason: 'alreadyAppealed'
		});
		const appeals = await listAppeals(db, filter);
		expect(appeals.items.map((item) => item.text)).toEqual(['Das war keine Werbung.']);

		if (!appeal.ok) throw new Error('unreachable');
		expect(await decideAppeal(db, otherModerator.id, appeal.appealId, 'restored')).toEqual({ ok: true });
		expect(await decideAppeal(db, otherModerator.id, appeal.appealId, 'upheld')).toEqual({
			ok: false,
			reason: 'stale'
		});
		expect(await state()).toBe('published');
		expect((await listAppeals(db, filter)).total).toBe(0);
		expect(await kinds(db, author.id)).toEqual(['post_hidden', 'appeal_restored']);

		const audit = await listAudit(db, { action: null, actor: null, page: 1 });
		expect(audit.items.map((entry) => [entry.actor, entry.action, entry.reason]).reverse()).toEqual([
			[moderator.username, 'comment.hide', 'spam'],
			[otherModerator.username, 'appeal.restore', 'spam']
		]);
		const byActor = await listAudit(db, { action: null, actor: moderator.username, page: 1 });
		expect(byActor.items.map((entry) => entry.action)).toEqual(['comment.hide']);
	});

	it('an upheld appeal keeps the post hidden and tells the author', async () => {
		const { db, author, moderator, comment } = await setting();
		const ref = { kind: 'comment', id: comment.id } as const;
		await decideOnPost(db, moderator.id, ref, { action: 'hide', reason: 'insult' });
		const [notification] = (await listNotifications(db, author.id, 'de')).items;
		const appeal = await appealDecision(db, author.id, notification!.id, 'Bitte prüfen');
		if (!appeal.ok) throw new Error('appeal refused');
		expect(await decideAppeal(db, moderator.id, appeal.appealId, 'upheld')).toEqual({ ok: true });
		expect(await kinds(db, author.id)).toEqual(['post_hidden', 'appeal_upheld']);
		const [row] = await db.orm
			.select({ state: db.t.participationComments.state })
			.from(db.t.participationComments)
			.where(eq(db.t.participationComments.id, comment.id));
		expect(row!.state).toBe('hidden');
	});

	it('takes one report per person and post, none on one’s own post, none on a hidden post', async () => {
		const { db, author, moderator, comment } = await setting();
		const ref = { kind: 'comment', id: comment.id } as const;
		const reporter = await makeUser(db);
		const report = { reason: 'offensive', details: null } as const;
		expect(await reportPost(db, reporter.id, ref, report)).toEqual({ ok: true });
		expect(await reportPost(db, reporter.id, ref, report)).toEqual({ ok: false, reason: 'alreadyReported' });
		const both = await Promise.all([1, 2, 3].map(() => reportPost(db, reporter.id, ref, report)));
		expect(both.every((result) => !result.ok)).toBe(true);
		expect(await reportPost(db, author.id, ref, report)).toEqual({ ok: false, reason: 'ownPost' });
		const rows = await db.orm
			.select()
			.from(db.t.moderationReports)
			.where(eq(db.t.moderationReports.commentId, comment.id));
		expect(rows).toHaveLength(1);
		await decideOnPost(db, moderator.id, ref, { action: 'hide', reason: 'insult' });
		expect(await reportPost(db, (await makeUser(db)).id, ref, report)).toEqual({ ok: false, reason: 'notFound' });
		expect(await reportPost(db, reporter.id, { kind: 'proposal', id: 'no-such-id' }, report)).toEqual({
			ok: false,
			reason: 'notFound'
		});
	});

	it('dismissing reports resolves them and leaves the post; a stale decision changes nothing', async () => {
		const { db, author, moderator, comment } = await setting();
		const ref = { kind: 'comment', id: comment.id } as const;
		expect(await decideOnPost(db, moderator.id, ref, { action: 'dismiss_reports' })).toEqual({
			ok: false,
			reason: 'noOpenReports'
		});
		await makeReport(db, ref);
		expect((await decideOnPost(db, moderator.id, ref, { action: 'dismiss_reports' })).ok).toBe(true);
		expect((await queueCounts(db)).reported).toBe(0);
		expect(await decideOnPost(db, moderator.id, ref, { action: 'restore' })).toEqual({ ok: false, reason: 'stale' });
		expect(await decideOnPost(db, moderator.id, ref, { action: 'hide' })).toEqual({
			ok: false,
			reason: 'reasonRequired'
		});
		expect(await kinds(db, author.id)).toEqual([]);
		const audit = await listAudit(db, { action: null, actor: null, page: 1 });
		expect(audit.items.map((entry) => entry.action)).toEqual(['comment.dismiss_reports']);
	});

	it('a blocked account cannot support or contribute; unblocked, it can again; moderators cannot be blocked', async () => {
		const { db, author, moderator } = await setting();
		const project = await makeProject(db, { phase: 'support' });
		expect(await blockAccount(db, moderator.id, author.id, { reason: 'spam', note: 'Werbekonto' })).toEqual({
			ok: true
		});
		expect(await blockAccount(db, moderator.id, author.id, { reason: 'spam', note: null })).toEqual({
			ok: false,
			reason: 'alreadyBlocked'
		});
		await expect(addSupport(db, author.id, { kind: 'project', id: project.id })).rejects.toMatchObject({
			status: 403,
			body: { message: 'errors.accountBlocked' }
		});
		await expect(requireMayContribute(db, author.id)).rejects.toMatchObject({ status: 403 });
		expect(await countSupports(db, { kind: 'project', id: project.id })).toBe(0);
		expect(await unblockAccount(db, moderator.id, author.id)).toEqual({ ok: true });
		expect((await addSupport(db, author.id, { kind: 'project', id: project.id })).ok).toBe(true);
		expect(await kinds(db, author.id)).toEqual(['account_blocked', 'account_unblocked']);
		const admin = await makeUser(db, { role: 'admin' });
		expect(await blockAccount(db, moderator.id, admin.id, { reason: 'spam', note: null })).toEqual({
			ok: false,
			reason: 'protectedRole'
		});
		const audit = await listAudit(db, { action: null, actor: null, page: 1 });
		expect(audit.items.map((entry) => entry.action).reverse()).toEqual(['account.block', 'account.unblock']);
	});

	it('first-post review: pending → approve → published, and the next post is public at once', async () => {
		const db = test.db;
		const newcomer = await makeUser(db);
		const moderator = await makeUser(db, { role: 'moderator' });
		const project = await makeProject(db, { phase: 'discussion' });
		expect(await initialStateFor(db, newcomer.id)).toBe('pending');
		const first = await makeComment(db, newcomer.id, { projectId: project.id, state: 'pending' });
		const proposal = await makeProposal(db, newcomer.id, { state: 'pending' });
		const pending = await listPending(db, filter);
		expect(pending.items.map((post) => post.id)).toEqual([first.id, proposal.id]);
		expect((await listPending(db, { ...filter, kind: 'proposal' })).items.map((post) => post.id)).toEqual([
			proposal.id
		]);
		expect((await decideOnPost(db, moderator.id, { kind: 'comment', id: first.id }, { action: 'approve' })).ok).toBe(
			true
		);
		expect(await initialStateFor(db, newcomer.id)).toBe('published');
		expect(
			(
				await decideOnPost(
					db,
					moderator.id,
					{ kind: 'proposal', id: proposal.id },
					{ action: 'reject', reason: 'off_topic' }
				)
			).ok
		).toBe(true);
		expect(await kinds(db, newcomer.id)).toEqual(['post_approved', 'post_rejected']);
		const [rejected] = (await listNotifications(db, newcomer.id, 'de')).items;
		// A rejection can be appealed too.
		expect((await appealDecision(db, newcomer.id, rejected!.id, 'Passt doch.')).ok).toBe(true);
		expect((await listPending(db, filter)).total).toBe(0);
	});

	it('an approved reply tells the person it answers, who was not told while it waited', async () => {
		const db = test.db;
		const [answered, newcomer] = [await makeUser(db), await makeUser(db)];
		const moderator = await makeUser(db, { role: 'moderator' });
		const project = await makeProject(db, { phase: 'discussion' });
		const parent = await makeComment(db, answered.id, { projectId: project.id });
		const reply = await makeComment(db, newcomer.id, { projectId: project.id, parentId: parent.id, state: 'pending' });
		expect(await kinds(db, answered.id)).toEqual([]);
		await decideOnPost(db, moderator.id, { kind: 'comment', id: reply.id }, { action: 'approve' });
		expect(await kinds(db, answered.id)).toEqual(['comment_reply']);
		expect(await kinds(db, newcomer.id)).toEqual(['post_approved']);
	});

	it('statistics per month: reports, hidden, restored on appeal, median hours to decision', async () => {
		const { db, author, moderator, project } = await setting();
		const march = (day: number, hour = 0) => new Date(Date.UTC(2026, 2, day, hour));
		const posts = await Promise.all(
			[1, 2, 3].map(() => makeComment(db, author.id, { projectId: project.id, createdAt: march(1) }))
		);
		// Reports at 00:00; decisions after 2, 4 and 9 hours → median 4.
		for (const post of posts) await makeReport(db, { kind: 'comment', id: post.id }, { now: march(2) });
		await decideOnPost(
			db,
			moderator.id,
			{ kind: 'comment', id: posts[0]!.id },
			{ action: 'hide', reason: 'spam' },
			march(2, 2)
		);
		await decideOnPost(
			db,
			moderator.id,
			{ kind: 'comment', id: posts[1]!.id },
			{ action: 'hide', reason: 'spam' },
			march(2, 4)
		);
		await decideOnPost(
			db,
			moderator.id,
			{ kind: 'comment', id: posts[2]!.id },
			{ action: 'dismiss_reports' },
			march(2, 9)
		);
		const hiddenNotice = (await listNotifications(db, author.id, 'de')).items.find(
			(item) => item.params.id === posts[0]!.id
		);
		const appeal = await appealDecision(db, author.id, hiddenNotice!.id, 'Bitte', new Date(Date.UTC(2026, 3, 1)));
		if (!appeal.ok) throw new Error('appeal refused');
		// Restored on 1 April after 6 hours.
		await decideAppeal(db, moderator.id, appeal.appealId, 'restored', null, new Date(Date.UTC(2026, 3, 1, 6)));
		const stats = await moderationStatistics(db, new Date(Date.UTC(2026, 3, 15)), 3);
		expect(stats).toEqual([
			{ month: '2026-04', reports: 0, hidden: 0, restoredOnAppeal: 1, decisions: 1, medianHoursToDecision: 6 },
			{ month: '2026-03', reports: 3, hidden: 2, restoredOnAppeal: 0, decisions: 3, medianHoursToDecision: 4 },
			{ month: '2026-02', reports: 0, hidden: 0, restoredOnAppeal: 0, decisions: 0, medianHoursToDecision: null }
		]);
		expect(JSON.stringify(stats)).not.toContain(author.username);
	});

	it('the queue groups 1,000 open reports per post, a page at a time', async () => {
		const { db, author, project } = await setting();
		const comments = await Promise.all(
			Array.from({ length: 50 }, () => makeComment(db, author.id, { projectId: project.id }))
		);
		const reporters = await Promise.all(Array.from({ length: 20 }, () => makeUser(db)));
		const now = new Date();
		await db.orm.insert(db.t.moderationReports).values(
			comments.flatMap((comment, c) =>
				reporters.map((reporter, r) => ({
					id: `r-${c}-${r}`,
					reporterId: reporter.id,
					commentId: comment.id,
					proposalId: null,
					reason: (['spam', 'offensive'] as const)[r % 2]!,
					details: null,
					createdAt: new Date(now.getTime() - (c * 20 + r) * 1000),
					resolvedAt: null
				}))
			)
		);
		// How fast the queue answers is measured by `npm run bench` (1,000 open reports), not here.
		const page = await listReported(db, { ...filter, page: 2 });
		expect(page.total).toBe(50);
		expect(page.items).toHaveLength(20);
		expect(page.items[0]).toMatchObject({ reports: 20, reasons: ['offensive', 'spam'] });
		const onlySpam = await listReported(db, { ...filter, reason: 'spam' });
		expect(onlySpam.items[0]!.reports).toBe(10);
		expect((await listReported(db, { ...filter, kind: 'proposal' })).total).toBe(0);
		const still = await db.orm
			.select()
			.from(db.t.moderationReports)
			.where(and(eq(db.t.moderationReports.commentId, comments[0]!.id)));
		expect(still).toHaveLength(20);
	});
});
