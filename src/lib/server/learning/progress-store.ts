/**
 * Where the progress of the person behind a request is kept: in the database for an
 * account, in a cookie for a guest. Both stores have the same interface, and one is chosen
 * per request (hooks.server.ts sets `locals.progress`), so domain code and routes never
 * branch on "signed in or not" to read or record progress.
 */
import type { Cookies } from '@sveltejs/kit';
import type { Db } from '../db/database.ts';
import {
	GUEST_PROGRESS_COOKIE,
	guestBestScores,
	guestComplete,
	guestProgressRoom,
	guestQuizScore,
	guestStart,
	guestStatus,
	readGuestProgress,
	writeGuestProgress,
	type GuestProgress,
	type GuestProgressRoom
} from './guest-progress.ts';
import {
	bestQuizScores,
	lastLessonActivity,
	lessonStatuses,
	recordLessonCompletion,
	recordLessonStart,
	recordQuizAttempt,
	type LessonStatus
} from './progress.ts';

export interface ProgressStore {
	readonly kind: 'account' | 'guest';
	/** Status of every lesson the person has opened, by lesson key. */
	statuses(): Promise<Map<string, LessonStatus>>;
	/** Best score per quiz id of one lesson. */
	bestScores(lessonKey: string): Promise<Map<string, number>>;
	/** The lesson touched last, for "continue where you left off". */
	lastActivity(): Promise<{ lessonKey: string; status: LessonStatus } | null>;
	start(lessonKey: string): Promise<void>;
	complete(lessonKey: string): Promise<void>;
	recordAttempt(lessonKey: string, quizId: string, score: number): Promise<void>;
	/** Whether there is room for more: a guest's cookie can fill up (an account's never does). */
	room(): Promise<GuestProgressRoom>;
}

export function accountProgress(db: Db, userId: string): ProgressStore {
	return {
		kind: 'account',
		statuses: () => lessonStatuses(db, userId),
		bestScores: (lessonKey) => bestQuizScores(db, userId, lessonKey),
		lastActivity: async () => {
			const last = await lastLessonActivity(db, userId);
			return last ? { lessonKey: last.lessonKey, status: last.status } : null;
		},
		start: (lessonKey) => recordLessonStart(db, userId, lessonKey),
		complete: (lessonKey) => recordLessonCompletion(db, userId, lessonKey),
		// Answering a quiz is activity in its lesson, as for guests.
		recordAttempt: (lessonKey, quizId, score) =>
			db.transaction(async (tx) => {
				await recordQuizAttempt(tx, { userId, lessonKey, quizId, score });
				await recordLessonStart(tx, userId, lessonKey);
			}),
		room: async () => 'plenty'
	};
}

/** How a guest store reaches its cookie; tests pass an in-memory one. */
export interface GuestProgressCookie {
	read(): GuestProgress;
	/** "full" when the progress did not fit and the cookie kept what it had (marked full). */
	write(progress: GuestProgress): 'saved' | 'full';
	clear(): void;
}

/**
 * The guest progress cookie of one request (its format and signature are guest-progress.ts's
 * business; `key` comes from `guestProgressKey(db)`).
 */
export function guestProgressCookie(cookies: Cookies, secure: boolean, key: Uint8Array): GuestProgressCookie {
	return {
		read: () => readGuestProgress(cookies, key),
		write: (progress) => writeGuestProgress(cookies, progress, secure, key),
		clear: () => cookies.delete(GUEST_PROGRESS_COOKIE, { path: '/' })
	};
}

export function guestProgress(cookie: GuestProgressCookie): ProgressStore {
	const update = async (change: (progress: GuestProgress) => void) => {
		const progress = cookie.read();
		change(progress);
		cookie.write(progress);
	};
	return {
		kind: 'guest',
		statuses: async () =>
			new Map(Object.entries(cookie.read().l).map(([key, entry]) => [key, guestStatus(entry)] as const)),
		bestScores: async (lessonKey) => guestBestScores(cookie.read(), lessonKey),
		lastActivity: async () => {
			const latest = Object.entries(cookie.read().l).sort((a, b) => b[1][1] - a[1][1])[0];
			return latest ? { lessonKey: latest[0], status: guestStatus(latest[1]) } : null;
		},
		start: (lessonKey) => update((progress) => guestStart(progress, lessonKey)),
		complete: (lessonKey) => update((progress) => guestComplete(progress, lessonKey)),
		recordAttempt: (lessonKey, quizId, score) =>
			update((progress) => {
				guestQuizScore(progress, lessonKey, quizId, score);
				guestStart(progress, lessonKey);
			}),
		room: async () => guestProgressRoom(cookie.read())
	};
}
