import { count } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedContent } from '../../src/lib/server/participation/seed-content.ts';
import { seedParticipation } from '../../src/lib/server/participation/seed.ts';
import { phaseOfProject } from '../../src/lib/server/participation/project-phase.ts';
import { engines, type TestDatabase } from '../helpers/databases.ts';

describe.each(engines)('seeding the strategy on $name', (engine) => {
	let test: TestDatabase;
	beforeEach(async () => (test = await engine.open()));
	afterEach(async () => test.drop());

	it('fills an empty participation area once, with every field and project and open phases', async () => {
		const content = seedContent();
		expect(content.fields).toHaveLength(6);
		expect(content.projects.length).toBeGreaterThanOrEqual(10);
		expect(await seedParticipation(test.db, content)).toBe(true);
		const t = test.db.t;
		const [fields] = await test.db.orm.select({ n: count() }).from(t.participationFields);
		const projects = await test.db.orm.select().from(t.participationProjects);
		expect(fields?.n).toBe(6);
		expect(projects).toHaveLength(content.projects.length);
		const phases = await Promise.all(projects.map((project) => phaseOfProject(test.db, project.id)));
		const kinds = phases.map((phase) => phase!.kind);
		expect(kinds).toContain('discussion');
		expect(kinds).toContain('support');
		expect(kinds).toContain('closed');
		const [texts] = await test.db.orm.select({ n: count() }).from(t.participationProjectTexts);
		expect(texts?.n).toBe(content.projects.length * 9);

		// A second start (or an admin who deleted a project) does not seed again.
		expect(await seedParticipation(test.db, content)).toBe(false);
		const [again] = await test.db.orm.select({ n: count() }).from(t.participationProjects);
		expect(again?.n).toBe(content.projects.length);
	});
});
