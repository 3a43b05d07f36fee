/**
 * Proposals on both engines: pending for new accounts, blocked accounts refused, the edit
 * lock after the first support or comment, who may see a hidden one, and the list's
 * filters, sorts and counts.
 */
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listProposals } from '../../src/lib/server/participation/proposal-listing.ts';
import {
	createProposal,
	editProposal,
	isProposalLocked,
	loadProposal,
	maySeeProposal
} from '../../src/lib/server/participation/proposals.ts';
import { PROPOSAL_WINDOW_MS, PROPOSALS_PER_WINDOW } from '../../src/lib/server/participation/rules.ts';
import { addSupport } from '../../src/lib/server/participation/supports.ts';
import { makeUser } from '../helpers/factories.ts';
import { engines, type TestDatabase } from '../helpers/databases.ts';
import { blockAccount, makeTrustedUser } from '../helpers/discussion-factories.ts';
import { makeComment, makeField, makeProposal } from '../helpers/participation-factories.ts';

describe.each(engines)('proposals on $name', (engine) => {
	let test: TestDatabase;
	beforeEach(async () => {
		test = await engine.open();
	});
	afterEach(async () => {
		await test.drop();
	});

	const input = (fieldId: string, title = 'Freies WLAN im Bürgeramt') => ({
		fieldId,
		title,
		description: 'Damit man dort Formulare online ausfüllen kann.',
		problem: null,
		locale: 'de'
	});

	it("keep a new account's first proposal pending, and publish a trusted author's at once", async () => {
		const field = await makeField(test.db);
		const newcomer = await makeUser(test.db);
		const trusted = await makeTrustedUser(test.db);
		expect(await createProposal(test.db, newcomer.id, input(field.id))).toMatchObject({ ok: true, state: 'pending' });
		expect(await createProposal(test.db, trusted.id, input(field.id))).toMatchObject({ ok: true, state: 'published' });
		const reader = await makeUser(test.db);
		const seen = await listProposals(test.db, { viewerId: reader.id, fieldId: null, sort: 'newest', page: 1 });
		expect(seen.items.map((p) => p.state)).toEqual(['published']);
		const own = await listProposals(test.db, { viewerId: newcomer.id, fieldId: null, sort: 'newest', page: 1 });
		expect(own.items.map((p) => [p.state, p.mine]).sort()).toEqual([
			['pending', true],
			['published', false]
		]);
	});

	it('refuse blocked accounts to propose, edit or support a proposal', async () => {
		const field = await makeField(test.db);
		const blocked = await makeTrustedUser(test.db);
		const own = await makeProposal(test.db, blocked.id, { fieldId: field.id });
		const other = await makeProposal(test.db, (await makeUser(test.db)).id, { fieldId: field.id });
		await blockAccount(test.db, blocked.id);
		await expect(createProposal(test.db, blocked.id, input(field.id))).rejects.toMatchObject({ status: 403 });
		await expect(editProposal(test.db, blocked.id, own.id, input(field.id, 'neu'))).rejects.toMatchObject({
			status: 403
		});
		await expect(addSupport(test.db, blocked.id, { kind: 'proposal', id: other.id })).rejects.toMatchObject({
			status: 403
		});
		const p = test.db.t.participationProposals;
		expect(await test.db.orm.select().from(p).where(eq(p.authorId, blocked.id))).toHaveLength(1);
		expect(await test.db.orm.select().from(test.db.t.participationSupports)).toEqual([]);
	});

	it('let only the author edit, until the first support or the first comment', async () => {
		const field = await makeField(test.db);
		const author = await makeTrustedUser(test.db);
		const other = await makeTrustedUser(test.db);
		const bySupport = await makeProposal(test.db, author.id, { fieldId: field.id });
		const byComment = await makeProposal(test.db, author.id, { fieldId: field.id });
		expect(await editProposal(test.db, other.id, bySupport.id, input(field.id, 'fremd'))).toEqual({
			ok: false,
			reason: 'notAuthor'
		});
		expect(await editProposal(test.db, author.id, bySupport.id, input(field.id, 'Verbessert'))).toEqual({
			ok: true,
			id: bySupport.id
		});
		expect((await loadProposal(test.db, bySupport.id))?.title).toBe('Verbessert');
		expect((await loadProposal(test.db, bySupport.id))?.editedAt).not.toBeNull();

		await addSupport(test.db, other.id, { kind: 'proposal', id: bySupport.id });
		await makeComment(test.db, other.id, { proposalId: byComment.id });
		for (const proposal of [bySupport, byComment]) {
			expect(await isProposalLocked(test.db, proposal.id)).toBe(true);
			expect(await editProposal(test.db, author.id, proposal.id, input(field.id, 'zu spät'))).toEqual({
				ok: false,
				reason: 'locked'
			});
		}
		expect((await loadProposal(test.db, bySupport.id))?.title).toBe('Verbessert');
	});

	it('show a hidden proposal only to its author and to moderators', async () => {
		const author = await makeUser(test.db);
		const hidden = await makeProposal(test.db, author.id, { state: 'hidden' });
		const row = (await loadProposal(test.db, hidden.id))!;
		expect(maySeeProposal(row, null)).toBe(false);
		expect(maySeeProposal(row, { id: 'someone', role: 'learner' })).toBe(false);
		expect(maySeeProposal(row, { id: author.id, role: 'learner' })).toBe(true);
		expect(maySeeProposal(row, { id: 'mod', role: 'moderator' })).toBe(true);
		expect(maySeeProposal(row, { id: 'adm', role: 'admin' })).toBe(true);
	});

	it('limit proposals per person and window', async () => {
		const field = await makeField(test.db);
		const user = await makeTrustedUser(test.db);
		const start = new Date();
		for (let i = 0; i < PROPOSALS_PER_WINDOW; i++) {
			expect((await createProposal(test.db, user.id, input(field.id, `Idee ${i}`), start)).ok).toBe(true);
		}
		expect(await createProposal(test.db, user.id, input(field.id, 'zu viel'), start)).toEqual({
			ok: false,
			reason: 'rateLimited',
			retryAt: new Date(start.getTime() + PROPOSAL_WINDOW_MS)
		});
	});

	it('filter by field and sort by supports and comments with exact counts', async () => {
		const one = await makeField(test.db);
		const two = await makeField(test.db);
		const author = await makeUser(test.db);
		const quiet = await makeProposal(test.db, author.id, { fieldId: one.id, createdAt: new Date(Date.now() - 3000) });
		const supported = await makeProposal(test.db, author.id, {
			fieldId: one.id,
			createdAt: new Date(Date.now() - 2000)
		});
		const discussed = await makeProposal(test.db, author.id, {
			fieldId: two.id,
			createdAt: new Date(Date.now() - 1000)
		});
		for (let i = 0; i < 3; i++) {
			await addSupport(test.db, (await makeUser(test.db)).id, { kind: 'proposal', id: supported.id });
		}
		for (let i = 0; i < 2; i++) await makeComment(test.db, author.id, { proposalId: discussed.id });
		const list = (sort: 'newest' | 'supported' | 'discussed', fieldId: string | null = null) =>
			listProposals(test.db, { viewerId: null, fieldId, sort, page: 1 });
		expect((await list('newest')).items.map((p) => p.id)).toEqual([discussed.id, supported.id, quiet.id]);
		expect((await list('supported')).items.map((p) => [p.id, p.supports])).toEqual([
			[supported.id, 3],
			[discussed.id, 0],
			[quiet.id, 0]
		]);
		expect((await list('discussed')).items.map((p) => [p.id, p.comments])[0]).toEqual([discussed.id, 2]);
		const filtered = await list('newest', one.id);
		expect(filtered.total).toBe(2);
		expect(filtered.items.map((p) => p.id)).toEqual([supported.id, quiet.id]);
	});

	it('list 1,000 proposals a page at a time, in every order', async () => {
		const field = await makeField(test.db);
		const author = await makeUser(test.db);
		const now = Date.now();
		const rows = Array.from({ length: 1000 }, (_, i) => ({
			id: `bulk-${i}`,
			fieldId: field.id,
			authorId: author.id,
			locale: 'de',
			title: `Idee ${i}`,
			description: 'Beschreibung',
			problem: null,
			state: 'published' as const,
			createdAt: new Date(now - i * 1000),
			editedAt: null
		}));
		for (let i = 0; i < rows.length; i += 200) {
			await test.db.orm.insert(test.db.t.participationProposals).values(rows.slice(i, i + 200));
		}
		// How fast is measured by `npm run bench` (the proposal list with 1,000 proposals), not here.
		for (const sort of ['newest', 'supported', 'discussed'] as const) {
			const page = await listProposals(test.db, { viewerId: null, fieldId: null, sort, page: 3 });
			expect(page.total).toBe(1000);
			expect(page.items).toHaveLength(20);
			expect(page.items[0]!.id).toMatch(/^bulk-/);
		}
	});
});
