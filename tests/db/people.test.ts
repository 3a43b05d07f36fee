/**
 * People and roles in the admins' hands: finding accounts, changing roles, resetting
 * passwords, deleting accounts on request, and the requests to become an instructor. Every
 * change leaves its audit entry; a deleted account's username stays retired for 90 days.
 */
import { isHttpError } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authenticate, findUserById, registerUser } from '../../src/lib/server/auth/account.ts';
import {
	decideInstructorRequest,
	latestInstructorRequest,
	listOpenInstructorRequests,
	requestInstructorRole
} from '../../src/lib/server/auth/instructor-requests.ts';
import {
	changeRole,
	deleteAccountByAdmin,
	findPeople,
	PEOPLE_PAGE_SIZE,
	resetPasswordByAdmin
} from '../../src/lib/server/auth/people.ts';
import { requireAreaAccess } from '../../src/lib/server/auth/policy.ts';
import { createSession, validateSessionToken } from '../../src/lib/server/auth/session.ts';
import type { Db } from '../../src/lib/server/db/database.ts';
import { listNotifications } from '../../src/lib/server/notifications/list.ts';
import { exportPersonalData } from '../../src/lib/server/privacy/index.ts';
import { engines, type TestDatabase } from '../helpers/databases.ts';
import { makeAttempt, makeProgress, makeUser, STRONG_PASSWORD, uniqueUsername } from '../helpers/factories.ts';

const DAY = 24 * 60 * 60 * 1000;

async function auditOf(db: Db, subjectId: string) {
	return db.orm.select().from(db.t.auditLog).where(eq(db.t.auditLog.subjectId, subjectId));
}

describe.each(engines)('people and roles on $name', (engine) => {
	let test: TestDatabase;
	let admin: Awaited<ReturnType<typeof makeUser>>;
	beforeEach(async () => {
		test = await engine.open();
		admin = await makeUser(test.db, { role: 'admin', username: uniqueUsername('admin') });
	});
	afterEach(async () => test.drop());

	it('finds accounts by the start or any part of the username, a page at a time, without e-mail addresses', async () => {
		await makeUser(test.db, { username: 'ayse-k', email: 'ayse@example.org' });
		await makeUser(test.db, { username: 'Mehmet_Ayse' });
		await makeUser(test.db, { username: 'a%b' });
		const prefix = await findPeople(test.db, { search: 'AYSE', match: 'prefix', page: 1 });
		expect(prefix.items.map((p) => p.username)).toEqual(['ayse-k']);
		expect(prefix.items[0]).toMatchObject({ role: 'learner', hasEmail: true });
		expect(JSON.stringify(prefix)).not.toContain('example.org');
		const contains = await findPeople(test.db, { search: 'ayse', match: 'contains', page: 1 });
		expect(contains.items.map((p) => p.username)).toEqual(['ayse-k', 'Mehmet_Ayse']);
		expect(contains.items[1]!.hasEmail).toBe(false);
		// LIKE's wildcards are taken literally: "%" finds only the name that has one.
		expect((await findPeople(test.db, { search: '%', match: 'contains', page: 1 })).items).toHaveLength(1);
		expect((await findPeople(test.db, { search: '_', match: 'contains', page: 1 })).items).toHaveLength(1);

		for (let i = 0; i < PEOPLE_PAGE_SIZE; i++)
			await makeUser(test.db, { username: `page-${String(i).padStart(2, '0')}` });
		const first = await findPeople(test.db, { search: 'page-', match: 'prefix', page: 1 });
		const second = await findPeople(test.db, { search: '', match: 'prefix', page: 2 });
		expect(first).toMatchObject({ total: PEOPLE_PAGE_SIZE, pages: 1 });
		expect(second.total).toBe(PEOPLE_PAGE_SIZE + 4);
		expect(second.items).toHaveLength(4);
	});

	it('grants and removes the instructor and moderator roles, each change audited with from and to', async () => {
		const person = await makeUser(test.db);
		expect(await changeRole(test.db, admin.id, person.id, 'instructor')).toMatchObject({ ok: true });
		expect((await findUserById(test.db, person.id))?.role).toBe('instructor');
		expect(await changeRole(test.db, admin.id, person.id, 'moderator')).toMatchObject({ ok: true });
		expect(await changeRole(test.db, admin.id, person.id, 'learner')).toMatchObject({ ok: true });
		expect((await findUserById(test.db, person.id))?.role).toBe('learner');
		const entries = await auditOf(test.db, person.id);
		expect(entries.map((e) => [e.actorId, e.action, JSON.parse(e.details!)])).toEqual(
			expect.arrayContaining([
				[admin.id, 'account.role_change', { from: 'learner', to: 'instructor' }],
				[admin.id, 'account.role_change', { from: 'instructor', to: 'moderator' }],
				[admin.id, 'account.role_change', { from: 'moderator', to: 'learner' }]
			])
		);
		expect(entries).toHaveLength(3);
		// Setting the role a person already has changes nothing and records nothing.
		expect(await changeRole(test.db, admin.id, person.id, 'learner')).toMatchObject({
			error: 'people.errors.sameRole'
		});
		expect(await auditOf(test.db, person.id)).toHaveLength(3);
	});

	it('refuses to change, reset or delete the admin themselves or another admin', async () => {
		const other = await makeUser(test.db, { role: 'admin' });
		for (const target of [admin.id, other.id]) {
			const error = target === admin.id ? 'people.errors.self' : 'people.errors.admin';
			expect(await changeRole(test.db, admin.id, target, 'learner')).toMatchObject({ ok: false, error });
			expect(await resetPasswordByAdmin(test.db, admin.id, target)).toMatchObject({ ok: false, error });
			expect(await deleteAccountByAdmin(test.db, admin.id, target, 'asked')).toMatchObject({ ok: false, error });
			expect((await findUserById(test.db, target))?.role).toBe('admin');
			expect(await auditOf(test.db, target)).toEqual([]);
		}
		expect(await changeRole(test.db, admin.id, 'no-such-person', 'instructor')).toMatchObject({
			error: 'errors.notFound'
		});
	});

	it('resets a password to a one-time password that works once typed, and signs the person out everywhere', async () => {
		const person = await makeUser(test.db);
		const sessions = [await createSession(test.db, person.id), await createSession(test.db, person.id)];
		const result = await resetPasswordByAdmin(test.db, admin.id, person.id);
		if (!result.ok) throw new Error(result.error);
		for (const { token } of sessions) expect(await validateSessionToken(test.db, token)).toBeNull();
		const address = '203.0.113.9';
		expect((await authenticate(test.db, { username: person.username, password: STRONG_PASSWORD, address })).ok).toBe(
			false
		);
		const signedIn = await authenticate(test.db, {
			username: person.username,
			password: result.value.password,
			address
		});
		expect(signedIn).toMatchObject({ ok: true, value: { mustChangePassword: true } });
		expect((await auditOf(test.db, person.id)).map((e) => [e.actorId, e.action])).toEqual([
			[admin.id, 'account.password_reset']
		]);
	});

	it('deletes an account on request: the rows go, the audit keeps who, what, when and why, the name is retired for 90 days', async () => {
		const person = await makeUser(test.db, { username: 'Leyla-K' });
		await makeProgress(test.db, person.id, 'first-steps/keyboard');
		await makeAttempt(test.db, { userId: person.id, lessonKey: 'first-steps/keyboard', quizId: 'enter-key' });
		await requestInstructorRole(test.db, person.id, 'Ich unterrichte');
		// Erasure retires the name from the moment it runs.
		const now = new Date();
		expect(await deleteAccountByAdmin(test.db, admin.id, person.id, 'Per Brief am 28.2. gebeten', now)).toEqual({
			ok: true,
			value: null
		});
		expect(await findUserById(test.db, person.id)).toBeUndefined();
		const t = test.db.t;
		expect(await test.db.orm.select().from(t.lessonProgress).where(eq(t.lessonProgress.userId, person.id))).toEqual([]);
		expect(await test.db.orm.select().from(t.quizAttempts).where(eq(t.quizAttempts.userId, person.id))).toEqual([]);
		expect(
			await test.db.orm.select().from(t.instructorRequests).where(eq(t.instructorRequests.userId, person.id))
		).toEqual([]);
		const [entry, ...more] = await auditOf(test.db, person.id);
		expect(more).toEqual([]);
		expect(entry).toMatchObject({
			actorId: admin.id,
			action: 'account.delete',
			subjectKind: 'user',
			note: 'Per Brief am 28.2. gebeten',
			createdAt: now
		});
		// The entry keeps only the account's id: not its name.
		expect(JSON.stringify(entry)).not.toMatch(/leyla/i);

		const again = (at: Date) =>
			registerUser(test.db, { username: 'leyla-k', password: STRONG_PASSWORD, locale: 'de' }, at);
		expect(await again(new Date(now.getTime() + 89 * DAY))).toMatchObject({
			ok: false,
			error: 'errors.username.retired',
			field: 'username'
		});
		expect(await again(new Date(now.getTime() + 91 * DAY))).toMatchObject({ ok: true });
	});

	it('retires the username of an account the person deleted themselves too', async () => {
		const person = await makeUser(test.db, { username: 'selbst' });
		const { erasePerson } = await import('../../src/lib/server/privacy/index.ts');
		await erasePerson(test.db, person.id);
		expect(await registerUser(test.db, { username: 'SELBST', password: STRONG_PASSWORD, locale: 'de' })).toMatchObject({
			ok: false,
			error: 'errors.username.retired'
		});
	});

	it('takes a learner’s request to become an instructor, one open at a time, into the admins’ list', async () => {
		const learner = await makeUser(test.db);
		const asked = await requestInstructorRole(test.db, learner.id, 'Ich leite den Computerkurs im Stadtteilhaus');
		expect(asked.ok).toBe(true);
		expect(await requestInstructorRole(test.db, learner.id, 'Noch einmal')).toMatchObject({
			ok: false,
			error: 'instructorRequest.errors.alreadyOpen'
		});
		const moderator = await makeUser(test.db, { role: 'moderator' });
		expect(await requestInstructorRole(test.db, moderator.id, 'Bitte')).toMatchObject({
			error: 'instructorRequest.errors.notLearner'
		});
		expect(await listOpenInstructorRequests(test.db)).toEqual([
			expect.objectContaining({
				userId: learner.id,
				username: learner.username,
				note: expect.stringContaining('Stadtteilhaus')
			})
		]);
		// The person's own export shows the request (without the deciding admin).
		const data = (await exportPersonalData(test.db, learner.id)) as Record<string, unknown[]>;
		expect(data.instructorRequests).toEqual([expect.objectContaining({ status: 'open' })]);
	});

	it('grants a request (the learner becomes an instructor) or declines it, audited, and only once', async () => {
		const [granted, declined] = [await makeUser(test.db), await makeUser(test.db)];
		const first = await requestInstructorRole(test.db, granted.id, 'Kurs A');
		const second = await requestInstructorRole(test.db, declined.id, 'Kurs B');
		if (!first.ok || !second.ok) throw new Error('request refused');
		expect(await decideInstructorRequest(test.db, admin.id, first.value.id, 'granted')).toMatchObject({ ok: true });
		expect(await decideInstructorRequest(test.db, admin.id, second.value.id, 'declined')).toMatchObject({ ok: true });
		expect(await decideInstructorRequest(test.db, admin.id, first.value.id, 'declined')).toMatchObject({
			ok: false,
			error: 'instructorRequest.errors.notOpen'
		});
		expect((await findUserById(test.db, granted.id))?.role).toBe('instructor');
		expect((await findUserById(test.db, declined.id))?.role).toBe('learner');
		expect(await latestInstructorRequest(test.db, granted.id)).toMatchObject({ status: 'granted' });
		expect(await latestInstructorRequest(test.db, declined.id)).toMatchObject({ status: 'declined' });
		expect(await listOpenInstructorRequests(test.db)).toEqual([]);
		expect((await auditOf(test.db, granted.id)).map((e) => [e.actorId, e.action])).toEqual([
			[admin.id, 'instructor_request.grant']
		]);
		expect((await auditOf(test.db, declined.id)).map((e) => [e.actorId, e.action])).toEqual([
			[admin.id, 'instructor_request.decline']
		]);
		// A declined learner may ask again.
		expect((await requestInstructorRole(test.db, declined.id, 'Kurs B, zweiter Versuch')).ok).toBe(true);
	});

	it('tells the person in their notifications that their request was granted or declined, once', async () => {
		const [granted, declined] = [await makeUser(test.db), await makeUser(test.db)];
		const first = await requestInstructorRole(test.db, granted.id, 'Kurs A');
		const second = await requestInstructorRole(test.db, declined.id, 'Kurs B');
		if (!first.ok || !second.ok) throw new Error('request refused');
		expect((await listNotifications(test.db, granted.id, 'de')).items).toEqual([]);
		const decidedAt = new Date('2026-03-02T10:00:00Z');
		await decideInstructorRequest(test.db, admin.id, first.value.id, 'granted', decidedAt);
		await decideInstructorRequest(test.db, admin.id, second.value.id, 'declined', decidedAt);
		// A second decision is refused and tells nobody anything more.
		await decideInstructorRequest(test.db, admin.id, first.value.id, 'declined');
		const of = async (userId: string) =>
			(await listNotifications(test.db, userId, 'de')).items.map((n) => [n.kind, n.unread, n.createdAt]);
		expect(await of(granted.id)).toEqual([['instructor_request_granted', true, decidedAt]]);
		expect(await of(declined.id)).toEqual([['instructor_request_declined', true, decidedAt]]);
		expect(await of(admin.id)).toEqual([]);
	});

	it('grants a request and tells the person in one transaction: when the notification cannot be written, the role stays', async () => {
		const learner = await makeUser(test.db);
		const asked = await requestInstructorRole(test.db, learner.id, 'Kurs C');
		if (!asked.ok) throw new Error('request refused');
		const notifications = await import('../../src/lib/server/notifications/notify.ts');
		const spy = vi.spyOn(notifications, 'notify').mockRejectedValue(new Error('the notification could not be written'));
		try {
			await expect(decideInstructorRequest(test.db, admin.id, asked.value.id, 'granted')).rejects.toThrow(
				'the notification could not be written'
			);
		} finally {
			spy.mockRestore();
		}
		expect((await findUserById(test.db, learner.id))?.role).toBe('learner');
		expect(await latestInstructorRequest(test.db, learner.id)).toMatchObject({ status: 'open' });
		expect(await auditOf(test.db, learner.id)).toEqual([]);
	});

	it('keeps learners, instructors and moderators out of the admin area before any of its code runs', () => {
		const event = (role: string | null) =>
			({
				locals: { locale: 'de', user: role ? { id: 'x', username: 'x', role, locale: 'de', displayName: null } : null },
				url: new URL('http://localhost/de/admin/people/abc')
			}) as Parameters<typeof requireAreaAccess>[0];
		for (const role of ['learner', 'instructor', 'moderator']) {
			let thrown: unknown;
			try {
				requireAreaAccess(event(role));
			} catch (error) {
				thrown = error;
			}
			expect(isHttpError(thrown, 403), role).toBe(true);
		}
		expect(() => requireAreaAccess(event('admin'))).not.toThrow();
	});
});
