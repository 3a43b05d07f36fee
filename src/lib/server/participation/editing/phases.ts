/**
 * An admin's writes to a project's participation phases. A phase's start lies before its
 * end, and no two phases of a project overlap, so which phase is in force is never a
 * matter of tie-breaking (phases.ts). Checked against the rows read in the transaction
 * that writes, so two admins at once cannot slip an overlap past each other on one engine
 * or the other (SQLite serialises transactions; PostgreSQL's row lock on the project
 * serialises writers of one project).
 */
import { and, eq, ne } from 'drizzle-orm';
import { recordAudit } from '../../audit/record.ts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import type { PhaseKind } from '../rules.ts';
import { lockedProject, touchProject } from './projects.ts';
import { refusable, Refusal, type EditResult } from './result.ts';

export interface PhaseInput {
	kind: PhaseKind;
	startsAt: Date | null;
	endsAt: Date | null;
}

const start = (phase: { startsAt: Date | null }) => phase.startsAt?.getTime() ?? -Infinity;
const end = (phase: { endsAt: Date | null }) => phase.endsAt?.getTime() ?? Infinity;

/** Half-open intervals [start, end): a phase may begin the moment the one before it ends. */
export function phasesOverlap(a: PhaseInput, b: PhaseInput): boolean {
	return start(a) < end(b) && start(b) < end(a);
}

/** Why the phase cannot be written beside `others`, or null. */
export function phaseProblem(phase: PhaseInput, others: readonly PhaseInput[]): { field: string; key: string } | null {
	if (phase.startsAt && phase.endsAt && phase.startsAt.getTime() >= phase.endsAt.getTime()) {
		return { field: 'endsAt', key: 'admin.errors.phaseEndBeforeStart' };
	}
	if (others.some((other) => phasesOverlap(phase, other)))
		return { field: 'startsAt', key: 'admin.errors.phaseOverlap' };
	return null;
}

async function lockProjectRow(db: Db, projectId: string) {
	const project = await lockedProject(db, projectId);
	if (db.dialect === 'postgres') {
		const { participationProjects: projects } = db.t;
		await db.orm.select({ id: projects.id }).from(projects).where(eq(projects.id, projectId)).for('update');
	}
	return project;
}

async function otherPhases(db: Db, projectId: string, exceptId?: string) {
	const { participationPhases: phases } = db.t;
	return db.orm
		.select({ id: phases.id, kind: phases.kind, startsAt: phases.startsAt, endsAt: phases.endsAt })
		.from(phases)
		.where(exceptId ? and(eq(phases.projectId, projectId), ne(phases.id, exceptId)) : eq(phases.projectId, projectId));
}

function check(phase: PhaseInput, others: readonly PhaseInput[]): void {
	const problem = phaseProblem(phase, others);
	if (problem) throw new Refusal(problem.field, problem.key);
}

const dates = (phase: PhaseInput) => ({
	kind: phase.kind,
	startsAt: phase.startsAt?.toISOString() ?? null,
	endsAt: phase.endsAt?.toISOString() ?? null
});

export function addPhase(
	db: Db,
	actorId: string,
	projectId: string,
	input: PhaseInput,
	now = new Date()
): Promise<EditResult<string>> {
	return refusable(() =>
		db.transaction(async (tx) => {
			await lockProjectRow(tx, projectId);
			check(input, await otherPhases(tx, projectId));
			const id = newId();
			await tx.orm.insert(tx.t.participationPhases).values({ id, projectId, ...input });
			await touchProject(tx, projectId, now);
			await recordAudit(
				tx,
				{
					actorId,
					action: 'phase.add',
					subjectKind: 'project',
					subjectId: projectId,
					details: { phaseId: id, ...dates(input) }
				},
				now
			);
			return id;
		})
	);
}

async function phaseOf(db: Db, projectId: string, phaseId: string) {
	const { participationPhases: phases } = db.t;
	const [phase] = await db.orm
		.select()
		.from(phases)
		.where(and(eq(phases.id, phaseId), eq(phases.projectId, projectId)))
		.limit(1);
	// Another project's phase named in the hidden field is as absent as no phase.
	if (!phase) throw new Refusal('form', 'admin.errors.notFound');
	return phase;
}

export function updatePhase(
	db: Db,
	actorId: string,
	projectId: string,
	phaseId: string,
	input: PhaseInput,
	now = new Date()
): Promise<EditResult<null>> {
	return refusable(() =>
		db.transaction(async (tx) => {
			await lockProjectRow(tx, projectId);
			await phaseOf(tx, projectId, phaseId);
			check(input, await otherPhases(tx, projectId, phaseId));
			await tx.orm.update(tx.t.participationPhases).set(input).where(eq(tx.t.participationPhases.id, phaseId));
			await touchProject(tx, projectId, now);
			await recordAudit(
				tx,
				{
					actorId,
					action: 'phase.update',
					subjectKind: 'project',
					subjectId: projectId,
					details: { phaseId, ...dates(input) }
				},
				now
			);
			return null;
		})
	);
}

export function removePhase(
	db: Db,
	actorId: string,
	projectId: string,
	phaseId: string,
	now = new Date()
): Promise<EditResult<null>> {
	return refusable(() =>
		db.transaction(async (tx) => {
			await lockProjectRow(tx, projectId);
			const phase = await phaseOf(tx, projectId, phaseId);
			await tx.orm.delete(tx.t.participationPhases).where(eq(tx.t.participationPhases.id, phaseId));
			await touchProject(tx, projectId, now);
			await recordAudit(
				tx,
				{
					actorId,
					action: 'phase.remove',
					subjectKind: 'project',
					subjectId: projectId,
					details: { phaseId, ...dates(phase) }
				},
				now
			);
			return null;
		})
	);
}
