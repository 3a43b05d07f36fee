/** The participation phase a project is in now, read from its dated phases (see phases.ts). */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { currentPhase, type CurrentPhase, type PhaseDates } from './phases.ts';

/** The project's phase at `now`; null when there is no such project. */
export async function phaseOfProject(db: Db, projectId: string, now = new Date()): Promise<CurrentPhase | null> {
	const { participationProjects: projects, participationPhases: phases } = db.t;
	// The project and its phases in one query: a project without phases is one row of nulls.
	const rows = await db.orm
		.select({ kind: phases.kind, startsAt: phases.startsAt, endsAt: phases.endsAt })
		.from(projects)
		.leftJoin(phases, eq(phases.projectId, projects.id))
		.where(eq(projects.id, projectId));
	if (rows.length === 0) return null;
	const dated = rows.filter((row): row is PhaseDates => row.kind !== null);
	return currentPhase(dated, now);
}
