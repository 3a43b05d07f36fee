/** Moderation test data: reports on posts, made through the domain function a reporter's form uses. */
import type { Db } from '../../src/lib/server/db/database.ts';
import { reportPost } from '../../src/lib/server/moderation/reports.ts';
import type { PostRefInput } from '../../src/lib/server/moderation/posts.ts';
import type { ReportReason } from '../../src/lib/server/moderation/rules.ts';
import { makeUser } from './factories.ts';

export async function makeReport(
	db: Db,
	ref: PostRefInput,
	overrides: { reporterId?: string; reason?: ReportReason; details?: string | null; now?: Date } = {}
) {
	const reporterId = overrides.reporterId ?? (await makeUser(db)).id;
	const result = await reportPost(
		db,
		reporterId,
		ref,
		{ reason: overrides.reason ?? 'spam', details: overrides.details ?? null },
		overrides.now
	);
	if (!result.ok) throw new Error(`makeReport failed: ${result.reason}`);
	return { reporterId };
}
