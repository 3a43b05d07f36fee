/**
 * Comments and proposals in the browser and over HTTP: commenting and replying with the
 * keyboard alone, with and without JavaScript; who may write, edit and delete what; hostile
 * input to every form; the comment rate limit across two app processes on one PostgreSQL.
 */
import type { APIRequestContext, Page } from '@playwright/test';
import { eq } from 'drizzle-orm';
import de from '../../src/lib/i18n/translations/de/discussion.json' with { type: 'json' };
import { COMMENTS_PER_WINDOW } from '../../src/lib/server/participation/rules.ts';
import { SESSION_COOKIE } from '../../src/lib/server/auth/session.ts';
import { postForm, sharedDatabases, startApp } from '../helpers/app-process.ts';
import { makeSession, makeUser } from '../helpers/factories.ts';
import { makeTrustedUser } from '../helpers/discussion-factories.ts';
import { makeComment, makeField, makeProposal } from '../helpers/participation-factories.ts';
import { openDatabase, type Db } from '../../src/lib/server/db/database.ts';
import { expect, test } from './fixtures';
import { BASE_URL, tabTo } from './helpers';

function post(request: APIRequestContext, path: string, fields: Record<string, string>) {
	return request.post(path, { headers: { origin: BASE_URL, accept: 'text/html' }, form: fields, maxRedirects: 0 });
}

async function proposalWithComment(db: Db) {
	const author = await makeTrustedUser(db);
	const field = await makeField(db);
	const proposal = await makeProposal(db, author.id, { fieldId: field.id });
	const comment = await makeComment(db, author.id, { proposalId: proposal.id, body: 'Gute Idee, aber wer zahlt?' });
	return { author, proposal, comment };
}

const comments = (db: Db, proposalId: string) =>
	db.orm.select().from(db.t.participationComments).where(eq(db.t.participationComments.proposalId, proposalId));

async function commentAndReplyByKeyboard(page: Page, path: string, parentId: string) {
	await page.goto(path);
	await tabTo(page, '#field-comment-body', 200);
	await page.keyboard.type('Mit der Tastatur geschrieben: https://example.org/plan');
	await page.keyboard.press('Tab');
	await page.keyboard.press('Enter');
	await expect(page.locator('.linked-text', { hasText: 'Mit der Tastatur geschrieben:' })).toBeVisible();
	await expect(page).toHaveURL(/#comment-/);
	await expect(page.getByRole('link', { name: 'https://example.org/plan' })).toHaveAttribute(
		'rel',
		'nofollow ugc noopener'
	);

	await tabTo(page, `#comment-${parentId} summary`, 200);
	await page.keyboard.press('Enter');
	await page.keyboard.press('Tab');
	await expect(page.locator(`#field-reply-${parentId}-body`)).toBeFocused();
	await page.keyboard.type('Meine Antwort, per Tastatur.');
	await page.keyboard.press('Tab');
	await page.keyboard.press('Enter');
	await expect(page.locator(`#comment-${parentId} .comment__replies`)).toContainText('Meine Antwort, per Tastatur.');
}

for (const javaScriptEnabled of [true, false]) {
	test.describe(`JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });

		test('a citizen comments and replies on a proposal with the keyboard alone', async ({ page, signIn, appDb }) => {
			const { proposal, comment } = await proposalWithComment(appDb);
			await signIn();
			await commentAndReplyByKeyboard(page, `/de/participate/proposals/${proposal.id}`, comment.id);
			const rows = await comments(appDb, proposal.id);
			expect(rows).toHaveLength(3);
			// A new account: its first comment waits for review, and it sees that.
			await expect(page.getByText(de.discussion.pending).first()).toBeVisible();
			// Reloading the page after the redirect does not post again.
			await page.reload();
			expect(await comments(appDb, proposal.id)).toHaveLength(3);
		});

		test('a comment is edited and deleted (with the confirmation step) by its author', async ({
			page,
			appDb,
			context
		}) => {
			const { proposal } = await proposalWithComment(appDb);
			const me = await makeTrustedUser(appDb);
			const { token } = await makeSession(appDb, me.id);
			await context.addCookies([{ name: SESSION_COOKIE, value: token, url: BASE_URL }]);
			const mine = await makeComment(appDb, me.id, { proposalId: proposal.id, body: 'Erste Fassung' });
			await page.goto(`/de/participate/proposals/${proposal.id}`);
			await page.locator(`#comment-${mine.id} summary`, { hasText: de.discussion.edit }).click();
			await page.locator(`#field-edit-${mine.id}-body`).fill('Zweite Fassung');
			await page.locator(`#comment-${mine.id}`).getByRole('button', { name: de.discussion.saveEdit }).click();
			await expect(page.locator(`#comment-${mine.id}`)).toContainText('Zweite Fassung');
			await expect(page.locator(`#comment-${mine.id}`)).toContainText(de.discussion.edited);

			await page.locator(`#comment-${mine.id}`).getByRole('link', { name: de.discussion.delete }).click();
			await page.locator(`#comment-${mine.id}`).getByRole('button', { name: de.discussion.deleteYes }).click();
			await expect(page.locator(`#comment-${mine.id}`)).toHaveCount(0);
			expect((await comments(appDb, proposal.id)).map((r) => r.id)).not.toContain(mine.id);
		});
	});
}

test.describe('who may do what', () => {
	test('a guest is sent to sign in and nothing is written', async ({ request, appDb }) => {
		const { proposal, comment } = await proposalWithComment(appDb);
		const path = `/de/participate/proposals/${proposal.id}`;
		for (const [action, fields] of [
			['comment', { body: 'Gast' }],
			['comment', { body: 'Gast', parentId: comment.id }],
			['editComment', { body: 'Gast', commentId: comment.id }],
			['deleteComment', { commentId: comment.id }],
			['support', {}]
		] as const) {
			const response = await post(request, `${path}?/${action}`, fields);
			expect(response.status(), action).toBe(303);
			expect(response.headers().location, action).toMatch(/^\/de\/signin\?next=/);
		}
		const edit = await post(request, `${path}/edit`, { fieldId: 'x', title: 'x', description: 'x' });
		expect(edit.status()).toBe(303);
		const rows = await comments(appDb, proposal.id);
		expect(rows.map((r) => r.body)).toEqual(['Gute Idee, aber wer zahlt?']);
		expect(
			await appDb.orm
				.select()
				.from(appDb.t.participationSupports)
				.where(eq(appDb.t.participationSupports.proposalId, proposal.id))
		).toEqual([]);
		expect((await post(request, '/de/participate/proposals/new', { title: 'x' })).status()).toBe(303);
	});

	test("another citizen cannot edit or delete someone else's comment or proposal; the author can", async ({
		playwright,
		appDb
	}) => {
		const { author, proposal, comment } = await proposalWithComment(appDb);
		await appDb.orm.delete(appDb.t.participationComments).where(eq(appDb.t.participationComments.id, comment.id)); // an unanswered proposal stays editable
		const fresh = await makeComment(appDb, author.id, { proposalId: proposal.id, body: 'Vom Autor' });
		const path = `/de/participate/proposals/${proposal.id}`;
		const as = async (userId: string) => {
			const { token } = await makeSession(appDb, userId);
			return playwright.request.newContext({
				baseURL: BASE_URL,
				extraHTTPHeaders: { cookie: `${SESSION_COOKIE}=${token}` }
			});
		};
		const other = await as((await makeTrustedUser(appDb)).id);
		expect((await post(other, `${path}?/editComment`, { commentId: fresh.id, body: 'gekapert' })).status()).toBe(403);
		expect((await post(other, `${path}?/deleteComment`, { commentId: fresh.id })).status()).toBe(403);
		expect((await other.get(`${path}/edit`)).status()).toBe(403);
		const [row] = await appDb.orm
			.select()
			.from(appDb.t.participationProposals)
			.where(eq(appDb.t.participationProposals.id, proposal.id));
		const proposalEdit = { fieldId: row!.fieldId, title: 'gekapert', description: 'gekapert' };
		expect((await post(other, `${path}/edit`, proposalEdit)).status()).toBe(403);
		expect((await comments(appDb, proposal.id)).map((r) => r.body)).toEqual(['Vom Autor']);

		// The author's comment makes the proposal locked; remove it, then the author edits.
		const own = await as(author.id);
		expect(
			(await post(own, `${path}?/editComment`, { commentId: fresh.id, body: 'Vom Autor, verbessert' })).status()
		).toBe(303);
		expect((await post(own, `${path}/edit`, { ...proposalEdit, title: 'Vom Autor' })).status()).toBe(409);
		expect((await post(own, `${path}?/deleteComment`, { commentId: fresh.id })).status()).toBe(303);
		const saved = await post(own, `${path}/edit`, { ...proposalEdit, title: 'Vom Autor' });
		expect(saved.status()).toBe(303);
		const [after] = await appDb.orm
			.select()
			.from(appDb.t.participationProposals)
			.where(eq(appDb.t.participationProposals.id, proposal.id));
		expect(after?.title).toBe('Vom Autor');
	});

	test('the 6th comment in ten minutes is refused with 429 and says when to try again', async ({
		appDb,
		playwright
	}) => {
		const { proposal } = await proposalWithComment(appDb);
		const me = await makeTrustedUser(appDb);
		const { token } = await makeSession(appDb, me.id);
		const api = await playwright.request.newContext({
			baseURL: BASE_URL,
			extraHTTPHeaders: { cookie: `${SESSION_COOKIE}=${token}` }
		});
		const path = `/de/participate/proposals/${proposal.id}?/comment`;
		for (let i = 0; i < COMMENTS_PER_WINDOW; i++) {
			expect((await post(api, path, { body: `Nummer ${i}` })).status()).toBe(303);
		}
		const refused = await post(api, path, { body: 'eins zu viel' });
		expect(refused.status()).toBe(429);
		const html = await refused.text();
		expect(html).toMatch(/Bitte versuchen Sie es um \d{1,2}:\d{2} Uhr wieder \(in etwa \d+ Minuten\)/);
		expect(html).toContain('eins zu viel'); // the text comes back into the form, not lost
	});

	test('a hidden proposal is a 404 for others and readable for its author', async ({ request, appDb, playwright }) => {
		const author = await makeUser(appDb);
		const hidden = await makeProposal(appDb, author.id, { state: 'hidden' });
		expect((await request.get(`/de/participate/proposals/${hidden.id}`)).status()).toBe(404);
		const { token } = await makeSession(appDb, author.id);
		const own = await playwright.request.newContext({
			baseURL: BASE_URL,
			extraHTTPHeaders: { cookie: `${SESSION_COOKIE}=${token}` }
		});
		const page = await own.get(`/de/participate/proposals/${hidden.id}`);
		expect(page.status()).toBe(200);
		expect(await page.text()).toContain(de.proposals.hiddenNotice);
	});
});

const HOSTILE = {
	script: '<script>alert("pwned")</script>',
	javascript: 'javascript:alert(1) [klick](javascript:alert(1))',
	bidi: 'invoice\u202Efdp.exe',
	zeroWidth: 'null\u200Bbreite\u200D',
	nul: 'abc\u0000def',
	huge: 'x'.repeat(10 * 1024 * 1024)
} as const;
const ACCEPTED = new Set(['script', 'javascript', 'zeroWidth']);

test.describe('hostile input', () => {
	test.use({ javaScriptEnabled: false });

	for (const [kind, payload] of Object.entries(HOSTILE)) {
		test(`comment, reply, edit and proposal forms: ${kind}`, async ({ page, context, appDb, playwright }) => {
			const { proposal, comment } = await proposalWithComment(appDb);
			const me = await makeTrustedUser(appDb);
			const { token } = await makeSession(appDb, me.id);
			await context.addCookies([{ name: SESSION_COOKIE, value: token, url: BASE_URL }]);
			const api = await playwright.request.newContext({
				baseURL: BASE_URL,
				extraHTTPHeaders: { cookie: `${SESSION_COOKIE}=${token}` }
			});
			const path = `/de/participate/proposals/${proposal.id}`;
			const mine = await makeComment(appDb, me.id, { proposalId: proposal.id, body: 'meins' });
			const before = (await comments(appDb, proposal.id)).length;
			const answers = [
				await post(api, `${path}?/comment`, { body: payload }),
				await post(api, `${path}?/comment`, { body: payload, parentId: comment.id }),
				await post(api, `${path}?/editComment`, { body: payload, commentId: mine.id })
			];
			for (const answer of answers) {
				expect(answer.status(), kind).toBeLessThan(500);
				if (ACCEPTED.has(kind)) expect(answer.status(), kind).toBe(303);
				else expect(answer.status(), kind).toBeGreaterThanOrEqual(400);
			}
			const rows = await comments(appDb, proposal.id);
			expect(rows).toHaveLength(before + (ACCEPTED.has(kind) ? 2 : 0));
			if (ACCEPTED.has(kind)) {
				expect(rows.filter((r) => r.body === payload.trim())).toHaveLength(3);
				await page.goto(path);
				await expect(page.locator('script', { hasText: 'pwned' })).toHaveCount(0);
				await expect(page.locator('a[href^="javascript:"]')).toHaveCount(0);
				if (kind === 'script') await expect(page.getByText(payload).first()).toBeVisible();
			} else {
				const shown = await answers[0]!.text();
				await page.setContent(shown);
				await expect(page.locator('.error-summary')).toBeVisible();
			}
			const [fieldRow] = await appDb.orm.select().from(appDb.t.participationFields).limit(1);
			const proposalAnswer = await post(api, '/de/participate/proposals/new', {
				fieldId: fieldRow!.id,
				title: payload.slice(0, 100),
				description: payload
			});
			expect(proposalAnswer.status(), `proposal ${kind}`).toBeLessThan(500);
			expect(proposalAnswer.status(), `proposal ${kind}`).toBe(ACCEPTED.has(kind) ? 303 : 400);
		});
	}

	test('invalid UTF-8, foreign and wrong ids in hidden fields get a 4xx and write nothing', async ({
		appDb,
		playwright
	}) => {
		const { proposal } = await proposalWithComment(appDb);
		const elsewhere = await proposalWithComment(appDb);
		const me = await makeTrustedUser(appDb);
		const { token } = await makeSession(appDb, me.id);
		const api = await playwright.request.newContext({
			baseURL: BASE_URL,
			extraHTTPHeaders: { cookie: `${SESSION_COOKIE}=${token}` }
		});
		const path = `/de/participate/proposals/${proposal.id}`;
		const before = (await comments(appDb, proposal.id)).length;
		const raw = await api.post(`${path}?/comment`, {
			headers: { origin: BASE_URL, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
			data: Buffer.from('body=%FF%FEabc'),
			maxRedirects: 0
		});
		expect(raw.status()).toBe(400);
		for (const fields of [
			{ body: 'quer', parentId: elsewhere.comment.id },
			{ body: 'quer', parentId: 'gibt-es-nicht' },
			{ body: 'quer', parentId: '"><script>' }
		]) {
			const answer = await post(api, `${path}?/comment`, fields);
			expect(answer.status()).toBeGreaterThanOrEqual(400);
			expect(answer.status()).toBeLessThan(500);
		}
		for (const fields of [
			{ commentId: elsewhere.comment.id, body: 'x' },
			{ commentId: 'nope', body: 'x' }
		]) {
			expect((await post(api, `${path}?/editComment`, fields)).status()).toBe(404);
		}
		expect((await post(api, `${path}?/deleteComment`, { commentId: elsewhere.comment.id })).status()).toBe(404);
		expect(
			(
				await post(api, '/de/participate/proposals/new', { fieldId: 'gibt-es-nicht', title: 'x', description: 'y' })
			).status()
		).toBe(400);
		expect(await comments(appDb, proposal.id)).toHaveLength(before);
		expect((await comments(appDb, elsewhere.proposal.id)).map((r) => r.body)).toEqual(['Gute Idee, aber wer zahlt?']);
	});
});

// Two app processes on one PostgreSQL database (only with TEST_DATABASE_URL; SQLite is one process's file).
const postgresShared = sharedDatabases.find((d) => d.engine === 'postgres');
if (postgresShared) {
	test('the comment rate limit holds across two app processes on one PostgreSQL database', async () => {
		test.setTimeout(180_000);
		const shared = await postgresShared.create();
		const apps = await Promise.all([4236, 4237].map((port) => startApp({ port, databaseUrl: shared.url })));
		const db = await openDatabase(shared.url);
		try {
			const user = await makeTrustedUser(db);
			const { proposal } = await proposalWithComment(db);
			const { token } = await makeSession(db, user.id);
			const answers = await Promise.all(
				Array.from({ length: 12 }, (_, i) =>
					postForm(
						apps[i % 2]!.origin,
						`/de/participate/proposals/${proposal.id}?/comment`,
						{ body: `Nummer ${i}` },
						{
							cookie: `${SESSION_COOKIE}=${token}`
						}
					)
				)
			);
			const statuses = answers.map((a) => a.status);
			expect(statuses.filter((s) => s === 303)).toHaveLength(COMMENTS_PER_WINDOW);
			expect(statuses.filter((s) => s === 429)).toHaveLength(12 - COMMENTS_PER_WINDOW);
			const rows = await db.orm
				.select()
				.from(db.t.participationComments)
				.where(eq(db.t.participationComments.authorId, user.id));
			expect(rows.filter((r) => r.proposalId === proposal.id)).toHaveLength(COMMENTS_PER_WINDOW);
		} finally {
			await db.close();
			for (const app of apps) await app.stop();
			await shared.drop();
		}
	});
}
