/** Glue between a SvelteKit request and the session functions. */
import type { RequestEvent } from '@sveltejs/kit';
import { deleteSessionCookie, setSessionCookie } from './cookies.ts';
import { createSession, invalidateSession } from './session.ts';

export async function startSession(event: RequestEvent, userId: string): Promise<void> {
	const { token, session } = await createSession(event.locals.db, userId);
	setSessionCookie(event.cookies, token, session.expiresAt, event.url.protocol === 'https:');
}

export async function endSession(event: RequestEvent): Promise<void> {
	if (event.locals.session) await invalidateSession(event.locals.db, event.locals.session.id);
	deleteSessionCookie(event.cookies, event.url.protocol === 'https:');
	event.locals.user = null;
	event.locals.session = null;
}

/** A redirect target from `?next=`: only paths on this site, never another origin. */
export function safeNextPath(event: RequestEvent, fallback: string): string {
	return sameOriginPath(event.url.searchParams.get('next'), event.url.origin) ?? fallback;
}

// Browsers drop tabs and line breaks from URLs and read a backslash as a slash, so
// "/\t/evil.example" becomes "//evil.example": refuse them anywhere, encoded or not.
function hasUnsafeCharacter(value: string): boolean {
	for (const char of value) {
		const code = char.codePointAt(0)!;
		if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || char === '\\') return true;
	}
	return false;
}

/**
 * `next` as a path on `origin` (path, query and fragment, normalised and percent-encoded,
 * so it is always a valid `Location`), or null when it would leave the site or is not a
 * plain path. Absolute URLs are refused even when they name this origin: the app never
 * writes them.
 */
export function sameOriginPath(next: string | null | undefined, origin: string): string | null {
	if (!next || !next.startsWith('/') || next.startsWith('//')) return null;
	if (hasUnsafeCharacter(next) || hasUnsafeCharacter(safeDecode(next))) return null;
	let url: URL;
	try {
		url = new URL(next, origin);
	} catch {
		return null;
	}
	// "/.//evil.example" resolves to the path "//evil.example", which a browser reads as another host.
	if (url.origin !== origin || url.pathname.startsWith('//')) return null;
	return url.pathname + url.search + url.hash;
}

function safeDecode(value: string): string {
	try {
		return decodeURIComponent(value);
	} catch {
		return '\\';
	}
}

// Who may see a page (requireUser, requireRole) is policy.ts's business.
