import type { APIResponse } from '@playwright/test';
import { createHmac } from 'node:crypto';
import { expect, test } from './fixtures';
import enLearn from '../../src/lib/i18n/translations/en/learn.json' with { type: 'json' };
import enShell from '../../src/lib/i18n/translations/en/shell.json' with { type: 'json' };
import arLearn from '../../src/lib/i18n/translations/ar/learn.json' with { type: 'json' };
import {
	encodeGuestProgress,
	guestComplete,
	guestProgressKey,
	guestStart,
	MAX_GUEST_COOKIE_VALUE
} from '../../src/lib/server/learning/guest-progress.ts';
import {
	emptyGuestProgress,
	unpackGuestProgress,
	type GuestProgress
} from '../../src/lib/server/learning/guest-progress-format.ts';
import { contentCatalogue, correctAnswerForm, lessonQuizzes } from '../helpers/quiz-answers';
import { BASE_URL, expectNoAxeViolations, PASSWORD, uniqueUsername } from './helpers';

// A guest's progress lives in a signed cookie (src/lib/server/learning/guest-progress.ts);
// browsers drop a cookie of more than 4,096 bytes without a word, so it must never get there.

const COOKIE = 'lotse_progress';
const FORM = { origin: BASE_URL, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' };

/** The Set-Cookie header of the progress cookie in a response, as sent. */
function progressHeader(response: APIResponse): string | undefined {
	return response
		.headersArray()
		.find(({ name, value }) => name.toLowerCase() === 'set-cookie' && value.startsWith(`${COOKIE}=`))?.value;
}

function readCookie(value: string): GuestProgress {
	const progress = unpackGuestProgress(new Uint8Array(Buffer.from(value.split('.')[0]!, 'base64url')));
	expect(progress, 'the progress cookie is one the server wrote').not.toBeNull();
	return progress!;
}

test('a guest who completes every lesson and quiz keeps all of it, and it all moves into the new account', async ({
	page
}) => {
	test.setTimeout(240_000);
	const lessons = contentCatalogue().courses.flatMap((course) => course.lessons);
	let largest = 0;
	for (const lesson of lessons) {
		// The answers are the German version's (quiz-answers.ts).
		const path = `/de/learn/${lesson.key}`;
		const responses = [await page.request.get(path)];
		for (const quiz of lessonQuizzes(lesson.key)) {
			responses.push(
				await page.request.post(`${path}?/answer`, { headers: FORM, data: correctAnswerForm(quiz).toString() })
			);
		}
		responses.push(await page.request.post(`${path}?/complete`, { headers: FORM, form: {} }));
		for (const response of responses) {
			expect(response.status(), `${response.url()} answered`).toBe(200);
			const header = progressHeader(response);
			if (header) largest = Math.max(largest, new TextEncoder().encode(header).length);
		}
	}
	// Name, value, signature and attributes: far below what a browser keeps.
	expect(largest).toBeGreaterThan(0);
	expect(largest).toBeLessThan(4096);
	const cookie = (await page.context().cookies()).find((c) => c.name === COOKIE);
	expect(cookie, 'the browser kept the cookie').toBeDefined();
	const kept = readCookie(cookie!.value);
	expect(Object.values(kept.l).filter(([status]) => status === 1)).toHaveLength(lessons.length);
	expect(Object.keys(kept.q)).toHaveLength(lessons.flatMap((lesson) => lessonQuizzes(lesson.key)).length);
	expect(Object.values(kept.q).every((score) => score === 100)).toBe(true);

	// The lesson page says there is room; nothing asks to hurry.
	await page.goto(`/en/learn/${lessons[0]!.key}`);
	await expect(page.locator('.progress-room')).toHaveCount(0);

	await page.goto('/en/signup');
	await page.locator('#field-username').fill(uniqueUsername('all'));
	await page.locator('#field-password').fill(PASSWORD);
	await page.locator('main form button[type=submit]').click();
	await page.waitForURL('**/en/welcome?kept=*');
	await expect(page.locator('main')).toContainText(
		enShell.welcome.kept_other.replace('{{count}}', String(lessons.length))
	);
});

/**
 * Progress that fills the cookie so far that opening `lesson` no longer fits: lessons from
 * the studio (stored by key, the most room each) and one lesson of the catalogue, completed.
 */
function fullProgress(lesson: string, key: Uint8Array): GuestProgress {
	const monthAgo = new Date(Date.now() - 30 * 86_400_000);
	const base = emptyGuestProgress();
	guestComplete(base, 'first-steps/the-device', monthAgo);
	const fits = (progress: GuestProgress) => encodeGuestProgress(progress, key).length <= MAX_GUEST_COOKIE_VALUE;
	const opened = (progress: GuestProgress) => {
		const next = structuredClone(progress);
		guestStart(next, lesson);
		return next;
	};
	let count = 0;
	// Whole studio lessons while there is room for one more, then one whose key grows a letter at a time.
	for (;;) {
		const next = structuredClone(base);
		guestComplete(next, `studio/lesson-${count}-with-a-longer-name-than-most`, monthAgo);
		if (!fits(next)) break;
		guestComplete(base, `studio/lesson-${count++}-with-a-longer-name-than-most`, monthAgo);
	}
	for (let letters = 1; letters < 60; letters++) {
		const next = structuredClone(base);
		guestComplete(next, `studio/${'x'.repeat(letters)}`, monthAgo);
		if (!fits(opened(next))) return next;
	}
	throw new Error('could not fill the cookie');
}

test('a guest whose browser has no room left is told, keeps what was saved, and is offered an account', async ({
	page,
	context,
	appDb
}) => {
	const lesson = 'first-steps/keyboard';
	const key = await guestProgressKey(appDb);
	const progress = fullProgress(lesson, key);
	await context.addCookies([{ name: COOKIE, value: encodeGuestProgress(progress, key), url: BASE_URL }]);

	const response = await page.goto(`/en/learn/${lesson}`);
	expect(response?.status()).toBe(200);
	const notice = page.locator('.progress-room').first();
	await expect(notice).toContainText(enLearn.learn.progressRoom.full);
	await expect(notice.locator('a')).toHaveAttribute('href', '/en/signup');
	await expectNoAxeViolations(page);

	// What was saved is all still there; only opening this lesson is missing, and that is noted.
	const cookie = (await context.cookies()).find((c) => c.name === COOKIE)!;
	const kept = readCookie(cookie.value);
	expect(kept.full).toBe(true);
	expect(kept.l[lesson]).toBeUndefined();
	expect(kept.l).toEqual(progress.l);

	await page.goto('/ar/learn/dashboard');
	await expect(page.locator('.progress-room')).toContainText(arLearn.learn.progressRoom.full);
	await expectNoAxeViolations(page);

	// The account takes over what was saved (the one lesson of the catalogue).
	await page.locator('.progress-room a').click();
	await page.locator('#field-username').fill(uniqueUsername('full'));
	await page.locator('#field-password').fill(PASSWORD);
	await page.locator('main form button[type=submit]').click();
	await page.waitForURL('**/ar/welcome?kept=*');
	expect((await context.cookies()).some((c) => c.name === COOKIE)).toBe(false);
});

test('a guest whose browser is nearly out of room is asked to create an account before anything is lost', async ({
	page,
	context,
	appDb
}) => {
	const key = await guestProgressKey(appDb);
	const progress = emptyGuestProgress();
	for (let i = 0; encodeGuestProgress(progress, key).length < MAX_GUEST_COOKIE_VALUE * 0.8; i++) {
		guestComplete(progress, `studio/lesson-${i}`, new Date(Date.now() - 86_400_000));
	}
	await context.addCookies([{ name: COOKIE, value: encodeGuestProgress(progress, key), url: BASE_URL }]);
	for (let visit = 0; visit < 2; visit++) {
		// The second visit gets the kept page: the notice is part of what it is kept for.
		const response = await page.goto('/en/learn/first-steps/the-device');
		expect(response?.status()).toBe(200);
		await expect(page.locator('.progress-room').first()).toContainText(enLearn.learn.progressRoom.nearlyFull);
	}
	const kept = readCookie((await context.cookies()).find((c) => c.name === COOKIE)!.value);
	expect(kept.full).toBeUndefined();
	expect(kept.l['first-steps/the-device']?.[0]).toBe(0);
	expect(Object.keys(kept.l)).toHaveLength(Object.keys(progress.l).length + 1);
});

test('progress in the old cookie format is still read, and written anew in the compact one', async ({
	page,
	context,
	appDb
}) => {
	const key = await guestProgressKey(appDb);
	const old = { v: 1, l: { 'first-steps/the-browser': [1, 1_780_000_000] }, q: {} };
	const payload = Buffer.from(JSON.stringify(old)).toString('base64url');
	const value = `${payload}.${createHmac('sha256', key).update(payload).digest('base64url')}`;
	await context.addCookies([{ name: COOKIE, value, url: BASE_URL }]);
	await page.goto('/en/learn/first-steps/the-browser');
	await expect(page.locator('.lesson__done')).toHaveText(enLearn.learn.status.completed);
	const written = (await context.cookies()).find((c) => c.name === COOKIE)!.value;
	expect(Buffer.from(written.split('.')[0]!, 'base64url')[0], 'format 2').toBe(2);
	expect(readCookie(written).l['first-steps/the-browser']?.[0], 'still completed').toBe(1);
});
