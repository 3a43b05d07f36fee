/**
 * The guest progress cookie holds the whole curriculum well inside what a browser keeps, is
 * read back exactly, still reads the old format, and never drops progress to make room.
 */
import type { Cookies } from '@sveltejs/kit';
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
	emptyGuestProgress,
	packGuestProgress,
	unpackGuestProgress,
	type GuestProgress
} from '../../src/lib/server/learning/guest-progress-format.ts';
import { GUEST_PROGRESS_NUMBERS } from '../../src/lib/server/learning/guest-progress-numbers.ts';
import {
	decodeGuestProgress,
	encodeGuestProgress,
	GUEST_PROGRESS_COOKIE,
	guestComplete,
	MAX_GUEST_COOKIE_VALUE,
	guestProgressRoom,
	guestQuizScore,
	guestStart,
	readGuestProgress,
	writeGuestProgress
} from '../../src/lib/server/learning/guest-progress.ts';
import { lessonQuizIds } from '../../src/lib/server/learning/catalogue.ts';
import { contentCatalogue } from '../helpers/quiz-answers.ts';

const key = new Uint8Array(32).fill(3);

/** A cookie jar of one request that writes Set-Cookie headers the way browsers read them. */
function jar(initial?: string) {
	let value = initial;
	let header = '';
	const cookies = {
		get: () => value,
		set: (name: string, next: string, options: { path: string; maxAge: number; secure: boolean }) => {
			value = next;
			header = [
				`${name}=${next}`,
				`Max-Age=${options.maxAge}`,
				`Path=${options.path}`,
				'HttpOnly',
				...(options.secure ? ['Secure'] : []),
				'SameSite=Lax'
			].join('; ');
		},
		delete: () => void (value = undefined)
	} as unknown as Cookies;
	return { cookies, value: () => value, header: () => header };
}

/** Every lesson of the shipped curriculum completed, every quiz answered. */
function wholeCurriculum(): GuestProgress {
	const progress = emptyGuestProgress();
	// Ten years of learning: the largest times the format has to write.
	const start = new Date('2026-01-01T00:00:00Z').getTime();
	const lessons = contentCatalogue().courses.flatMap((course) => course.lessons);
	lessons.forEach((lesson, index) => {
		const at = new Date(start + (index / lessons.length) * 10 * 365 * 86_400_000);
		for (const quiz of lessonQuizIds(lesson)) guestQuizScore(progress, lesson.key, quiz, 100 - (index % 7));
		guestComplete(progress, lesson.key, at);
	});
	return progress;
}

describe('the guest progress cookie', () => {
	it('has a number for every lesson and quiz of the curriculum, each once', () => {
		const numbered = new Map(GUEST_PROGRESS_NUMBERS.map((entry) => [entry.lesson, entry.quizzes]));
		expect(numbered.size, 'a lesson is listed twice').toBe(GUEST_PROGRESS_NUMBERS.length);
		for (const course of contentCatalogue().courses) {
			for (const lesson of course.lessons) {
				const quizzes = numbered.get(lesson.key);
				expect(quizzes, `${lesson.key} has no number in guest-progress-numbers.ts`).toBeDefined();
				expect(new Set(quizzes).size, `${lesson.key} lists a quiz twice`).toBe(quizzes!.length);
				for (const quiz of lessonQuizIds(lesson)) {
					expect(quizzes, `quiz ${quiz} of ${lesson.key} has no number`).toContain(quiz);
				}
			}
		}
	});

	it('holds the whole curriculum, every lesson and quiz, below 4,096 bytes with name, signature and attributes', () => {
		const cookies = jar();
		const progress = wholeCurriculum();
		const lessons = contentCatalogue().courses.flatMap((course) => course.lessons);
		expect(Object.keys(progress.l)).toHaveLength(lessons.length);
		expect(Object.keys(progress.q)).toHaveLength(lessons.flatMap(lessonQuizIds).length);
		expect(writeGuestProgress(cookies.cookies, progress, true, key)).toBe('saved');
		const header = cookies.header();
		expect(header.startsWith(`${GUEST_PROGRESS_COOKIE}=`)).toBe(true);
		expect(new TextEncoder().encode(header).length).toBeLessThan(4096);
		expect(readGuestProgress(cookies.cookies, key)).toEqual(progress);
		expect(guestProgressRoom(progress)).toBe('plenty');
	});

	it('reads back exactly what it wrote: numbered and unnumbered lessons, scores, the full mark', () => {
		const progress = emptyGuestProgress();
		guestStart(progress, 'first-steps/keyboard', new Date(1_800_000_000_000));
		guestQuizScore(progress, 'first-steps/keyboard', 'enter-key', 0);
		guestQuizScore(progress, 'first-steps/keyboard', 'at-sign-phone', 67);
		// A quiz since taken out of a numbered lesson, and lessons without a number (studio lessons).
		guestQuizScore(progress, 'first-steps/keyboard', 'old-quiz', 50);
		guestComplete(progress, 'studio/a-lesson-of-our-own', new Date(1_700_000_000_000));
		guestQuizScore(progress, 'studio/a-lesson-of-our-own', 'q1', 100);
		guestQuizScore(progress, 'studio/only-answered', 'q2', 12);
		guestComplete(progress, 'first-programs/functions', new Date(1_900_000_000_000));
		progress.full = true;
		expect(unpackGuestProgress(packGuestProgress(progress))).toEqual(progress);
		expect(decodeGuestProgress(encodeGuestProgress(progress, key), key)).toEqual(progress);
		expect(unpackGuestProgress(packGuestProgress(emptyGuestProgress()))).toEqual(emptyGuestProgress());
	});

	it('still reads cookies of the old format (signed JSON), and writes them anew in the compact one', () => {
		const old = {
			v: 1,
			l: { 'first-steps/the-device': [1, 1_780_000_000], 'safe-online/online-id': [0, 1_780_000_500] },
			q: { 'first-steps/the-device#what-is-smartphone': 100, 'safe-online/online-id#pin-length': 40 }
		};
		const payload = Buffer.from(JSON.stringify(old)).toString('base64url');
		// Signed as format 1 was: HMAC-SHA-256 of the payload under the server's key.
		const signature = createHmac('sha256', key).update(payload).digest('base64url');
		const cookies = jar(`${payload}.${signature}`);
		const progress = readGuestProgress(cookies.cookies, key);
		expect(progress).toEqual({ l: old.l, q: old.q });
		guestStart(progress, 'first-steps/keyboard', new Date(1_780_001_000_000));
		writeGuestProgress(cookies.cookies, progress, false, key);
		expect(cookies.value()!.length).toBeLessThan(payload.length);
		expect(readGuestProgress(cookies.cookies, key).l).toEqual({ ...old.l, 'first-steps/keyboard': [0, 1_780_001_000] });
	});

	it('never drops progress to make room: a change that does not fit is refused and the cookie says so', () => {
		const cookies = jar();
		let lessons = 0;
		// Lessons without a number take the most room (studio lessons, once there are many).
		for (let outcome = 'saved'; outcome === 'saved'; lessons++) {
			const next = readGuestProgress(cookies.cookies, key);
			const lesson = `studio/lesson-number-${lessons}-with-a-long-name`;
			guestComplete(next, lesson, new Date(1_800_000_000_000 + lessons * 1000));
			for (const quiz of ['first-question', 'second-question', 'third-question']) {
				guestQuizScore(next, lesson, quiz, 90);
			}
			outcome = writeGuestProgress(cookies.cookies, next, false, key);
			expect(new TextEncoder().encode(cookies.header()).length).toBeLessThan(4096);
		}
		const kept = readGuestProgress(cookies.cookies, key);
		// Everything saved before stays; only the change that did not fit is missing, and marked.
		expect(Object.keys(kept.l)).toHaveLength(lessons - 1);
		expect(kept.l[`studio/lesson-number-${lessons - 2}-with-a-long-name`]?.[0]).toBe(1);
		expect(kept.l[`studio/lesson-number-${lessons - 1}-with-a-long-name`]).toBeUndefined();
		expect(kept.full).toBe(true);
		expect(guestProgressRoom(kept)).toBe('full');
	});

	it('warns from three quarters full', () => {
		const progress = emptyGuestProgress();
		let lessons = 0;
		while (guestProgressRoom(progress) === 'plenty') {
			guestComplete(progress, `studio/lesson-${lessons++}`);
		}
		expect(guestProgressRoom(progress)).toBe('nearly-full');
		const value = encodeGuestProgress(progress, key);
		expect(value.length).toBeGreaterThanOrEqual(MAX_GUEST_COOKIE_VALUE * 0.75);
		expect(value.length).toBeLessThan(MAX_GUEST_COOKIE_VALUE);
	});

	it.each([
		['an unknown format', Uint8Array.from([9, 0, 0, 0, 0])],
		['a record cut short', packGuestProgress(wholeCurriculum()).subarray(0, 40)],
		['bytes after the end', Uint8Array.from([...packGuestProgress(wholeCurriculum()), 0])],
		['a score above 100', Uint8Array.from([2, 0, 0, 1, 0, 1, 0, 1, 101, 0])],
		['an unknown state', Uint8Array.from([2, 0, 0, 1, 0, 7, 0, 0, 0])],
		['a key that is not a lesson key', Uint8Array.from([2, 0, 0, 0, 1, 3, 0x41, 0x2f, 0x42, 0, 0])],
		['nothing', new Uint8Array()]
	])('reads %s as no cookie of ours', (_name, bytes) => {
		expect(unpackGuestProgress(bytes)).toBeNull();
	});
});
