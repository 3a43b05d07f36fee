/**
 * Moderation through the running app: who may open and use each page and action (guest →
 * sign-in, learner → 403, moderator and admin → allowed; the audit log only for admins),
 * with nothing written when refused; hostile input to the report, decision, block and
 * appeal forms answered with a localized 4xx; and in the browser, a moderator hides a
 * comment and its author sees why and appeals.
 */
import type { APIRequestContext, BrowserContext } from '@playwright/test';
import { count, eq } from 'drizzle-orm';
import deModeration from '../../src/lib/i18n/translations/de/moderation.json' with { type: 'json' };
import deShell from '../../src/lib/i18n/translations/de/shell.json' with { type: 'json' };
import type { Db } from '../../src/lib/server/db/database.ts';
import { decideOnPost } from '../../src/lib/server/moderation/decisions.ts';
import { makeUser } from '../helpers/factories.ts';
import { makeReport } from '../helpers/moderation-factories.ts';
import { makeComment, makeProject } from '../helpers/participation-factories.ts';
import { expect, signInNewUser, test } from './fixtures';
import { BASE_URL } from './helpers';

type Who = 'guest' | 'learner' | 'moderator' | 'admin';
const WHO: Who[] = ['guest', 'learner', 'moderator', 'admin'];

async function visitor(db: Db, context: BrowserContext, who: Who) {
	if (who === 'guest') return null;
	return signInNewUser(db, context, { role: who });
}

function post(request: APIRequestContext, path: string, form: Record<string, string>) {
	return request.post(path, { form, headers: { origin: BASE_URL, accept: 'text/html' }, maxRedirects: 0 });
}

async function reportedComment(db: Db) {
	const author = await makeUser(db);
	const project = await makeProject(db, { phase: 'discussion' });
	const comment = await makeComment(db, author.id, {
		projectId: project.id,
		body: 'Billig kaufen: https://spam.example'
	});
	await makeReport(db, { kind: 'comment', id: comment.id });
	return { author, project, comment };
}

const stateOf = async (db: Db, id: string) =>
	(
		await db.orm
			.select({ state: db.t.participationComments.state })
			.from(db.t.participationComments)
			.where(eq(db.t.participationComments.id, id))
	)[0]?.state;

test.describe('who may open the moderation pages', () => {
	const pages: { path: string; allowed: Who[] }[] = [
		{ path: '/de/moderation', allowed: ['moderator', 'admin'] },
		{ path: '/de/moderation?tab=pending', allowed: ['moderator', 'admin'] },
		{ path: '/de/moderation?tab=appeals', allowed: ['moderator', 'admin'] },
		{ path: '/de/moderation?tab=blocked', allowed: ['moderator', 'admin'] },
		{ path: '/de/admin/audit', allowed: ['admin'] },
		{ path: '/de/account/notifications', allowed: ['learner', 'moderator', 'admin'] },
		{ path: '/de/participate/moderation', allowed: ['guest', 'learner', 'moderator', 'admin'] }
	];
	for (const { path, allowed } of pages) {
		for (const who of WHO) {
			test(`${who} opens ${path}: ${allowed.includes(who) ? 'allowed' : 'refused'}`, async ({ appDb, context }) => {
				await visitor(appDb, context, who);
				const response = await context.request.get(path, { maxRedirects: 0 });
				if (allowed.includes(who)) expect(response.status()).toBe(200);
				else if (who === 'guest') {
					expect(response.status()).toBe(303);
					expect(response.headers()['location']).toContain('/de/signin?next=');
				} else {
					expect(response.status()).toBe(403);
					expect(await response.text()).toContain(deShell.errors.forbidden);
				}
			});
		}
	}

	test('the report page sends guests to sign in and shows a signed-in person the post', async ({ appDb, context }) => {
		const { comment } = await reportedComment(appDb);
		const path = `/de/participate/report?comment=${comment.id}`;
		const guest = await context.request.get(path, { maxRedirects: 0 });
		expect(guest.status()).toBe(303);
		await visitor(appDb, context, 'learner');
		const page = await context.request.get(path);
		expect(page.status()).toBe(200);
		expect(await page.text()).toContain(deModeration.report.privacy);
		expect((await context.request.get('/de/participate/report?comment=nope')).status()).toBe(404);
	});
});

test.describe('who may use the moderation actions; nothing is written when refused', () => {
	for (const who of WHO) {
		const allowed = who === 'moderator' || who === 'admin';
		test(`${who}: hide, dismiss, block, unblock, appeal decision`, async ({ appDb, context }) => {
			await visitor(appDb, context, who);
			const { author, comment } = await reportedComment(appDb);
			const expectRefused = (status: number) => expect(status).toBe(who === 'guest' ? 303 : 403);

			const hide = await post(context.request, '/de/moderation?/decide', {
				kind: 'comment',
				id: comment.id,
				action: 'hide',
				reason: 'spam',
				note: ''
			});
			if (allowed) expect(hide.status(), await hide.text()).toBe(200);
			else expectRefused(hide.status());
			expect(await stateOf(appDb, comment.id)).toBe(allowed ? 'hidden' : 'published');

			const block = await post(context.request, '/de/moderation?/block', {
				userId: author.id,
				reason: 'spam',
				note: ''
			});
			const blocks = async () =>
				(
					await appDb.orm
						.select({ n: count() })
						.from(appDb.t.accountBlocks)
						.where(eq(appDb.t.accountBlocks.userId, author.id))
				)[0]!.n;
			if (allowed) expect(block.status()).toBe(200);
			else expectRefused(block.status());
			expect(await blocks()).toBe(allowed ? 1 : 0);

			const unblock = await post(context.request, '/de/moderation?/unblock', { userId: author.id, note: '' });
			if (allowed) expect(unblock.status()).toBe(200);
			else expectRefused(unblock.status());
			expect(await blocks()).toBe(0);

			const other = await reportedComment(appDb);
			const dismiss = await post(context.request, '/de/moderation?/decide', {
				kind: 'comment',
				id: other.comment.id,
				action: 'dismiss_reports'
			});
			if (allowed) expect(dismiss.status()).toBe(200);
			else expectRefused(dismiss.status());
			const open = await appDb.orm
				.select({ resolvedAt: appDb.t.moderationReports.resolvedAt })
				.from(appDb.t.moderationReports)
				.where(eq(appDb.t.moderationReports.commentId, other.comment.id));
			expect(open.every((row) => (row.resolvedAt === null) === !allowed)).toBe(true);

			const appeal = await post(context.request, '/de/moderation?/appeal', {
				appealId: 'no-such-appeal',
				outcome: 'restored'
			});
			if (allowed) expect(appeal.status()).toBe(404);
			else expectRefused(appeal.status());
		});
	}

	test('a moderator cannot block an admin or a moderator', async ({ appDb, context }) => {
		await visitor(appDb, context, 'moderator');
		const admin = await makeUser(appDb, { role: 'admin' });
		const response = await post(context.request, '/de/moderation?/block', {
			userId: admin.id,
			reason: 'spam',
			note: ''
		});
		expect(response.status()).toBe(403);
		expect(await response.text()).toContain(deModeration.moderation.errors.protectedRole);
	});

	test('a person can appeal only their own decisions', async ({ appDb, context }) => {
		const { author, comment } = await reportedComment(appDb);
		const moderator = await makeUser(appDb, { role: 'moderator' });
		await decideOnPost(appDb, moderator.id, { kind: 'comment', id: comment.id }, { action: 'hide', reason: 'spam' });
		const [notice] = await appDb.orm
			.select({ id: appDb.t.notifications.id })
			.from(appDb.t.notifications)
			.where(eq(appDb.t.notifications.userId, author.id));
		await visitor(appDb, context, 'learner');
		expect((await context.request.get(`/de/account/notifications/appeal?notification=${notice!.id}`)).status()).toBe(
			404
		);
		const response = await post(context.request, `/de/account/notifications/appeal?notification=${notice!.id}`, {
			notification: notice!.id,
			text: 'Nicht meins'
		});
		expect(response.status()).toBe(404);
		const appeals = await appDb.orm
			.select({ n: count() })
			.from(appDb.t.moderationAppeals)
			.where(eq(appDb.t.moderationAppeals.authorId, author.id));
		expect(appeals[0]!.n).toBe(0);
	});
});

test.describe('hostile input to the moderation forms: a localized 4xx, never a 5xx', () => {
	const values = [
		'',
		'x'.repeat(20_000),
		'<script>alert(1)</script>',
		'abc\u0000def',
		'invoice\u202Efdp.exe',
		'\uFFFD',
		"'; DROP TABLE users; --"
	];

	test('report form', async ({ appDb, context }) => {
		await visitor(appDb, context, 'learner');
		const { comment } = await reportedComment(appDb);
		for (const value of values) {
			const forms: Record<string, string>[] = [
				{ kind: 'comment', id: value, reason: 'spam' },
				{ kind: value, id: comment.id, reason: 'spam' },
				{ kind: 'comment', id: comment.id, reason: value },
				{ kind: 'comment', id: comment.id, reason: 'other', details: value }
			];
			for (const form of forms) {
				const response = await post(context.request, '/de/participate/report?comment=' + comment.id, form);
				if (form.details === '<script>alert(1)</script>' || form.details === "'; DROP TABLE users; --") {
					// Plain text is taken as typed; the next one with the same reporter is the duplicate.
					expect([303, 200, 409]).toContain(response.status());
					continue;
				}
				expect(response.status(), JSON.stringify(form).slice(0, 80)).toBeGreaterThanOrEqual(400);
				expect(response.status()).toBeLessThan(500);
			}
		}
		const duplicate = await post(context.request, '/de/participate/report?comment=' + comment.id, {
			kind: 'comment',
			id: comment.id,
			reason: 'spam'
		});
		expect(duplicate.status()).toBe(409);
		expect(await duplicate.text()).toContain(deModeration.report.errors.alreadyReported);
		const body = await (await context.request.get(`/de/moderation`)).text();
		expect(body).not.toContain('<script>alert(1)</script>');
	});

	test('an off-site back address is not followed', async ({ appDb, context }) => {
		await visitor(appDb, context, 'learner');
		const { comment } = await reportedComment(appDb);
		const response = await post(context.request, `/de/participate/report?comment=${comment.id}`, {
			kind: 'comment',
			id: comment.id,
			reason: 'spam',
			back: '//evil.example/x'
		});
		expect(response.status()).toBe(200);
		expect(response.headers()['location']).toBeUndefined();
		const own = await reportedComment(appDb);
		const followed = await post(context.request, `/de/participate/report?comment=${own.comment.id}`, {
			kind: 'comment',
			id: own.comment.id,
			reason: 'spam',
			back: `/de/participate/${own.project.slug}`
		});
		expect(followed.status()).toBe(303);
		expect(followed.headers()['location']).toBe(`/de/participate/${own.project.slug}?reported=1`);
	});

	test('decision, block and appeal forms', async ({ appDb, context }) => {
		await visitor(appDb, context, 'moderator');
		const { author, comment } = await reportedComment(appDb);
		for (const value of values) {
			const forms: [string, Record<string, string>][] = [
				['decide', { kind: 'comment', id: comment.id, action: value, reason: 'spam' }],
				['decide', { kind: 'comment', id: value, action: 'hide', reason: 'spam' }],
				['decide', { kind: 'comment', id: comment.id, action: 'hide', reason: value }],
				['decide', { kind: value, id: comment.id, action: 'hide', reason: 'spam' }],
				['block', { userId: value, reason: 'spam' }],
				['block', { userId: author.id, reason: value }],
				['unblock', { userId: value }],
				['appeal', { appealId: value, outcome: 'upheld' }],
				['appeal', { appealId: 'abc', outcome: value }]
			];
			for (const [action, form] of forms) {
				const response = await post(context.request, `/de/moderation?/${action}`, form);
				expect(response.status(), `${action} ${JSON.stringify(form).slice(0, 80)}`).toBeGreaterThanOrEqual(400);
				expect(response.status()).toBeLessThan(500);
			}
		}
		// A note with control characters is refused; nothing was hidden or blocked along the way.
		const note = await post(context.request, '/de/moderation?/decide', {
			kind: 'comment',
			id: comment.id,
			action: 'hide',
			reason: 'spam',
			note: 'a\u0000b'
		});
		expect(note.status()).toBe(400);
		expect(await note.text()).toContain(deShell.errors.controlCharacters);
		expect(await stateOf(appDb, comment.id)).toBe('published');
		const body = await post(context.request, '/de/moderation?/decide', { kind: 'comment' });
		expect(body.status()).toBe(400);
	});

	test('appeal form', async ({ appDb, context }) => {
		const author = await signInNewUser(appDb, context);
		const project = await makeProject(appDb, { phase: 'discussion' });
		const comment = await makeComment(appDb, author.id, { projectId: project.id });
		const moderator = await makeUser(appDb, { role: 'moderator' });
		await decideOnPost(appDb, moderator.id, { kind: 'comment', id: comment.id }, { action: 'hide', reason: 'spam' });
		const [notice] = await appDb.orm
			.select({ id: appDb.t.notifications.id })
			.from(appDb.t.notifications)
			.where(eq(appDb.t.notifications.userId, author.id));
		// The form posts to its own page, whose address names the notification.
		const appealPath = `/de/account/notifications/appeal?notification=${notice!.id}`;
		for (const text of ['', 'x'.repeat(20_000), 'abc\u0000def', 'invoice\u202Efdp.exe', '\uFFFD']) {
			const response = await post(context.request, appealPath, {
				notification: notice!.id,
				text
			});
			expect(response.status()).toBe(400);
		}
		for (const id of ['', '<script>', 'x'.repeat(500)]) {
			const response = await post(context.request, '/de/account/notifications/appeal', {
				notification: id,
				text: 'ok'
			});
			expect(response.status()).toBeGreaterThanOrEqual(400);
			expect(response.status()).toBeLessThan(500);
		}
		const first = await post(context.request, appealPath, {
			notification: notice!.id,
			text: '<script>alert(1)</script> war keine Werbung'
		});
		expect(first.status()).toBe(200);
		const second = await post(context.request, appealPath, {
			notification: notice!.id,
			text: 'noch einmal'
		});
		expect(second.status()).toBe(409);
		expect(await second.text()).toContain(deModeration.notifications.appeal.errors.alreadyAppealed);
	});
});

test('a moderator hides a comment; the author sees why, appeals, and learns the outcome', async ({
	appDb,
	browser
}) => {
	const authorContext = await browser.newContext();
	const moderatorContext = await browser.newContext();
	const author = await signInNewUser(appDb, authorContext);
	await signInNewUser(appDb, moderatorContext, { role: 'moderator' });
	const project = await makeProject(appDb, { phase: 'discussion' });
	const body = `Kommentar zum Ausblenden ${Date.now()}`;
	const comment = await makeComment(appDb, author.id, { projectId: project.id, body });
	// Reported long ago, so it is first in the queue (oldest first) whatever other tests reported meanwhile.
	await makeReport(
		appDb,
		{ kind: 'comment', id: comment.id },
		{ reason: 'offensive', now: new Date('2020-01-01T00:00:00Z') }
	);

	const moderatorPage = await moderatorContext.newPage();
	await moderatorPage.goto('/de/moderation?tab=reported');
	const item = moderatorPage.locator('article', { hasText: body });
	await expect(item).toBeVisible();
	await item.getByLabel(deModeration.moderation.reason).first().selectOption('insult');
	await item.getByRole('button', { name: deModeration.moderation.actions.hide }).click();
	await expect(moderatorPage.getByRole('status')).toContainText(deModeration.moderation.done.hide);
	expect(await stateOf(appDb, comment.id)).toBe('hidden');

	const authorPage = await authorContext.newPage();
	await authorPage.goto('/de');
	await expect(authorPage.getByRole('link', { name: /Mitteilungen/ })).toContainText('1 ungelesen');
	await authorPage.goto('/de/account/notifications');
	await expect(authorPage.locator('main')).toContainText(
		'Ihr Kommentar wurde von der Moderation ausgeblendet. Grund: Beleidigung.'
	);
	await authorPage.getByRole('link', { name: deModeration.notifications.appealLink }).click();
	await authorPage.getByLabel(deModeration.notifications.appeal.text).fill('Das war sachliche Kritik.');
	await authorPage.getByRole('button', { name: deModeration.notifications.appeal.submit }).click();
	await expect(authorPage.getByRole('status')).toContainText(deModeration.notifications.appeal.sent);

	await moderatorPage.goto('/de/moderation?tab=appeals');
	const appeal = moderatorPage.locator('article', { hasText: 'Das war sachliche Kritik.' });
	await appeal.getByRole('button', { name: deModeration.moderation.actions.restore }).click();
	await expect(moderatorPage.getByRole('status')).toContainText(deModeration.moderation.done.appeal_restored);
	expect(await stateOf(appDb, comment.id)).toBe('published');

	await authorPage.goto('/de/account/notifications');
	await expect(authorPage.locator('main')).toContainText(
		'Ihr Einspruch war erfolgreich: Ihr Kommentar ist wieder öffentlich.'
	);
	await authorPage.getByRole('button', { name: deModeration.notifications.markAllRead }).click();
	await expect(authorPage.getByRole('status')).toContainText(deModeration.notifications.markedRead);
	await expect(authorPage.getByRole('link', { name: /Mitteilungen/ })).not.toContainText('ungelesen');
	await authorContext.close();
	await moderatorContext.close();
});
