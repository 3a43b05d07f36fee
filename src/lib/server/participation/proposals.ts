/**
 * Citizen proposals: an idea under a field of action. Writing one needs an account that is
 * not blocked; a new account's first proposal waits for review. The author may edit it until
 * it has its first support or comment: after that, others have answered what it said.
 * Hidden and pending proposals are there only for their author and for moderators.
 */
import { and, count, eq } from 'drizzle-orm';
import type { Role } from '../../roles.ts';
import type { Db } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { initialStateFor, requireMayContribute } from '../moderation/standing.ts';
import { hitRateLimit, personLimitKey } from '../security/rate-limit.ts';
import { PROPOSAL_WINDOW_MS, PROPOSALS_PER_WINDOW, type ContributionState } from './rules.ts';

export interface ProposalInput {
	fieldId: string;
	title: string;
	description: string;
	problem: string | null;
}

export type ProposalRefusal = 'fieldNotFound' | 'notFound' | 'notAuthor' | 'locked' | 'rateLimited';
export type ProposalRefused = { ok: false; reason: ProposalRefusal; retryAt?: Date };

async function fieldExists(db: Db, fieldId: string): Promise<boolean> {
	const f = db.t.participationFields;
	const rows = await db.orm.select({ id: f.id }).from(f).where(eq(f.id, fieldId)).limit(1);
	return rows.length > 0;
}

export async function createProposal(
	db: Db,
	authorId: string,
	input: ProposalInput & { locale: string },
	now = new Date()
): Promise<{ ok: true; id: string; state: ContributionState } | ProposalRefused> {
	await requireMayContribute(db, authorId);
	if (!(await fieldExists(db, input.fieldId))) return { ok: false, reason: 'fieldNotFound' };
	const limit = await hitRateLimit(db, personLimitKey('proposal', authorId), {
		limit: PROPOSALS_PER_WINDOW,
		windowMs: PROPOSAL_WINDOW_MS,
		now
	});
	if (!limit.allowed) return { ok: false, reason: 'rateLimited', retryAt: limit.retryAt! };
	const id = newId();
	const state = await initialStateFor(db, authorId);
	await db.orm.insert(db.t.participationProposals).values({
		id,
		fieldId: input.fieldId,
		authorId,
		locale: input.locale,
		title: input.title,
		description: input.description,
		problem: input.problem,
		state,
		createdAt: now,
		editedAt: null
	});
	return { ok: true, id, state };
}

export interface ProposalRow {
	id: string;
	fieldId: string;
	authorId: string | null;
	author: string | null;
	locale: string;
	title: string;
	description: string;
	problem: string | null;
	state: ContributionState;
	createdAt: Date;
	editedAt: Date | null;
}

export async function loadProposal(db: Db, id: string): Promise<ProposalRow | null> {
	const { participationProposals: p, users } = db.t;
	const [row] = await db.orm
		.select({
			id: p.id,
			fieldId: p.fieldId,
			authorId: p.authorId,
			author: users.username,
			locale: p.locale,
			title: p.title,
			description: p.description,
			problem: p.problem,
			state: p.state,
			createdAt: p.createdAt,
			editedAt: p.editedAt
		})
		.from(p)
		.leftJoin(users, eq(users.id, p.authorId))
		.where(eq(p.id, id))
		.limit(1);
	return row ?? null;
}

/** Whether this reader may see the proposal at all: published, or theirs, or they moderate. */
export function maySeeProposal(
	proposal: Pick<ProposalRow, 'state' | 'authorId'>,
	viewer: { id: string; role: Role | string } | null
): boolean {
	if (proposal.state === 'published') return true;
	if (!viewer) return false;
	return proposal.authorId === viewer.id || viewer.role === 'moderator' || viewer.role === 'admin';
}

/** Locked for editing once anyone has supported or commented on it. */
export async function isProposalLocked(db: Db, id: string): Promise<boolean> {
	const { participationSupports: s, participationComments: c } = db.t;
	const [supports] = await db.orm.select({ n: count() }).from(s).where(eq(s.proposalId, id));
	if ((supports?.n ?? 0) > 0) return true;
	const [comments] = await db.orm.select({ n: count() }).from(c).where(eq(c.proposalId, id));
	return (comments?.n ?? 0) > 0;
}

export async function editProposal(
	db: Db,
	userId: string,
	id: string,
	input: ProposalInput,
	now = new Date()
): Promise<{ ok: true; id: string } | ProposalRefused> {
	await requireMayContribute(db, userId);
	return db.transaction(async (tx) => {
		const proposal = await loadProposal(tx, id);
		if (!proposal || proposal.state === 'hidden') return { ok: false, reason: 'notFound' } as const;
		if (proposal.authorId !== userId) return { ok: false, reason: 'notAuthor' } as const;
		if (await isProposalLocked(tx, id)) return { ok: false, reason: 'locked' } as const;
		if (!(await fieldExists(tx, input.fieldId))) return { ok: false, reason: 'fieldNotFound' } as const;
		const p = tx.t.participationProposals;
		await tx.orm
			.update(p)
			.set({
				fieldId: input.fieldId,
				title: input.title,
				description: input.description,
				problem: input.problem,
				editedAt: now
			})
			.where(and(eq(p.id, id), eq(p.authorId, userId)));
		return { ok: true, id } as const;
	});
}
