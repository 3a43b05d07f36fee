/**
 * Who may do what. Every check here *throws*: the redirect to sign-in, or a 403 with a
 * message key the error page translates, so a route cannot forget to stop after a check.
 * A check that lists no roles, or a role nobody has, lets no one in (deny by default).
 *
 * Per-object rules follow the same shape: a `Policy<T>` says whether a person may act on
 * one object, and `requirePermission` turns "no" into the 403. Keep a domain's policies
 * next to the objects they protect (`server/<domain>/policy.ts`).
 */
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { isLocale } from '../../i18n/locales.ts';
import { isRole, type Role } from '../../roles.ts';
import type { SessionUser } from './session.ts';

type Request = Pick<RequestEvent, 'locals' | 'url'>;

/** The path to sign-in that comes back to this request's page afterwards. */
export function signInPath(event: Request): string {
	const next = encodeURIComponent(event.url.pathname + event.url.search);
	return `/${event.locals.locale}/signin?next=${next}`;
}

/** The signed-in person; anyone else is sent to sign in (and back here afterwards). */
export function requireUser(event: Request): SessionUser {
	const user = event.locals.user;
	if (!user) redirect(303, signInPath(event));
	return user;
}

/** The signed-in person if they have one of `roles`; 403 for everyone else. */
export function requireRole(event: Request, ...roles: Role[]): SessionUser {
	const user = requireUser(event);
	if (!isRole(user.role) || !roles.includes(user.role)) error(403, 'errors.forbidden');
	return user;
}

/** Whether `user` may act on `object`. */
export type Policy<T> = (user: SessionUser, object: T) => boolean;

/** The signed-in person if `policy` allows them `object`; 403 otherwise. */
export function requirePermission<T>(event: Request, policy: Policy<T>, object: T): SessionUser {
	const user = requireUser(event);
	if (!policy(user, object)) error(403, 'errors.forbidden');
	return user;
}

/** A policy for things a person owns: only the owner. */
export const isOwner: Policy<{ userId: string | null }> = (user, object) => object.userId === user.id;

/**
 * Areas of the site (the first path segment after the language) that only some roles may
 * enter. The hook checks them before any page of the area runs, so a new page there is
 * protected even if it forgets its own check. Areas not listed are public; pages inside
 * them that need a person or a role call the checks above.
 */
export const AREA_ROLES: Readonly<Record<string, readonly Role[]>> = {
	admin: ['admin'],
	moderation: ['moderator', 'admin'],
	studio: ['instructor', 'admin']
};

/**
 * Throws unless this request may enter the area its path belongs to. Areas are pages inside a
 * language (`/tr/studio/…`); paths outside one (`/media/studio/<id>`, `/api/…`) are no area,
 * and each such endpoint checks who may use it itself.
 */
export function requireAreaAccess(event: Request): void {
	const [, lang, area] = event.url.pathname.split('/');
	if (!isLocale(lang)) return;
	const roles = area === undefined ? undefined : AREA_ROLES[area];
	if (roles) requireRole(event, ...roles);
}
