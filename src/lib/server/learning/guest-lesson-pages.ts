/**
 * Lesson pages for guests, kept rendered (the throughput goal of the learning issue).
 *
 * What a guest sees on a lesson page depends on the address (language, lesson, easy
 * version), the display settings and the guest's own state in this lesson (started or
 * completed, best quiz scores), and on nothing else about them. So the page rendered for
 * each such combination is kept and sent again; the one thing the page does besides
 * rendering, noting in the guest's cookie that the lesson was opened, still happens on
 * every request (see hooks.server.ts). Signed-in people always get a page rendered for
 * them.
 *
 * Keep the key in step with the lesson page: anything new the page shows that depends on
 * the request (beyond address, display settings and this lesson's state) must join the key,
 * and any new side effect of its load must also run on a hit (hooks.server.ts).
 */
import type { RequestEvent } from '@sveltejs/kit';
import { serializeDisplayCookie } from '$lib/display-settings';
import { LESSON_ROUTE_ID } from '$lib/lesson-route';
import { RenderedPages } from '../http/rendered-pages.ts';
import { getCatalogue } from './catalogue.ts';
import {
	guestBestScores,
	guestProgressKey,
	guestProgressRoomAfterOpening,
	guestStatus,
	readGuestProgress
} from './guest-progress.ts';

/** Pages are 20–60 KB; this holds a few thousand lesson × language × state combinations. */
export const guestLessonPages = new RenderedPages(64 * 1024 * 1024);

export interface GuestLessonPage {
	key: string;
	lessonKey: string;
}

/** Which kept page this request may get, or null when it must be rendered for the person. */
export async function guestLessonPageKey(event: RequestEvent): Promise<GuestLessonPage | null> {
	if (event.request.method !== 'GET' || event.route.id !== LESSON_ROUTE_ID || event.isDataRequest) return null;
	// The session hook has run: a valid session cookie made a user, an invalid one is deleted.
	if (event.locals.user) return null;
	// Only the addresses the site links to; anything else added to the query is not kept.
	const { search } = event.url;
	if (search !== '' && search !== '?version=easy') return null;
	const lessonKey = `${event.params.course}/${event.params.lesson}`;
	if (!getCatalogue().lesson(lessonKey)) return null;

	const progress = readGuestProgress(event.cookies, await guestProgressKey(event.locals.db));
	// The page shows the state after opening it: an opened lesson is at least "started".
	const entry = progress.l[lessonKey];
	const status = entry ? guestStatus(entry) : 'started';
	const scores = [...guestBestScores(progress, lessonKey)]
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([quiz, score]) => `${quiz}=${score}`)
		.join(',');
	// Whether the page asks the guest to create an account because the cookie is filling up.
	const room = guestProgressRoomAfterOpening(progress, lessonKey);
	const key = [event.url.pathname, search, serializeDisplayCookie(event.locals.display), status, scores, room].join(
		'|'
	);
	return { key, lessonKey };
}
