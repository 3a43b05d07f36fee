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
	const next = event.url.searchParams.get('next');
	if (next && next.startsWith('/') && !next.startsWith('//') && !next.includes('\\')) return next;
	return fallback;
}

// Who may see a page (requireUser, requireRole) is policy.ts's business.
