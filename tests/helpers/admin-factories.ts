/**
 * Admin-area test data: a project the way an admin leaves it after some work (phases,
 * timeline entries), and a person with contributions to show on their page.
 */
import type { Db } from '../../src/lib/server/db/database.ts';
import { newId } from '../../src/lib/server/db/ids.ts';
import { addSupport } from '../../src/lib/server/participation/supports.ts';
import { makeComment, makeProject, makeProposal, type ProjectOverrides } from './participation-factories.ts';

const DAY = 24 * 60 * 60 * 1000;

/** A project in its support phase, with a discussion phase before it and a second timeline entry. */
export async function makeEditedProject(db: Db, overrides: ProjectOverrides = {}) {
	const project = await makeProject(db, { phase: 'support', ...overrides });
	const now = Date.now();
	await db.orm.insert(db.t.participationPhases).values({
		id: newId(),
		projectId: project.id,
		kind: 'discussion',
		startsAt: new Date(now - 20 * DAY),
		endsAt: new Date(now - DAY)
	});
	const entryId = newId();
	await db.orm.insert(db.t.participationTimelineEntries).values({
		id: entryId,
		projectId: project.id,
		status: 'in_progress',
		happenedAt: new Date(now + 1000),
		createdAt: new Date(now + 1000)
	});
	await db.orm
		.insert(db.t.participationTimelineTexts)
		.values([{ entryId, locale: 'de', text: 'Die Arbeit hat begonnen, siehe https://example.org/plan.' }]);
	return { ...project, entryId };
}

/** Gives `userId` a support, a comment (waiting for review) and a proposal to see on their contributions page. */
export async function makeContributions(db: Db, userId: string) {
	const project = await makeEditedProject(db, { locales: ['de', 'easy'] });
	await addSupport(db, userId, { kind: 'project', id: project.id });
	const discussed = await makeProject(db, { phase: 'discussion' });
	await makeComment(db, userId, { projectId: discussed.id, state: 'pending', body: 'Gute Idee, aber <b>wann</b>?' });
	const proposal = await makeProposal(db, userId, { title: 'Mehr Sitzbänke mit Steckdosen', state: 'published' });
	return { project, discussed, proposal };
}
