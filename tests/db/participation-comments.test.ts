/**
 * Comments on both engines: the rate limit per person, first-post moderation, blocked
 * accounts, phases closed by date, the edit window, deleting with and without replies, and
 * reply depth.
 */
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../src/lib/server/db/ids.ts';
import { listComments } from '../../src/lib/server/participation/comment-listing.ts';
import { createComment, deleteComment, editComment } from '../../src/lib/server/participation/comments.ts';
import {
	COMMENT_EDIT_WINDOW_MS,
	COMMENT_WINDOW_MS,
	COMMENTS_PER_WINDOW
} from '../../src/lib/server/participation/rules.ts';
import { makeUser } from '../helpers/factories.ts';
import { engines, type TestDatabase } from '../helpers/databases.ts';
import { blockAccount, makeTrustedUser } from '../helpers/discussion-factories.ts';
import { makeComment, makeProject, makeProposal } from '../helpers/participation-factories.ts';

const DAY = 24 * 60 * 60 * 1000;

describe.each(engines)('comments on $name', (engine) => {
	let test: TestDatabase;
	beforeEach(async () => {
		test = await engine.open();
	});
	afterEach(async () => {
		await test.drop();
	});

	const write = (authorId: string, projectId: string, body: string, now = new Date(), parentId: string | null = null) =>
		createComment(
			test.db,
			{ authorId, target: { kind: 'project', id: projectId }, parentId, body, locale: 'de', path: '/participate/p' },
			now
		);
	const rows = async (projectId: string) =>
		test.db.orm
			.select()
			.from(test.db.t.participationComments)
			.where(eq(test.db.t.participationComments.projectId, projectId));

	it('refuse the 6th comment in a window, say when to try again, and allow again in the next window', async () => {
		const project = await makeProject(test.db, { phase: 'discussion' });
		const user = await makeTrustedUser(test.db);
		const start = new Date();
		for (let i = 0; i < COMMENTS_PER_WINDOW; i++) {
			expect((await write(user.id, project.id, `Nummer ${i}`, new Date(start.getTime() + i * 1000))).ok).toBe(true);
		}
		const refused = await write(user.id, project.id, 'eins zu viel', new Date(start.getTime() + 10_000));
		expect(refused).toEqual({
			ok: false,
			reason: 'rateLimited',
			retryAt: new Date(start.getTime() + COMMENT_WINDOW_MS)
		});
		expect(await rows(project.id)).toHaveLength(COMMENTS_PER_WINDOW);
		const later = await write(user.id, project.id, 'neues Fenster', new Date(start.getTime() + COMMENT_WINDOW_MS));
		expect(later.ok).toBe(true);
	});

	it('count each person on their own', async () => {
		const project = await makeProject(test.db, { phase: 'discussion' });
		const a = await makeTrustedUser(test.db);
		const b = await makeTrustedUser(test.db);
		for (let i = 0; i < COMMENTS_PER_WINDOW; i++) await write(a.id, project.id, `a ${i}`);
		expect((await write(a.id, project.id, 'a zu viel')).ok).toBe(false);
		expect((await write(b.id, project.id, 'b darf')).ok).toBe(true);
	});

	it("keep a new account's first comment pending and invisible to others; publish the next after approval", async () => {
		const project = await makeProject(test.db, { phase: 'discussion' });
		const newcomer = await makeUser(test.db);
		const reader = await makeUser(test.db);
		const first = await write(newcomer.id, project.id, 'Mein erster Kommentar');
		expect(first).toMatchObject({ ok: true, state: 'pending' });
		const target = { kind: 'project', id: project.id } as const;
		const seen = (viewerId: string | null) =>
			listComments(test.db, target, { viewerId, sort: 'newest', page: 1, pageSize: 20 });
		expect((await seen(reader.id)).comments).toEqual([]);
		expect((await seen(null)).total).toBe(0);
		const own = await seen(newcomer.id);
		expect(own.comments.map((c) => [c.id, c.pending])).toEqual([[first.ok && first.id, true]]);

		const c = test.db.t.participationComments;
		await test.db.orm
			.update(c)
			.set({ state: 'published' })
			.where(eq(c.id, first.ok ? first.id : ''));
		expect(await write(newcomer.id, project.id, 'Jetzt sofort sichtbar')).toMatchObject({
			ok: true,
			state: 'published'
		});
		expect((await seen(reader.id)).total).toBe(2);
	});

	it('refuse blocked accounts to comment, reply or edit, and write nothing', async () => {
		const project = await makeProject(test.db, { phase: 'discussion' });
		const author = await makeTrustedUser(test.db);
		const { id: parentId } = await makeComment(test.db, author.id, { projectId: project.id });
		const blocked = await makeTrustedUser(test.db);
		const { id: ownId } = await makeComment(test.db, blocked.id, { projectId: project.id });
		await blockAccount(test.db, blocked.id);
		await expect(write(blocked.id, project.id, 'Hallo')).rejects.toMatchObject({ status: 403 });
		await expect(write(blocked.id, project.id, 'Antwort', new Date(), parentId)).rejects.toMatchObject({ status: 403 });
		await expect(
			editComment(test.db, {
				userId: blocked.id,
				target: { kind: 'project', id: project.id },
				commentId: ownId,
				body: 'neu'
			})
		).rejects.toMatchObject({ status: 403 });
		expect(await rows(project.id)).toHaveLength(2);
	});

	it('refuse comments once the discussion phase ended by date, and outside it', async () => {
		const user = await makeTrustedUser(test.db);
		const now = new Date();
		const ended = await makeProject(test.db, {
			phase: 'discussion',
			phaseStartsAt: new Date(now.getTime() - 10 * DAY),
			phaseEndsAt: new Date(now.getTime() - 1000)
		});
		expect(await write(user.id, ended.id, 'zu spät', now)).toEqual({ ok: false, reason: 'closed' });
		const supportPhase = await makeProject(test.db, { phase: 'support' });
		expect(await write(user.id, supportPhase.id, 'falsche Phase', now)).toEqual({ ok: false, reason: 'closed' });
		expect(await write(user.id, newId(), 'kein Projekt', now)).toEqual({ ok: false, reason: 'notFound' });
		// Same project, an hour earlier: still open.
		expect((await write(user.id, ended.id, 'rechtzeitig', new Date(now.getTime() - 60 * 60_000))).ok).toBe(true);
	});

	it('let the author edit within 15 minutes (then marked edited), nobody else and not later', async () => {
		const project = await makeProject(test.db, { phase: 'discussion' });
		const author = await makeTrustedUser(test.db);
		const other = await makeTrustedUser(test.db);
		const start = new Date();
		const made = await write(author.id, project.id, 'Erste Fassung', start);
		if (!made.ok) throw new Error('not written');
		const target = { kind: 'project', id: project.id } as const;
		const edit = (userId: string, at: Date) =>
			editComment(test.db, { userId, target, commentId: made.id, body: `Fassung von ${userId}` }, at);
		expect(await edit(other.id, start)).toEqual({ ok: false, reason: 'notAuthor' });
		expect(await edit(author.id, new Date(start.getTime() + COMMENT_EDIT_WINDOW_MS - 1))).toEqual({
			ok: true,
			id: made.id
		});
		expect(await edit(author.id, new Date(start.getTime() + COMMENT_EDIT_WINDOW_MS + 1))).toEqual({
			ok: false,
			reason: 'editWindowOver'
		});
		const [row] = (await rows(project.id)).filter((r) => r.id === made.id);
		expect(row?.body).toBe(`Fassung von ${author.id}`);
		expect(row?.editedAt).not.toBeNull();
		const list = await listComments(test.db, target, { viewerId: null, sort: 'newest', page: 1, pageSize: 20 });
		expect(list.comments.find((c) => c.id === made.id)?.edited).toBe(true);
	});

	it('refuse an edit once the discussion phase has ended, even within the 15 minutes', async () => {
		const now = new Date();
		const project = await makeProject(test.db, {
			phase: 'discussion',
			phaseEndsAt: new Date(now.getTime() + 5 * 60_000)
		});
		const author = await makeTrustedUser(test.db);
		const made = await write(author.id, project.id, 'kurz vor Schluss', now);
		if (!made.ok) throw new Error('not written');
		const edited = await editComment(
			test.db,
			{ userId: author.id, target: { kind: 'project', id: project.id }, commentId: made.id, body: 'danach' },
			new Date(now.getTime() + 6 * 60_000)
		);
		expect(edited).toEqual({ ok: false, reason: 'closed' });
	});

	it('remove a comment without replies, keep one with replies as "deleted", and only for its author', async () => {
		const project = await makeProject(test.db, { phase: 'discussion' });
		const author = await makeTrustedUser(test.db);
		const other = await makeTrustedUser(test.db);
		const target = { kind: 'project', id: project.id } as const;
		const lonely = await makeComment(test.db, author.id, { projectId: project.id });
		const answered = await makeComment(test.db, author.id, { projectId: project.id });
		const reply = await makeComment(test.db, other.id, { projectId: project.id, parentId: answered.id });

		expect(await deleteComment(test.db, { userId: other.id, target, commentId: lonely.id })).toEqual({
			ok: false,
			reason: 'notAuthor'
		});
		expect(await deleteComment(test.db, { userId: author.id, target, commentId: lonely.id })).toMatchObject({
			ok: true,
			removed: true
		});
		expect(await deleteComment(test.db, { userId: author.id, target, commentId: answered.id })).toMatchObject({
			ok: true,
			removed: false
		});
		const left = await rows(project.id);
		expect(left.map((r) => r.id).sort()).toEqual([answered.id, reply.id].sort());
		const kept = left.find((r) => r.id === answered.id)!;
		expect(kept.body).toBe('');
		expect(kept.deletedAt).not.toBeNull();
		const list = await listComments(test.db, target, { viewerId: null, sort: 'newest', page: 1, pageSize: 20 });
		expect(list.comments).toHaveLength(1);
		expect(list.comments[0]).toMatchObject({ id: answered.id, deleted: true, body: [], replyCount: 1 });
		// The last reply goes: the deleted parent has nothing left to hold together.
		await deleteComment(test.db, { userId: other.id, target, commentId: reply.id });
		expect(await rows(project.id)).toEqual([]);
	});

	it('attach a reply to a reply to its top-level parent and tell the person answered', async () => {
		const project = await makeProject(test.db, { phase: 'discussion' });
		const a = await makeTrustedUser(test.db);
		const b = await makeTrustedUser(test.db);
		const top = await write(a.id, project.id, 'oben');
		if (!top.ok) throw new Error('not written');
		const reply = await write(b.id, project.id, 'Antwort', new Date(), top.id);
		if (!reply.ok) throw new Error('not written');
		const deeper = await write(a.id, project.id, 'Antwort auf Antwort', new Date(), reply.id);
		if (!deeper.ok) throw new Error('not written');
		const all = await rows(project.id);
		expect(all.find((r) => r.id === reply.id)?.parentId).toBe(top.id);
		expect(all.find((r) => r.id === deeper.id)?.parentId).toBe(top.id);

		const n = test.db.t.notifications;
		const toA = await test.db.orm.select().from(n).where(eq(n.userId, a.id));
		const toB = await test.db.orm.select().from(n).where(eq(n.userId, b.id));
		expect(toA.map((row) => [row.kind, JSON.parse(row.params)])).toEqual([
			['comment_reply', { post: 'comment', id: reply.id, path: `/participate/p#comment-${reply.id}` }]
		]);
		expect(toB.map((row) => row.kind)).toEqual(['comment_reply']);
		// Replying to oneself tells nobody.
		await write(a.id, project.id, 'Nachtrag', new Date(), top.id);
		expect(
			await test.db.orm
				.select()
				.from(n)
				.where(and(eq(n.userId, a.id)))
		).toHaveLength(1);
	});

	it('refuse a reply to a comment on another target, and comments on a proposal that is not published', async () => {
		const one = await makeProject(test.db, { phase: 'discussion' });
		const two = await makeProject(test.db, { phase: 'discussion' });
		const user = await makeTrustedUser(test.db);
		const elsewhere = await makeComment(test.db, user.id, { projectId: two.id });
		expect(await write(user.id, one.id, 'quer', new Date(), elsewhere.id)).toEqual({
			ok: false,
			reason: 'parentNotFound'
		});
		const pending = await makeProposal(test.db, user.id, { state: 'pending' });
		const onPending = await createComment(test.db, {
			authorId: user.id,
			target: { kind: 'proposal', id: pending.id },
			body: 'zu früh',
			locale: 'de',
			path: '/x'
		});
		expect(onPending).toEqual({ ok: false, reason: 'closed' });
	});

	it('sort by newest, oldest and most replies, and paginate the top level', async () => {
		const project = await makeProject(test.db, { phase: 'discussion' });
		const user = await makeTrustedUser(test.db);
		const base = Date.now() - DAY;
		const ids: string[] = [];
		for (let i = 0; i < 5; i++) {
			ids.push(
				(await makeComment(test.db, user.id, { projectId: project.id, createdAt: new Date(base + i * 1000) })).id
			);
		}
		for (let i = 0; i < 3; i++) await makeComment(test.db, user.id, { projectId: project.id, parentId: ids[1] });
		await makeComment(test.db, user.id, { projectId: project.id, parentId: ids[3] });
		const target = { kind: 'project', id: project.id } as const;
		const list = (sort: 'newest' | 'oldest' | 'replies', page = 1) =>
			listComments(test.db, target, { viewerId: null, sort, page, pageSize: 2 });
		expect((await list('newest')).comments.map((c) => c.id)).toEqual([ids[4], ids[3]]);
		expect((await list('oldest')).comments.map((c) => c.id)).toEqual([ids[0], ids[1]]);
		expect((await list('replies')).comments.map((c) => [c.id, c.replyCount])).toEqual([
			[ids[1], 3],
			[ids[3], 1]
		]);
		const third = await list('oldest', 3);
		expect(third.total).toBe(5);
		expect(third.comments.map((c) => c.id)).toEqual([ids[4]]);
	});
});
