/** Learning's part of "my data": progress, quiz attempts, self-checks, certificates (see server/privacy). */
import { eq } from 'drizzle-orm';
import type { PrivacyPart } from '../privacy/registry.ts';

export const learningPrivacy: PrivacyPart = {
	domain: 'learning',
	tables: { lessonProgress: 'delete', quizAttempts: 'delete', selfChecks: 'delete', certificates: 'delete' },
	async export(db, userId) {
		const { lessonProgress, quizAttempts, selfChecks, certificates } = db.t;
		return {
			lessonProgress: await db.orm.select().from(lessonProgress).where(eq(lessonProgress.userId, userId)),
			quizAttempts: await db.orm.select().from(quizAttempts).where(eq(quizAttempts.userId, userId)),
			selfChecks: await db.orm.select().from(selfChecks).where(eq(selfChecks.userId, userId)),
			certificates: await db.orm.select().from(certificates).where(eq(certificates.userId, userId))
		};
	},
	async erase(tx, userId) {
		const { lessonProgress, quizAttempts, selfChecks, certificates } = tx.t;
		// A deleted person's certificate no longer verifies: its code is gone with it.
		await tx.orm.delete(certificates).where(eq(certificates.userId, userId));
		await tx.orm.delete(selfChecks).where(eq(selfChecks.userId, userId));
		await tx.orm.delete(quizAttempts).where(eq(quizAttempts.userId, userId));
		await tx.orm.delete(lessonProgress).where(eq(lessonProgress.userId, userId));
	}
};
