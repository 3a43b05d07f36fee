import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { redirect } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { DISPLAY_COOKIE, displayClasses } from '$lib/display-settings';
import { parseDisplayCookie } from '$lib/server/site/display-settings';
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, textDirection, type Locale } from '$lib/i18n/locales';
import { deleteSessionCookie, setSessionCookie } from '$lib/server/auth/cookies';
import { SESSION_COOKIE, validateSessionToken } from '$lib/server/auth/session';
import { closeDbOnShutdown, getDb } from '$lib/server/db';
import { dev } from '$app/environment';
import { compressionEnabled, compressResponse } from '$lib/server/http/compression';
import { logSetCookies } from '$lib/server/http/set-cookie-log';
import { guestLessonPageKey, guestLessonPages } from '$lib/server/learning/guest-lesson-pages';
import { guestProgressKey } from '$lib/server/learning/guest-progress';
import { accountProgress, guestProgress, guestProgressCookie } from '$lib/server/learning/progress-store';
import { NEW_PASSWORD_PAGE } from '$lib/server/auth/first-password';
import { requireAreaAccess } from '$lib/server/auth/policy';
import { seedParticipation } from '$lib/server/participation/seed';
import { seedContent } from '$lib/server/participation/seed-content';

/** Opens the database (and applies migrations) before the first request is served; closes it on shutdown. */
export const init: ServerInit = async () => {
	const db = await getDb();
	// A new Lotse starts with the strategy's fields and projects as example content.
	await seedParticipation(db, seedContent());
	closeDbOnShutdown();
};

const ONE_YEAR = 60 * 60 * 24 * 365;

const context: Handle = async ({ event, resolve }) => {
	event.locals.setCookies = logSetCookies(event.cookies);
	event.locals.db = await getDb();
	const first = event.url.pathname.split('/')[1];
	const cookieLocale = event.cookies.get(LOCALE_COOKIE);
	let locale: Locale = DEFAULT_LOCALE;
	if (isLocale(first)) {
		locale = first;
		// Remember the language a person last chose, for the next visit to "/".
		if (cookieLocale !== first && event.request.method === 'GET') {
			event.cookies.set(LOCALE_COOKIE, first, {
				path: '/',
				maxAge: ONE_YEAR,
				httpOnly: false,
				sameSite: 'lax',
				secure: false
			});
		}
	} else if (isLocale(cookieLocale)) {
		locale = cookieLocale;
	}
	event.locals.locale = locale;
	event.locals.display = parseDisplayCookie(event.cookies.get(DISPLAY_COOKIE));
	return resolve(event);
};

const session: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.session = null;
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		const secure = event.url.protocol === 'https:';
		const validated = await validateSessionToken(event.locals.db, token);
		if (validated) {
			event.locals.user = validated.user;
			event.locals.session = validated.session;
			if (validated.renewed) setSessionCookie(event.cookies, token, validated.session.expiresAt, secure);
		} else {
			deleteSessionCookie(event.cookies, secure);
		}
	}
	return resolve(event);
};

// Pages a person with a one-time password may still reach: the form that replaces it, signing
// out, and what helps them read and fill it in (display settings, accessibility, privacy).
const OPEN_WITH_ONE_TIME_PASSWORD = new Set([NEW_PASSWORD_PAGE, 'signout', 'settings', 'accessibility', 'privacy']);

/**
 * Someone signed in with the one-time password from a login card sets their own password
 * before anything else: every other page and action sends them to that form (and back to
 * where they were going afterwards). Static files are served before this hook runs.
 */
const oneTimePassword: Handle = async ({ event, resolve }) => {
	if (!event.locals.user?.mustChangePassword) return resolve(event);
	const [, lang, ...rest] = event.url.pathname.split('/');
	const page = rest.join('/');
	if (isLocale(lang) && OPEN_WITH_ONE_TIME_PASSWORD.has(page)) return resolve(event);
	const target = `/${event.locals.locale}/${NEW_PASSWORD_PAGE}`;
	const next =
		event.request.method === 'GET' && isLocale(lang) && page !== '' ? event.url.pathname + event.url.search : null;
	redirect(303, next ? `${target}?next=${encodeURIComponent(next)}` : target);
};

/** One progress store per request, chosen here once: the account's, or the guest's cookie. */
const progress: Handle = async ({ event, resolve }) => {
	const { user, db } = event.locals;
	event.locals.progress = user
		? accountProgress(db, user.id)
		: guestProgress(guestProgressCookie(event.cookies, event.url.protocol === 'https:', await guestProgressKey(db)));
	return resolve(event);
};

// Route ids of the endpoints (+server.ts), which no layout load protects.
const endpointRoutes = new Set(
	Object.keys(import.meta.glob('/src/routes/**/+server.ts')).map((path) =>
		path.replace(/^\/src\/routes/, '').replace(/\/\+server\.ts$/, '')
	)
);

/**
 * Areas that need a role are closed to everyone else before any of their code runs (deny
 * by default, server/auth/policy.ts). Page loads are checked by the [lang] layout instead,
 * so that a refused page gets the translated error page; everything else (form actions,
 * endpoints, the data requests of client-side navigation) is refused here.
 */
const areas: Handle = async ({ event, resolve }) => {
	const method = event.request.method;
	const pageLoad =
		(method === 'GET' || method === 'HEAD') && !event.isDataRequest && !endpointRoutes.has(event.route.id ?? '');
	if (!pageLoad) requireAreaAccess(event);
	return resolve(event);
};

const page: Handle = async ({ event, resolve }) => {
	const { locale } = event.locals;
	const response = await resolve(event, {
		// Read when the page is written, not before: saving display settings changes them.
		transformPageChunk: ({ html }) =>
			html
				.replace('%lotse.lang%', locale)
				.replace('%lotse.dir%', textDirection(locale))
				.replace('%lotse.classes%', displayClasses(event.locals.display))
	});
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	response.headers.set(
		'Permissions-Policy',
		'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()'
	);
	response.headers.set('Cross-Origin-Opener-Policy', 'same-origin');
	return response;
};

/** Guests' lesson pages come from memory when one was rendered for the same state before. */
const guestLessons: Handle = async ({ event, resolve }) => {
	const kept = dev ? null : await guestLessonPageKey(event);
	if (!kept) return resolve(event);
	const page = guestLessonPages.get(kept.key);
	if (!page) return guestLessonPages.keep(kept.key, event.request, await resolve(event));
	// What the lesson page's load does besides rendering (+page.server.ts).
	await event.locals.progress.start(kept.lessonKey);
	return guestLessonPages.respond(kept.key, page, event.request, event.locals.setCookies);
};

/** Pages and data go out compressed unless a proxy in front does it (LOTSE_COMPRESS=0). */
const compress: Handle = async ({ event, resolve }) => compressResponse(event.request, await resolve(event));

// Order matters: guestLessons needs the language, the session and the progress store, and
// keeps pages with the headers `page` adds, so it sits between them; compression comes last,
// around everything (kept pages arrive there compressed already, from memory).
const handles = [context, session, oneTimePassword, progress, areas, guestLessons, page];
export const handle = sequence(...(compressionEnabled() ? [compress] : []), ...handles);

/** Errors are logged on the server; people see a plain message, never a stack trace. */
export const handleError: HandleServerError = ({ error, status }) => {
	if (status !== 404) console.error(error);
	return { message: status === 404 ? 'errors.notFound' : 'errors.server' };
};
