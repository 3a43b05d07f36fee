/**
 * What the learning pages need about the person in front of them, over their progress
 * store (progress-store.ts: an account's or a guest's, the same interface).
 */
import type { Locale } from '../../i18n/locales.ts';
import type { Db } from '../db/database.ts';
import { chooseVersion, getCatalogue, lessonQuizIds, type Lesson } from './catalogue.ts';
import { mergeGuestProgress } from './guest-progress.ts';
import { completionProblem } from './progress.ts';
import type { GuestProgressCookie, ProgressStore } from './progress-store.ts';

/** Marks a lesson complete once it was opened and its quizzes answered; else says why not (an i18n key). */
export async function completeLesson(progress: ProgressStore, lesson: Lesson): Promise<string | null> {
	const [statuses, best] = await Promise.all([progress.statuses(), progress.bestScores(lesson.key)]);
	const problem = completionProblem(lessonQuizIds(lesson), {
		started: statuses.has(lesson.key),
		answered: new Set(best.keys())
	});
	if (!problem) await progress.complete(lesson.key);
	return problem;
}

/**
 * After sign-up or sign-in: move what the guest learned into the account, then forget the
 * cookie. Gives the number of lessons moved (the sign-up confirmation names it).
 */
export async function adoptGuestProgress(db: Db, userId: string, cookie: GuestProgressCookie): Promise<number> {
	const progress = cookie.read();
	if (Object.keys(progress.l).length === 0 && Object.keys(progress.q).length === 0) return 0;
	const catalogue = getCatalogue();
	const known = (key: string) => catalogue.lesson(key) !== undefined;
	await mergeGuestProgress(db, userId, progress, known);
	cookie.clear();
	return Object.keys(progress.l).filter(known).length;
}

/** "Continue where you left off": the lesson in progress, or the next one after the last completed. */
export async function resumeLesson(
	progress: ProgressStore,
	locale: Locale
): Promise<{ path: string; title: string } | null> {
	const catalogue = getCatalogue();
	const [statuses, last] = await Promise.all([progress.statuses(), progress.lastActivity()]);
	const lesson = last ? catalogue.lesson(last.lessonKey) : undefined;
	if (!last || !lesson) return null;
	const target =
		last.status === 'completed'
			? catalogue.course(lesson.courseId)?.lessons.find((other) => statuses.get(other.key) !== 'completed')
			: lesson;
	if (!target) return null;
	const title = chooseVersion(target, locale)?.lesson.title;
	return title ? { path: `/learn/${target.key}`, title } : null;
}
