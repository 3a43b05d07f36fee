/**
 * Supports for projects (while their support phase is open) and for published proposals.
 * One per person and item: the schema's unique indexes make a second one impossible, and
 * adding is "insert … on conflict do nothing", so a double click, a retried or a replayed
 * request changes nothing. Counts are counted from the table, so they are exact whenever
 * they are read. Who supported what is private: only totals leave this module, besides a
 * person's own supports.
 */
import {
	and,
	count,
	eq,
	exists,
	gt,
	inArray,
	isNotNull,
	isNull,
	lte,
	ne,
	not,
	notExists,
	or,
	sql,
	type SQLWrapper
} from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { preparedStatement } from '../db/prepared.ts';
import { requireMayContribute } from '../moderation/standing.ts';
import { supportsOpen } from './phases.ts';
import { phaseOfProject } from './project-phase.ts';

export type SupportTarget = { kind: 'project'; id: string } | { kind: 'proposal'; id: string };

/** Why a support cannot be given or withdrawn (the route shows a message for each). */
export type SupportRefusal = 'notFound' | 'supportsClosed';
export type SupportResult = { ok: true; supported: boolean; total: number } | { ok: false; reason: SupportRefusal };

async function whyNot(db: Db, target: SupportTarget, now: Date): Promise<SupportRefusal | null> {
	if (target.kind === 'project') {
		const phase = await phaseOfProject(db, target.id, now);
		if (!phase) return 'notFound';
		return supportsOpen(phase.kind) ? null : 'supportsClosed';
	}
	const { participationProposals: proposals } = db.t;
	const [proposal] = await db.orm
		.select({ state: proposals.state })
		.from(proposals)
		.where(eq(proposals.id, target.id))
		.limit(1);
	// A proposal waiting for review or hidden is not there for anyone but its author.
	return proposal?.state === 'published' ? null : 'notFound';
}

const targetColumn = (db: Db, target: SupportTarget) =>
	target.kind === 'project' ? db.t.participationSupports.projectId : db.t.participationSupports.proposalId;

/** Whether some phase of the project is in force at `now` (started, not ended), of `kind` or of another. */
function phaseInForce(db: Db, kind: 'support' | 'other', projectId: SQLWrapper, now: SQLWrapper) {
	const { participationPhases: phases } = db.t;
	const kindIs = kind === 'support' ? eq(phases.kind, 'support') : ne(phases.kind, 'support');
	return exists(
		db.orm
			.select({ one: sql`1` })
			.from(phases)
			.where(
				and(
					eq(phases.projectId, projectId),
					kindIs,
					or(isNull(phases.startsAt), lte(phases.startsAt, now)),
					or(isNull(phases.endsAt), gt(phases.endsAt, now))
				)
			)
	);
}

/**
 * The usual support in one statement: inserted only when the project is in its support
 * phase and the person is not blocked. It inserts nothing whenever the full checks below
 * might say anything but "yes" — also when phases overlap (editing forbids it), where the
 * phase in force is for currentPhase to work out — so its answer is theirs.
 */
const insertOpenProjectSupport = preparedStatement((db) => {
	const { participationSupports: supports, participationProjects: projects, accountBlocks: blocks } = db.t;
	const now = sql.param(sql.placeholder('now'), supports.createdAt);
	const userId = sql.placeholder('userId');
	return db.orm
		.insert(supports)
		.select(
			sql`select ${sql.placeholder('id')}, ${userId}, ${projects.id}, null, ${now} from ${projects} where ${and(
				eq(projects.id, sql.placeholder('projectId')),
				phaseInForce(db, 'support', projects.id, now),
				not(phaseInForce(db, 'other', projects.id, now)),
				notExists(
					db.orm
						.select({ one: sql`1` })
						.from(blocks)
						.where(eq(blocks.userId, userId))
				)
			)}`
		)
		.onConflictDoNothing()
		.returning({ id: supports.id })
		.prepare('insert_open_project_support');
});

/** Adds the person's support; supporting twice is the same as once. Blocked accounts get a 403. */
export async function addSupport(
	db: Db,
	userId: string,
	target: SupportTarget,
	now = new Date()
): Promise<SupportResult> {
	if (target.kind === 'project') {
		const added = await insertOpenProjectSupport(db).execute({ id: newId(), userId, projectId: target.id, now });
		if (added.length > 0) return { ok: true, supported: true, total: await countSupports(db, target) };
	}
	// Supported already, refused, or a proposal: the checks say which, in the order they always have.
	await requireMayContribute(db, userId);
	const refusal = await whyNot(db, target, now);
	if (refusal) return { ok: false, reason: refusal };
	await db.orm
		.insert(db.t.participationSupports)
		.values({
			id: newId(),
			userId,
			projectId: target.kind === 'project' ? target.id : null,
			proposalId: target.kind === 'proposal' ? target.id : null,
			createdAt: now
		})
		.onConflictDoNothing();
	return { ok: true, supported: true, total: await countSupports(db, target) };
}

/** Withdraws the person's support while supports are open; withdrawing twice is the same as once. */
export async function withdrawSupport(
	db: Db,
	userId: string,
	target: SupportTarget,
	now = new Date()
): Promise<SupportResult> {
	await requireMayContribute(db, userId);
	const refusal = await whyNot(db, target, now);
	if (refusal) return { ok: false, reason: refusal };
	const { participationSupports: supports } = db.t;
	await db.orm.delete(supports).where(and(eq(supports.userId, userId), eq(targetColumn(db, target), target.id)));
	return { ok: true, supported: false, total: await countSupports(db, target) };
}

// Counted after every support and on every project and proposal page.
const supportsOfProject = preparedStatement((db) => {
	const { participationSupports: supports } = db.t;
	return db.orm
		.select({ total: count() })
		.from(supports)
		.where(eq(supports.projectId, sql.placeholder('id')))
		.prepare('count_project_supports');
});
const supportsOfProposal = preparedStatement((db) => {
	const { participationSupports: supports } = db.t;
	return db.orm
		.select({ total: count() })
		.from(supports)
		.where(eq(supports.proposalId, sql.placeholder('id')))
		.prepare('count_proposal_supports');
});

export async function countSupports(db: Db, target: SupportTarget): Promise<number> {
	const statement = target.kind === 'project' ? supportsOfProject(db) : supportsOfProposal(db);
	const [row] = await statement.execute({ id: target.id });
	return row?.total ?? 0;
}

/** Totals for many items at once (lists): id → count; items without supports are absent. */
export async function countSupportsOf(db: Db, kind: SupportTarget['kind'], ids: readonly string[]) {
	const totals = new Map<string, number>();
	if (ids.length === 0) return totals;
	const column = kind === 'project' ? db.t.participationSupports.projectId : db.t.participationSupports.proposalId;
	const rows = await db.orm
		.select({ id: column, total: count() })
		.from(db.t.participationSupports)
		.where(and(isNotNull(column), inArray(column, [...ids])))
		.groupBy(column);
	for (const row of rows) if (row.id) totals.set(row.id, row.total);
	return totals;
}

/** Whether this person supports the item (for their own button; never shown to others). */
export async function hasSupported(db: Db, userId: string, target: SupportTarget): Promise<boolean> {
	const { participationSupports: supports } = db.t;
	const rows = await db.orm
		.select({ id: supports.id })
		.from(supports)
		.where(and(eq(supports.userId, userId), eq(targetColumn(db, target), target.id)))
		.limit(1);
	return rows.length > 0;
}
