import { isHttpError, isRedirect, type RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/lib/roles.ts';
import {
	isOwner,
	requireAreaAccess,
	requirePermission,
	requireRole,
	requireUser
} from '../../src/lib/server/auth/policy.ts';
import type { SessionUser } from '../../src/lib/server/auth/session.ts';

const person = (role: Role, id = 'u1'): SessionUser => ({
	id,
	username: 'mira',
	role,
	locale: 'de',
	displayName: null,
	mustChangePassword: false
});

const request = (path: string, user: SessionUser | null) =>
	({ url: new URL(`http://localhost${path}`), locals: { locale: 'tr', user } }) as unknown as Pick<
		RequestEvent,
		'url' | 'locals'
	>;

/** What a check threw: a redirect's target, an error's status and message, or nothing. */
function outcome(check: () => unknown) {
	try {
		check();
		return 'allowed';
	} catch (thrown) {
		if (isRedirect(thrown)) return { redirect: thrown.location, status: thrown.status };
		if (isHttpError(thrown)) return { status: thrown.status, message: thrown.body.message };
		throw thrown;
	}
}

describe('access checks throw, so no caller can forget to stop', () => {
	it('sends a guest to sign in, in their language, and back to the page afterwards', () => {
		expect(outcome(() => requireUser(request('/tr/account?tab=2', null)))).toEqual({
			status: 303,
			redirect: '/tr/signin?next=%2Ftr%2Faccount%3Ftab%3D2'
		});
		expect(requireUser(request('/tr/account', person('learner'))).id).toBe('u1');
	});

	it('answers 403 with a message key when the role is not among those allowed', () => {
		expect(outcome(() => requireRole(request('/tr/x', person('learner')), 'instructor', 'admin'))).toEqual({
			status: 403,
			message: 'errors.forbidden'
		});
		expect(outcome(() => requireRole(request('/tr/x', person('admin')), 'instructor', 'admin'))).toBe('allowed');
		expect(outcome(() => requireRole(request('/tr/x', null), 'admin'))).toMatchObject({ status: 303 });
	});

	it('lets no one in when no role is named (deny by default)', () => {
		for (const role of ROLES)
			expect(outcome(() => requireRole(request('/tr/x', person(role))))).toMatchObject({ status: 403 });
	});

	it('checks an object against its policy in the same shape', () => {
		const own = { userId: 'u1' };
		const other = { userId: 'u2' };
		expect(outcome(() => requirePermission(request('/tr/x', person('learner')), isOwner, own))).toBe('allowed');
		expect(outcome(() => requirePermission(request('/tr/x', person('admin')), isOwner, other))).toMatchObject({
			status: 403
		});
	});

	it('closes the areas that need a role to everyone else, and leaves the others open', () => {
		expect(outcome(() => requireAreaAccess(request('/tr/admin/users', person('moderator'))))).toMatchObject({
			status: 403
		});
		expect(outcome(() => requireAreaAccess(request('/tr/admin', null)))).toMatchObject({ status: 303 });
		expect(outcome(() => requireAreaAccess(request('/tr/admin/users', person('admin'))))).toBe('allowed');
		expect(outcome(() => requireAreaAccess(request('/tr/studio', person('learner'))))).toMatchObject({ status: 403 });
		expect(outcome(() => requireAreaAccess(request('/tr/learn/basics', null)))).toBe('allowed');
		expect(outcome(() => requireAreaAccess(request('/tr/administration', null)))).toBe('allowed');
		// Outside a language there are no areas: a lesson's image is for every reader of the lesson.
		expect(outcome(() => requireAreaAccess(request('/media/studio/abc', null)))).toBe('allowed');
	});
});
