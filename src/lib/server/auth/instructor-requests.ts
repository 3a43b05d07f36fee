/**
 * A learner asking to become an instructor: a short note that lands in the admins' list,
 * one open request per person at a time. An admin grants it (the person becomes an
 * instructor) or declines it; either is audited, and the person notified, in the
 * transaction that decides it.
 */
import { and, asc, desc, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record.ts';
import type { Db } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { notify } from '../notifications/notify.ts';
import type { Result } from './account.ts';

export const INSTRUCTOR_REQUEST_NOTE_MAX = 500;

/** The person's latest request, whatever its state (the request page shows it). */
export async function latestInstructorRequest(db: Db, userId: string) {
	const { instructorRequests } = db.t;
	const [row] = await db.orm
		.select({
			id: instructorRequests.id,
			note: instructorRequests.note,
			status: instructorRequests.status,
			createdAt: instructorRequests.createdAt,
			decidedAt: instructorRequests.decidedAt
		})
		.from(instructorRequests)
		.where(eq(instructorRequests.userId, userId))
		.orderBy(desc(instructorRequests.createdAt), desc(instructorRequests.id))
		.limit(1);
	return row;
}

/** Files a request. Only learners ask; someone with an open request waits for its answer. */
export async function requestInstructorRole(
	db: Db,
	userId: string,
	note: string,
	now = new Date()
): Promise<Result<{ id: string }>> {
	return db.transaction(async (tx) => {
		const { users, instructorRequests } = tx.t;
		const [user] = await tx.orm.select({ role: users.role }).from(users).where(eq(users.id, userId));
		if (!user) return { ok: false, error: 'errors.notFound' };
		if (user.role !== 'learner') return { ok: false, error: 'instructorRequest.errors.notLearner' };
		const [open] = await tx.orm
			.select({ id: instructorRequests.id })
			.from(instructorRequests)
			.where(and(eq(instructorRequests.userId, userId), eq(instructorRequests.status, 'open')));
		if (open) return { ok: false, error: 'instructorRequest.errors.alreadyOpen' };
		const id = newId();
		await tx.orm.insert(instructorRequests).values({ id, userId, note, status: 'open', createdAt: now });
		return { ok: true, value: { id } };
	});
}

/** The open requests, oldest first, with who asked. */
export async function listOpenInstructorRequests(db: Db) {
	const { instructorRequests, users } = db.t;
	return db.orm
		.select({
			id: instructorRequests.id,
			userId: instructorRequests.userId,
			username: users.username,
			note: instructorRequests.note,
			createdAt: instructorRequests.createdAt
		})
		.from(instructorRequests)
		.innerJoin(users, eq(users.id, instructorRequests.userId))
		.where(eq(instructorRequests.status, 'open'))
		.orderBy(asc(instructorRequests.createdAt), asc(instructorRequests.id));
}

/**
 * Grants or declines an open request. Granting makes a learner an instructor (someone who
 * has meanwhile become something else keeps their role; the request is still closed).
 */
export async function decideInstructorRequest(
	db: Db,
	adminId: string,
	requestId: string,
	decision: 'granted' | 'declined',
	now = new Date()
): Promise<Result<{ userId: string }>> {
	return db.transaction(async (tx) => {
		const { instructorRequests, users } = tx.t;
		const [request] = await tx.orm
			.select({ userId: instructorRequests.userId, status: instructorRequests.status, role: users.role })
			.from(instructorRequests)
			.innerJoin(users, eq(users.id, instructorRequests.userId))
			.where(eq(instructorRequests.id, requestId));
		if (!request || request.status !== 'open') return { ok: false, error: 'instructorRequest.errors.notOpen' };
		await tx.orm
			.update(instructorRequests)
			.set({ status: decision, decidedAt: now, decidedByUserId: adminId })
			.where(eq(instructorRequests.id, requestId));
		const promote = decision === 'granted' && request.role === 'learner';
		if (promote) await tx.orm.update(users).set({ role: 'instructor' }).where(eq(users.id, request.userId));
		await recordAudit(
			tx,
			{
				actorId: adminId,
				action: decision === 'granted' ? 'instructor_request.grant' : 'instructor_request.decline',
				subjectKind: 'user',
				subjectId: request.userId,
				details: { requestId, ...(promote ? { from: 'learner', to: 'instructor' } : {}) }
			},
			now
		);
		await notify(
			tx,
			request.userId,
			decision === 'granted' ? 'instructor_request_granted' : 'instructor_request_declined',
			{},
			now
		);
		return { ok: true, value: { userId: request.userId } };
	});
}
