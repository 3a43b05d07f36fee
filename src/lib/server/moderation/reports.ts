/**
 * Reporting a published comment or proposal. One report per person and post (the unique
 * indexes decide, so a double click or a race cannot make two); never one's own post; a
 * rate limit per person, counted in the database so every app process agrees.
 */
import type { Db } from '../db/database.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { newId } from '../db/ids.ts';
import { hitRateLimit, personLimitKey } from '../security/rate-limit.ts';
import { loadPost, type PostRefInput } from './posts.ts';
import type { ReportReason } from './rules.ts';

export const REPORTS_PER_WINDOW = 20;
export const REPORT_WINDOW_MS = 60 * 60 * 1000;

export type ReportRefusal = 'notFound' | 'ownPost' | 'alreadyReported' | 'rateLimit';
export type ReportResult = { ok: true } | { ok: false; reason: ReportRefusal; retryAt?: Date };

/** Whether the post exists, is public and may be reported by this person (for the report page). */
export async function reportablePost(db: Db, reporterId: string, ref: PostRefInput) {
	const post = await loadPost(db, ref);
	if (!post || post.state !== 'published' || post.deleted) return { ok: false as const, reason: 'notFound' as const };
	if (post.authorId === reporterId) return { ok: false as const, reason: 'ownPost' as const, post };
	return { ok: true as const, post };
}

export async function reportPost(
	db: Db,
	reporterId: string,
	ref: PostRefInput,
	report: { reason: ReportReason; details: string | null },
	now = new Date()
): Promise<ReportResult> {
	const check = await reportablePost(db, reporterId, ref);
	if (!check.ok) return { ok: false, reason: check.reason };
	const limit = await hitRateLimit(db, personLimitKey('report', reporterId), {
		limit: REPORTS_PER_WINDOW,
		windowMs: REPORT_WINDOW_MS,
		now
	});
	if (!limit.allowed) return { ok: false, reason: 'rateLimit', retryAt: limit.retryAt! };
	try {
		await db.orm.insert(db.t.moderationReports).values({
			id: newId(),
			reporterId,
			commentId: ref.kind === 'comment' ? ref.id : null,
			proposalId: ref.kind === 'proposal' ? ref.id : null,
			reason: report.reason,
			details: report.reason === 'other' ? report.details : null,
			createdAt: now,
			resolvedAt: null
		});
	} catch (error) {
		if (isUniqueViolation(error)) return { ok: false, reason: 'alreadyReported' };
		throw error;
	}
	return { ok: true };
}
