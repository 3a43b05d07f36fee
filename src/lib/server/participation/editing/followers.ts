/**
 * Who follows a project for "what happened to my contribution": everyone who supported it
 * or has a published comment on it. Deleted accounts are gone (their comments keep no
 * author), so they are never told.
 */
import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';

export async function projectFollowers(db: Db, projectId: string): Promise<string[]> {
	const { participationSupports: supports, participationComments: comments } = db.t;
	const supporters = await db.orm
		.select({ userId: supports.userId })
		.from(supports)
		.where(eq(supports.projectId, projectId));
	const commenters = await db.orm
		.selectDistinct({ userId: comments.authorId })
		.from(comments)
		.where(
			and(
				eq(comments.projectId, projectId),
				eq(comments.state, 'published'),
				isNull(comments.deletedAt),
				isNotNull(comments.authorId)
			)
		);
	const ids = new Set<string>();
	for (const { userId } of [...supporters, ...commenters]) if (userId) ids.add(userId);
	return [...ids].sort();
}
