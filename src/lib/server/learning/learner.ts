/**
 * The learner behind a request: an account (progress in the database) or a guest
 * (progress in a cookie). Routes call these and need not care which.
 */
import type { RequestEvent } from '@sveltejs/kit';
import { chooseVersion, getCatalogue, lessonQuizIds, type Lesson } from './catalogue.ts';
import {
	GUEST_PROGRESS_COOKIE,
	guestBestScores,
	guestComplete,
	guestQuizScore,
	guestStart,
	guestProgressKey,
	guestStatus,
	mergeGuestProgress,
	type GuestProgress,
	readGuestProgress,
	writeGuestProgress
} from './guest-progress.ts';
import {
	bestQuizScores,
	completionProblem,
	lastLessonActivity,
	lessonStatuses,
	recordLessonCompletion,
	recordLessonStart,
	recordQuizAttempt,
	type LessonStatus
} from './progress.ts';

const secure = (event: RequestEvent) => event.url.protocol === 'https:';

/** A guest's progress from their signed cookie (none when it is not signed by us). */
async function guestProgress(event: RequestEvent): Promise<GuestProgress> {
	return readGuestProgress(event.cookies, await guestProgressKey(event.locals.db));
}

/** Read, change and write back a guest's progress cookie. */
async function updateGuestProgress(event: RequestEvent, change: (progress: GuestProgress) => void): Promise<void> {
	const key = await guestProgressKey(event.locals.db);
	const progress = readGuestProgress(event.cookies, key);
	change(progress);
	writeGuestProgress(event.cookies, progress, secure(event), key);
}

export async function startLesson(event: RequestEvent, lessonKey: string): Promise<void> {
	const { user, db } = event.locals;
	if (user) return recordLessonStart(db, user.id, lessonKey);
	await updateGuestProgress(event, (progress) => guestStart(progress, lessonKey));
}

/** Marks a lesson complete once it was opened and its quizzes answered; else says why not (an i18n key). */
export async function completeLesson(event: RequestEvent, lesson: Lesson): Promise<string | null> {
	const { user, db } = event.locals;
	const quizIds = lessonQuizIds(lesson);
	if (user) {
		const [statuses, best] = await Promise.all([lessonStatuses(db, user.id), bestQuizScores(db, user.id, lesson.key)]);
		const problem = completionProblem(quizIds, { started: statuses.has(lesson.key), answered: new Set(best.keys()) });
		if (!problem) await recordLessonCompletion(db, user.id, lesson.key);
		return problem;
	}
	const progress = await guestProgress(event);
	const answered = new Set(guestBestScores(progress, lesson.key).keys());
	const problem = completionProblem(quizIds, { started: lesson.key in progress.l, answered });
	if (!problem) await updateGuestProgress(event, (current) => guestComplete(current, lesson.key));
	return problem;
}

export async function recordAttempt(
	event: RequestEvent,
	lessonKey: string,
	quizId: string,
	score: number
): Promise<void> {
	const { user, db } = event.locals;
	if (user) return recordQuizAttempt(db, { userId: user.id, lessonKey, quizId, score });
	await updateGuestProgress(event, (progress) => {
		guestQuizScore(progress, lessonKey, quizId, score);
		guestStart(progress, lessonKey);
	});
}

export async function learnerStatuses(event: RequestEvent): Promise<Map<string, LessonStatus>> {
	const { user, db } = event.locals;
	if (user) return lessonStatuses(db, user.id);
	const progress = await guestProgress(event);
	return new Map(Object.entries(progress.l).map(([key, entry]) => [key, guestStatus(entry)]));
}

export async function learnerBestScores(event: RequestEvent, lessonKey: string): Promise<Map<string, number>> {
	const { user, db } = event.locals;
	if (user) return bestQuizScores(db, user.id, lessonKey);
	return guestBestScores(await guestProgress(event), lessonKey);
}

/** After sign-up or sign-in: move what the guest learned into the account, then forget the cookie. */
export async function adoptGuestProgress(event: RequestEvent, userId: string): Promise<void> {
	const progress = await guestProgress(event);
	if (Object.keys(progress.l).length === 0 && Object.keys(progress.q).length === 0) return;
	const catalogue = getCatalogue();
	await mergeGuestProgress(event.locals.db, userId, progress, (key) => catalogue.lesson(key) !== undefined);
	event.cookies.delete(GUEST_PROGRESS_COOKIE, { path: '/' });
}

/** "Continue where you left off": the lesson in progress, or the next one after the last completed. */
export async function resumeLesson(event: RequestEvent): Promise<{ path: string; title: string } | null> {
	const catalogue = getCatalogue();
	const statuses = await learnerStatuses(event);
	const { user, db, locale } = event.locals;
	let key: string | undefined;
	let status: LessonStatus | undefined;
	if (user) {
		const last = await lastLessonActivity(db, user.id);
		key = last?.lessonKey;
		status = last?.status;
	} else {
		const progress = await guestProgress(event);
		const latest = Object.entries(progress.l).sort((a, b) => b[1][1] - a[1][1])[0];
		key = latest?.[0];
		status = latest ? guestStatus(latest[1]) : undefined;
	}
	const lesson = key ? catalogue.lesson(key) : undefined;
	if (!lesson) return null;
	const target =
		status === 'completed'
			? catalogue.course(lesson.courseId)?.lessons.find((other) => statuses.get(other.key) !== 'completed')
			: lesson;
	if (!target) return null;
	const title = chooseVersion(target, locale)?.lesson.title;
	return title ? { path: `/learn/${target.key}`, title } : null;
}
