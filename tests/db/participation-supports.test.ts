import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { openDatabase, type Db } from '../../src/lib/server/db/database.ts';
import {
	addSupport,
	countSupports,
	hasSupported,
	withdrawSupport
} from '../../src/lib/server/participation/supports.ts';
import { engines, type TestDatabase } from '../helpers/databases.ts';
import { makeProject } from '../helpers/participation-factories.ts';
import { blockAccount, makeCitizens } from '../helpers/participation-public-factories.ts';

const DAY = 24 * 60 * 60 * 1000;

async function rowsFor(db: Db, projectId: string) {
	const { participationSupports: supports } = db.t;
	const [row] = await db.orm.select({ n: count() }).from(supports).where(eq(supports.projectId, projectId));
	return row?.n ?? 0;
}

describe.each(engines)('supports for projects on $name', (engine) => {
	let test: TestDatabase;
	beforeEach(async () => (test = await engine.open()));
	afterEach(async () => test.drop());

	it('200 citizens each sending the same support 5 times at once give exactly 200 supports', async () => {
		const { db } = test;
		const project = await makeProject(db, { phase: 'support' });
		const citizens = await makeCitizens(db, 200);
		const target = { kind: 'project', id: project.id } as const;
		const results = await Promise.all(
			citizens.flatMap((citizen) => Array.from({ length: 5 }, () => addSupport(db, citizen.id, target)))
		);
		expect(results.every((result) => result.ok && result.supported)).toBe(true);
		expect(await rowsFor(db, project.id)).toBe(200);
		expect(await countSupports(db, target)).toBe(200);
	}, 60_000);

	it('the same citizens sent through a second connection (as another process would) still count once', async () => {
		const { db, url } = test;
		const project = await makeProject(db, { phase: 'support' });
		const citizens = await makeCitizens(db, 50);
		const other = await openDatabase(url);
		try {
			const target = { kind: 'project', id: project.id } as const;
			await Promise.all(
				citizens.flatMap((citizen) => [addSupport(db, citizen.id, target), addSupport(other, citizen.id, target)])
			);
			expect(await countSupports(db, target)).toBe(50);
			expect(await countSupports(other, target)).toBe(50);
		} finally {
			await other.close();
		}
	}, 60_000);

	it('support and withdraw racing for one person end consistent: 0 or 1 row, and the count agrees', async () => {
		const { db } = test;
		const project = await makeProject(db, { phase: 'support' });
		const [citizen] = await makeCitizens(db, 1);
		const target = { kind: 'project', id: project.id } as const;
		for (let round = 0; round < 10; round++) {
			await Promise.all([
				addSupport(db, citizen!.id, target),
				withdrawSupport(db, citizen!.id, target),
				addSupport(db, citizen!.id, target),
				withdrawSupport(db, citizen!.id, target)
			]);
			const rows = await rowsFor(db, project.id);
			expect([0, 1]).toContain(rows);
			expect(await countSupports(db, target)).toBe(rows);
			expect(await hasSupported(db, citizen!.id, target)).toBe(rows === 1);
		}
	});

	it('supporting and withdrawing twice is the same as once, and answers the exact total', async () => {
		const { db } = test;
		const project = await makeProject(db, { phase: 'support' });
		const [a, b] = await makeCitizens(db, 2);
		const target = { kind: 'project', id: project.id } as const;
		expect(await addSupport(db, a!.id, target)).toEqual({ ok: true, supported: true, total: 1 });
		expect(await addSupport(db, a!.id, target)).toEqual({ ok: true, supported: true, total: 1 });
		expect(await addSupport(db, b!.id, target)).toEqual({ ok: true, supported: true, total: 2 });
		expect(await withdrawSupport(db, a!.id, target)).toEqual({ ok: true, supported: false, total: 1 });
		expect(await withdrawSupport(db, a!.id, target)).toEqual({ ok: true, supported: false, total: 1 });
	});

	it('refuses supports when the support phase ended by date, and before it starts', async () => {
		const { db } = test;
		const now = Date.now();
		const ended = await makeProject(db, {
			phase: 'support',
			phaseStartsAt: new Date(now - 10 * DAY),
			phaseEndsAt: new Date(now - 1000)
		});
		const notYet = await makeProject(db, {
			phase: 'support',
			phaseStartsAt: new Date(now + DAY),
			phaseEndsAt: new Date(now + 10 * DAY)
		});
		const discussion = await makeProject(db, { phase: 'discussion' });
		const [citizen] = await makeCitizens(db, 1);
		for (const project of [ended, notYet, discussion]) {
			const target = { kind: 'project', id: project.id } as const;
			expect(await addSupport(db, citizen!.id, target)).toEqual({ ok: false, reason: 'supportsClosed' });
			expect(await rowsFor(db, project.id)).toBe(0);
		}
		// The same project opens by date, without a restart: "now" moves past the start.
		const later = new Date(now + 2 * DAY);
		expect(await addSupport(db, citizen!.id, { kind: 'project', id: notYet.id }, later)).toMatchObject({
			ok: true,
			total: 1
		});
	});

	it('with overlapping phases (which editing refuses) the phase that started last decides, as on the page', async () => {
		const { db } = test;
		const now = Date.now();
		const overlapping = async (first: 'support' | 'discussion', then: 'support' | 'discussion') => {
			const project = await makeProject(db, {
				phase: first,
				phaseStartsAt: new Date(now - 10 * DAY),
				phaseEndsAt: new Date(now + 10 * DAY)
			});
			await db.orm.insert(db.t.participationPhases).values({
				id: `${project.id}-later`,
				projectId: project.id,
				kind: then,
				startsAt: new Date(now - DAY),
				endsAt: new Date(now + DAY)
			});
			return { kind: 'project', id: project.id } as const;
		};
		const [citizen] = await makeCitizens(db, 1);
		const discussionLater = await overlapping('support', 'discussion');
		expect(await addSupport(db, citizen!.id, discussionLater)).toEqual({ ok: false, reason: 'supportsClosed' });
		expect(await rowsFor(db, discussionLater.id)).toBe(0);
		const supportLater = await overlapping('discussion', 'support');
		expect(await addSupport(db, citizen!.id, supportLater)).toEqual({ ok: true, supported: true, total: 1 });
		expect(await rowsFor(db, supportLater.id)).toBe(1);
	});

	it('refuses an unknown project and a blocked account (403), writing nothing', async () => {
		const { db } = test;
		const project = await makeProject(db, { phase: 'support' });
		const [citizen, blocked] = await makeCitizens(db, 2);
		expect(await addSupport(db, citizen!.id, { kind: 'project', id: 'no-such-project' })).toEqual({
			ok: false,
			reason: 'notFound'
		});
		await blockAccount(db, blocked!.id);
		await expect(addSupport(db, blocked!.id, { kind: 'project', id: project.id })).rejects.toMatchObject({
			status: 403,
			body: { message: 'errors.accountBlocked' }
		});
		expect(await rowsFor(db, project.id)).toBe(0);
	});
});
