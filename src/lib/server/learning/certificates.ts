/**
 * Course certificates with a code anyone can check at /verify/CODE. The holder decides
 * whether their name is shown there.
 */
import { encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { lessonQuizIds, type Course } from './catalogue.ts';
import { allBestQuizScores, lessonStatuses } from './progress.ts';

/**
 * A certificate attests that every lesson of the course was completed and each of its
 * quizzes passed: a best score of at least this many percent. The certificate page says so.
 */
export const CERTIFICATE_PASS_SCORE = 80;

export type Certificate = Db['t']['certificates']['$inferSelect'];

/** "LOTSE-XXXX-XXXX-XXXX": 60 random bits, readable aloud, no confusable O/0 pairs in base32. */
export function newCertificateCode(): string {
	const bytes = new Uint8Array(8);
	crypto.getRandomValues(bytes);
	const code = encodeBase32UpperCaseNoPadding(bytes).slice(0, 12);
	return `LOTSE-${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8, 12)}`;
}

export async function isCourseComplete(db: Db, userId: string, course: Course): Promise<boolean> {
	const [statuses, best] = await Promise.all([lessonStatuses(db, userId), allBestQuizScores(db, userId)]);
	return course.lessons.every(
		(lesson) =>
			statuses.get(lesson.key) === 'completed' &&
			lessonQuizIds(lesson).every((id) => (best.get(`${lesson.key}#${id}`) ?? -1) >= CERTIFICATE_PASS_SCORE)
	);
}

export async function findCertificate(db: Db, userId: string, courseId: string): Promise<Certificate | undefined> {
	const t = db.t.certificates;
	const [row] = await db.orm
		.select()
		.from(t)
		.where(and(eq(t.userId, userId), eq(t.courseId, courseId)));
	return row;
}

/**
 * Issues the certificate for a completed course, or updates the name settings of the one
 * already issued (one certificate per person and course; the code never changes).
 */
export async function issueCertificate(
	db: Db,
	userId: string,
	course: Course,
	holder: { holderName: string | null; showName: boolean },
	now = new Date()
): Promise<Certificate | null> {
	if (!(await isCourseComplete(db, userId, course))) return null;
	const t = db.t.certificates;
	await db.orm
		.insert(t)
		.values({ id: newId(), code: newCertificateCode(), userId, courseId: course.id, ...holder, issuedAt: now })
		.onConflictDoUpdate({ target: [t.userId, t.courseId], set: holder });
	return (await findCertificate(db, userId, course.id)) ?? null;
}

export async function certificateByCode(db: Db, code: string) {
	const t = db.t.certificates;
	const [row] = await db.orm
		.select({
			code: t.code,
			courseId: t.courseId,
			holderName: t.holderName,
			showName: t.showName,
			issuedAt: t.issuedAt
		})
		.from(t)
		.where(eq(t.code, code.trim().toUpperCase()));
	return row ?? null;
}

/** Every certificate a person holds, oldest first. */
export async function certificatesOf(db: Db, userId: string): Promise<Certificate[]> {
	const t = db.t.certificates;
	return db.orm.select().from(t).where(eq(t.userId, userId)).orderBy(t.issuedAt);
}
