import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { myContributions } from '../../src/lib/server/participation/contributions.ts';
import { addTimelineEntry } from '../../src/lib/server/participation/editing/timeline.ts';
import { addSupport } from '../../src/lib/server/participation/supports.ts';
import { engines, type TestDatabase } from '../helpers/databases.ts';
import { makeUser } from '../helpers/factories.ts';
import { makeComment, makeProject, makeProposal } from '../helpers/participation-factories.ts';

describe.each(engines)('a person’s contributions on $name', (engine) => {
	let test: TestDatabase;
	beforeEach(async () => (test = await engine.open()));
	afterEach(async () => test.drop());

	it('lists the person’s own supports, comments and proposals with phase, latest entry and state', async () => {
		const db = test.db;
		const [me, other, admin] = [await makeUser(db), await makeUser(db), await makeUser(db, { role: 'admin' })];
		const supported = await makeProject(db, { phase: 'support', locales: ['de'] });
		const discussed = await makeProject(db, { phase: 'discussion' });
		const notMine = await makeProject(db, { phase: 'support' });
		await addSupport(db, me.id, { kind: 'project', id: supported.id });
		await addSupport(db, other.id, { kind: 'project', id: notMine.id });
		await makeComment(db, me.id, { projectId: discussed.id, body: 'Mein Kommentar', state: 'pending' });
		await makeComment(db, other.id, { projectId: discussed.id, body: 'Fremder Kommentar' });
		const proposal = await makeProposal(db, me.id, { title: 'Meine Idee', state: 'hidden' });
		const othersProposal = await makeProposal(db, other.id, { title: 'Andere Idee' });
		await addSupport(db, me.id, { kind: 'proposal', id: othersProposal.id });
		await addTimelineEntry(db, admin.id, supported.id, {
			status: 'piloting',
			happenedAt: new Date(Date.now() + 1000),
			text: 'Der Test läuft.'
		});

		const mine = await myContributions(db, me.id, 'en');
		expect(mine.supports.total).toBe(2);
		const project = mine.supports.items.find((row) => row.item.kind === 'project')!.item;
		expect(project).toMatchObject({
			kind: 'project',
			slug: supported.slug,
			phase: 'support',
			status: 'piloting',
			// Only German exists: shown in German, and said so.
			title: { lang: 'de', fallback: true },
			latest: { status: 'piloting', text: { text: 'Der Test läuft.', lang: 'de', fallback: true } }
		});
		const supportedProposal = mine.supports.items.find((row) => row.item.kind === 'proposal')!.item;
		expect(supportedProposal).toMatchObject({ kind: 'proposal', id: othersProposal.id, state: 'published' });

		expect(mine.comments.items).toHaveLength(1);
		expect(mine.comments.items[0]).toMatchObject({
			state: 'pending',
			excerpt: 'Mein Kommentar',
			item: { kind: 'project', slug: discussed.slug, phase: 'discussion', title: { lang: 'en', fallback: false } }
		});
		expect(mine.proposals.items.map((row) => row.item)).toEqual([
			{ kind: 'proposal', id: proposal.id, title: { text: 'Meine Idee', lang: 'de', fallback: false }, state: 'hidden' }
		]);
		const serialized = JSON.stringify(mine);
		expect(serialized).not.toContain('Fremder Kommentar');
		expect(serialized).not.toContain(notMine.slug);
		expect(serialized).not.toContain(other.id);
	});

	it('leaves out deleted comments and is empty for a new person', async () => {
		const db = test.db;
		const me = await makeUser(db);
		expect(await myContributions(db, me.id, 'de')).toEqual({
			supports: { total: 0, items: [] },
			comments: { total: 0, items: [] },
			proposals: { total: 0, items: [] }
		});
		const project = await makeProject(db, { phase: 'discussion' });
		const comment = await makeComment(db, me.id, { projectId: project.id });
		await db.orm
			.update(db.t.participationComments)
			.set({ deletedAt: new Date(), body: '' })
			.where(eq(db.t.participationComments.id, comment.id));
		expect((await myContributions(db, me.id, 'de')).comments.total).toBe(0);
	});
});
