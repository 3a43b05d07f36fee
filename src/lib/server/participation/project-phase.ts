/** The participation phase a project is in now, read from its dated phases (see phases.ts). */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { currentPhase, type CurrentPhase } from './phases.ts';

/** The project's phase at `now`; null when there is no such project. */
export async function phaseOfProject(db: Db, projectId: string, now = new Date()): Promise<CurrentPhase | null> {
	const { participationProjects: projects, participationPhases: phases } = db.t;
	const [project] = await db.orm.select({ id: projects.id }).from(projects).where(eq(projects.id, projectId)).limit(1);
	if (!project) return null;
	const rows = await db.orm
		.select({ kind: phases.kind, startsAt: phases.startsAt, endsAt: phases.endsAt })
		.from(phases)
		.where(eq(phases.projectId, projectId));
	return currentPhase(rows, now);
}
