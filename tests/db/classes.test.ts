/**
 * Classes as instructors and learners use them: creating one, joining by code (and every way
 * a code is refused), leaving, teaching together, archiving, and what learners see of their
 * assignments.
 */
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requireChangeableClass, requireTaughtClass } from '../../src/lib/server/classes/access.ts';
import { addAssignment, removeAssignment, updateAssignment } from '../../src/lib/server/classes/assignments.ts';
import {
	archiveClass,
	regenerateJoinCode,
	unarchiveClass,
	updateClass
} from '../../src/lib/server/classes/class-settings.ts';
import { addCoInstructor, removeCoInstructor } from '../../src/lib/server/classes/co-instructors.ts';
import { createLearnerAccounts } from '../../src/lib/server/classes/learner-accounts.ts';
import { JOIN_TRIES_PER_ADDRESS, JOIN_TRIES_PER_PERSON } from '../../src/lib/server/classes/join-limit.ts';
import { findJoinableClass, joinClassByCode, leaveClass } from '../../src/lib/server/classes/joining.ts';
import { learnerAssignments } from '../../src/lib/server/classes/learner-assignments.ts';
import {
	listClassInstructors,
	listClassLearners,
	listJoinedClasses,
	listTaughtClasses
} from '../../src/lib/server/classes/listing.ts';
import { classesPrivacy } from '../../src/lib/server/classes/privacy.ts';
import { listAssignments } from '../../src/lib/server/classes/assigned-lessons.ts';
import { getCatalogue } from '../../src/lib/server/learning/catalogue.ts';
import { engines, type TestDatabase } from '../helpers/databases.ts';
import { makeAssignment, makeClass, makeCoInstructor, makeMember } from '../helpers/class-factories.ts';
import { makeProgress, makeUser, uniqueUsername } from '../helpers/factories.ts';

const DAY = 24 * 60 * 60 * 1000;

/** The HTTP status a throwing check gave (SvelteKit's error() throws { status }). */
async function statusOf(work: Promise<unknown>): Promise<number | 'passed'> {
	try {
		await work;
		return 'passed';
	} catch (failure) {
		return (failure as { status: number }).status;
	}
}

describe.each(engines)('classes on $name', (engine) => {
	let test: TestDatabase;
	beforeEach(async () => (test = await engine.open()));
	afterEach(async () => test.drop());

	it('creates a class with a readable join code, taught by its creator alone', async () => {
		const made = await makeClass(test.db, { name: 'Dienstagskurs' });
		expect(made.joinCode).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/);
		const taught = await listTaughtClasses(test.db, made.instructorId);
		expect(taught).toEqual([expect.objectContaining({ role: 'owner', learners: 0 })]);
		expect(taught[0]!.class.name).toBe('Dienstagskurs');
		const other = await makeUser(test.db, { role: 'instructor' });
		expect(await listTaughtClasses(test.db, other.id)).toEqual([]);
		expect(await statusOf(requireTaughtClass(test.db, other.id, made.id))).toBe(404);
	});

	it('lets a learner join by code however they type it, and joining twice changes nothing', async () => {
		const made = await makeClass(test.db);
		const learner = await makeUser(test.db);
		const typed = `${made.joinCode.slice(0, 3).toLowerCase()} - ${made.joinCode.slice(3)}`;
		const first = await joinClassByCode(test.db, learner.id, typed);
		expect(first).toEqual({ ok: true, value: { classId: made.id, name: made.name, isNew: true } });
		const second = await joinClassByCode(test.db, learner.id, made.joinCode);
		expect(second).toEqual({ ok: true, value: { classId: made.id, name: made.name, isNew: false } });
		expect((await listClassLearners(test.db, made.id)).map((row) => row.userId)).toEqual([learner.id]);
		expect((await listJoinedClasses(test.db, learner.id)).map((row) => row.id)).toEqual([made.id]);
		expect((await listTaughtClasses(test.db, made.instructorId))[0]!.learners).toBe(1);
	});

	it('refuses wrong, archived and replaced codes, each with its own message', async () => {
		const learner = await makeUser(test.db);
		expect(await joinClassByCode(test.db, learner.id, 'ZZZZZZ')).toMatchObject({
			ok: false,
			error: 'classes.errors.codeUnknown'
		});

		const archived = await makeClass(test.db);
		await archiveClass(test.db, archived.instructorId, archived.id);
		expect(await joinClassByCode(test.db, learner.id, archived.joinCode)).toMatchObject({
			ok: false,
			error: 'classes.errors.codeArchived'
		});

		const renewed = await makeClass(test.db);
		const newCode = await regenerateJoinCode(test.db, renewed.instructorId, renewed);
		expect(newCode).not.toBe(renewed.joinCode);
		expect(await joinClassByCode(test.db, learner.id, renewed.joinCode)).toMatchObject({
			ok: false,
			error: 'classes.errors.codeReplaced'
		});
		expect(await joinClassByCode(test.db, learner.id, newCode)).toMatchObject({ ok: true });
		expect((await listJoinedClasses(test.db, learner.id)).map((row) => row.id)).toEqual([renewed.id]);
	});

	it('limits how often a signed-in person tries codes: wrong codes count, and past the limit the right one is refused too', async () => {
		const made = await makeClass(test.db);
		const learner = await makeUser(test.db);
		const start = new Date('2026-03-04T10:00:00Z');
		const after = (ms: number) => new Date(start.getTime() + ms);
		for (let i = 0; i < JOIN_TRIES_PER_PERSON.limit; i++) {
			expect(await joinClassByCode(test.db, learner.id, `WRONG${i}`, after(i * 1000))).toMatchObject({
				error: 'classes.errors.codeUnknown'
			});
		}
		expect(await joinClassByCode(test.db, learner.id, made.joinCode, after(60_000))).toEqual({
			ok: false,
			field: 'code',
			error: 'classes.errors.tooManyTries',
			until: after(JOIN_TRIES_PER_PERSON.windowMs)
		});
		expect(await listJoinedClasses(test.db, learner.id)).toEqual([]);
		// The limit is the person's: someone else joins at once; the person again once the window is over.
		const other = await makeUser(test.db);
		expect(await joinClassByCode(test.db, other.id, made.joinCode, after(60_000))).toMatchObject({ ok: true });
		expect(
			await joinClassByCode(test.db, learner.id, made.joinCode, after(JOIN_TRIES_PER_PERSON.windowMs))
		).toMatchObject({ ok: true, value: { classId: made.id } });
	});

	it('limits how often an address without an account tries codes, whatever they are', async () => {
		const made = await makeClass(test.db);
		const now = new Date('2026-03-04T10:00:00Z');
		const guest = { address: '203.0.113.20' };
		for (let i = 0; i < JOIN_TRIES_PER_ADDRESS.limit - 1; i++) {
			expect((await findJoinableClass(test.db, 'ZZZZZZ', guest, now)).ok).toBe(false);
		}
		expect(await findJoinableClass(test.db, made.joinCode, guest, now)).toMatchObject({ ok: true });
		expect(await findJoinableClass(test.db, made.joinCode, guest, now)).toMatchObject({
			ok: false,
			error: 'classes.errors.tooManyTries',
			until: new Date(now.getTime() + JOIN_TRIES_PER_ADDRESS.windowMs)
		});
		expect(await findJoinableClass(test.db, made.joinCode, { address: '203.0.113.21' }, now)).toMatchObject({
			ok: true
		});
	});

	it('lists a class’s learners by the name they are shown with, with their role and whether they still await their first sign-in', async () => {
		const made = await makeClass(test.db);
		const shownAs = async (userId: string, displayName: string) =>
			test.db.orm.update(test.db.t.users).set({ displayName }).where(eq(test.db.t.users.id, userId));
		const zeynep = await makeUser(test.db, { username: 'zeynep' });
		await shownAs(zeynep.id, 'Ayşe Kaya');
		const bora = await makeUser(test.db, { username: 'Bora' });
		const moderator = await makeUser(test.db, { username: 'mod-m', role: 'moderator' });
		await shownAs(moderator.id, 'Mehmet');
		const [fresh] = await createLearnerAccounts(test.db, made.instructorId, {
			classId: made.id,
			names: ['Canan Demir'],
			locale: 'tr'
		});
		for (const person of [zeynep, bora, moderator]) await makeMember(test.db, made.id, person.id);
		const listed = await listClassLearners(test.db, made.id);
		expect(listed.map((row) => [row.displayName ?? row.username, row.role, row.waitingForFirstSignIn])).toEqual([
			['Ayşe Kaya', 'learner', false],
			['Bora', 'learner', false],
			['Canan Demir', 'learner', true],
			['Mehmet', 'moderator', false]
		]);
		expect(listed[2]).toMatchObject({ userId: fresh!.userId, username: fresh!.username, joinedAt: expect.any(Date) });
	});

	it('does not let instructors of a class join it as learners', async () => {
		const made = await makeClass(test.db);
		const co = await makeUser(test.db, { role: 'instructor' });
		await makeCoInstructor(test.db, made.id, co.id);
		for (const userId of [made.instructorId, co.id]) {
			expect(await joinClassByCode(test.db, userId, made.joinCode)).toMatchObject({
				ok: false,
				error: 'classes.errors.ownClass'
			});
		}
		expect(await listClassLearners(test.db, made.id)).toEqual([]);
	});

	it('lets a learner leave one class and stay in another', async () => {
		const [a, b] = [await makeClass(test.db), await makeClass(test.db)];
		const learner = await makeUser(test.db);
		await makeMember(test.db, a.id, learner.id);
		await makeMember(test.db, b.id, learner.id);
		expect(await leaveClass(test.db, learner.id, a.id)).toBe(true);
		expect(await leaveClass(test.db, learner.id, a.id)).toBe(false);
		expect((await listJoinedClasses(test.db, learner.id)).map((row) => row.id)).toEqual([b.id]);
	});

	it('adds co-instructors by username only when they may teach', async () => {
		const made = await makeClass(test.db);
		const owner = await requireTaughtClass(test.db, made.instructorId, made.id);
		const colleague = await makeUser(test.db, { role: 'instructor', username: uniqueUsername('Kollegin') });
		const learner = await makeUser(test.db);
		const admin = await makeUser(test.db, { role: 'admin' });

		expect(await addCoInstructor(test.db, made.instructorId, owner, 'nobody-here')).toMatchObject({
			error: 'classes.errors.unknownUser'
		});
		expect(await addCoInstructor(test.db, made.instructorId, owner, learner.username)).toMatchObject({
			error: 'classes.errors.notInstructor'
		});
		expect(await addCoInstructor(test.db, made.instructorId, owner, colleague.username.toUpperCase())).toMatchObject({
			ok: true
		});
		expect(await addCoInstructor(test.db, made.instructorId, owner, colleague.username)).toMatchObject({
			error: 'classes.errors.alreadyInstructor'
		});
		expect(await addCoInstructor(test.db, made.instructorId, owner, admin.username)).toMatchObject({ ok: true });
		expect((await listClassInstructors(test.db, made.id)).map((row) => [row.userId, row.role])).toEqual([
			[made.instructorId, 'owner'],
			[colleague.id, 'co'],
			[admin.id, 'co']
		]);
		// The colleague now sees the class as theirs.
		expect((await requireTaughtClass(test.db, colleague.id, made.id)).role).toBe('co');
	});

	it('lets co-instructors manage assignments, and only the owner remove co-instructors', async () => {
		const made = await makeClass(test.db);
		const [co, other] = [
			await makeUser(test.db, { role: 'instructor' }),
			await makeUser(test.db, { role: 'instructor' })
		];
		await makeCoInstructor(test.db, made.id, co.id);
		await makeCoInstructor(test.db, made.id, other.id);
		const asCo = await requireChangeableClass(test.db, co.id, made.id);
		const added = await addAssignment(test.db, asCo.class.id, co.id, {
			target: 'first-steps',
			dueAt: null,
			note: 'Bis Dienstag'
		});
		expect(added).toMatchObject({ ok: true, value: { kind: 'course', assignedByUserId: co.id } });
		const id = added.ok ? added.value.id : '';
		expect(await updateAssignment(test.db, made.id, id, { dueAt: new Date(Date.now() + DAY), note: null })).toBe(true);
		expect(await removeAssignment(test.db, made.id, id)).toBe(true);

		expect(await removeCoInstructor(test.db, co.id, asCo, other.id)).toEqual({
			ok: false,
			error: 'classes.errors.ownerOnly'
		});
		const asOwner = await requireChangeableClass(test.db, made.instructorId, made.id);
		expect(await removeCoInstructor(test.db, made.instructorId, asOwner, made.instructorId)).toEqual({
			ok: false,
			error: 'classes.errors.notCoInstructor'
		});
		expect(await removeCoInstructor(test.db, made.instructorId, asOwner, other.id)).toEqual({ ok: true, value: null });
		expect(await statusOf(requireTaughtClass(test.db, other.id, made.id))).toBe(404);
		expect((await listClassInstructors(test.db, made.id)).map((row) => row.userId)).toEqual([made.instructorId, co.id]);
	});

	it('refuses unknown and duplicate assignment targets, and changes only its own class’s assignments', async () => {
		const [a, b] = [await makeClass(test.db), await makeClass(test.db)];
		const input = { dueAt: null, note: null };
		expect(await addAssignment(test.db, a.id, a.instructorId, { target: 'no-such-course', ...input })).toMatchObject({
			error: 'classes.errors.unknownTarget'
		});
		expect(await addAssignment(test.db, a.id, a.instructorId, { target: 'first-steps/nope', ...input })).toMatchObject({
			error: 'classes.errors.unknownTarget'
		});
		const lesson = await addAssignment(test.db, a.id, a.instructorId, { target: 'first-steps/keyboard', ...input });
		expect(lesson).toMatchObject({ ok: true, value: { kind: 'lesson' } });
		expect(
			await addAssignment(test.db, a.id, a.instructorId, { target: 'first-steps/keyboard', ...input })
		).toMatchObject({ error: 'classes.errors.alreadyAssigned' });
		const id = lesson.ok ? lesson.value.id : '';
		expect(await updateAssignment(test.db, b.id, id, input)).toBe(false);
		expect(await removeAssignment(test.db, b.id, id)).toBe(false);
	});

	it('makes an archived class read-only until it is opened again', async () => {
		const made = await makeClass(test.db, { name: 'Alt' });
		await archiveClass(test.db, made.instructorId, made.id);
		expect(await statusOf(requireChangeableClass(test.db, made.instructorId, made.id))).toBe(409);
		// Still visible to its instructor (its reports stay).
		expect((await requireTaughtClass(test.db, made.instructorId, made.id)).class.archivedAt).not.toBeNull();
		expect(await updateClass(test.db, made.id, { name: 'Neu', schedule: null, courseLocale: null })).toBe(false);
		await unarchiveClass(test.db, made.instructorId, made.id);
		expect(await statusOf(requireChangeableClass(test.db, made.instructorId, made.id))).toBe('passed');
		expect(await updateClass(test.db, made.id, { name: 'Neu', schedule: 'Di 10–12', courseLocale: 'ar' })).toBe(true);
		const [row] = await listTaughtClasses(test.db, made.instructorId);
		expect(row!.class).toMatchObject({ name: 'Neu', schedule: 'Di 10–12', courseLocale: 'ar', archivedAt: null });
	});

	it('gives each assignment its status, a course done only when all its lessons are', async () => {
		const now = new Date('2026-06-10T12:00:00Z');
		const made = await makeClass(test.db, { name: 'Mittwoch' });
		const learner = await makeUser(test.db);
		await makeMember(test.db, made.id, learner.id);
		const course = getCatalogue().course('first-steps')!;
		const at = (days: number) => new Date(now.getTime() + days * DAY);
		const courseAssignment = await makeAssignment(test.db, made.id, 'first-steps', { now: at(-5) });
		const overdue = await makeAssignment(test.db, made.id, 'safe-online/strong-passwords', {
			dueAt: at(-1),
			note: 'Bitte üben',
			now: at(-4)
		});
		const started = await makeAssignment(test.db, made.id, 'safe-online/recognising-phishing', {
			dueAt: at(3),
			now: at(-3)
		});
		const doneLate = await makeAssignment(test.db, made.id, 'safe-online/password-managers', {
			dueAt: at(-2),
			now: at(-3)
		});
		const soon = await makeAssignment(test.db, made.id, 'safe-online/online-id', { dueAt: at(1), now: at(-2) });
		const newest = await makeAssignment(test.db, made.id, 'safe-online/getting-help', { now: at(-1) });

		// All but the last lesson of the course: started, not done.
		for (const lesson of course.lessons.slice(0, -1)) await makeProgress(test.db, learner.id, lesson.key, 'completed');
		await makeProgress(test.db, learner.id, 'safe-online/recognising-phishing', 'started');
		await makeProgress(test.db, learner.id, 'safe-online/password-managers', 'completed');

		let list = await learnerAssignments(test.db, learner.id, 'de', now);
		expect(list.map((item) => [item.id, item.status])).toEqual([
			[overdue.id, 'overdue'],
			[soon.id, 'notStarted'],
			[started.id, 'started'],
			[newest.id, 'notStarted'],
			[courseAssignment.id, 'started'],
			[doneLate.id, 'done']
		]);
		const overdueItem = list[0]!;
		expect(overdueItem).toMatchObject({
			className: 'Mittwoch',
			note: 'Bitte üben',
			kind: 'lesson',
			path: '/learn/safe-online/strong-passwords'
		});
		const courseItem = list.find((item) => item.id === courseAssignment.id)!;
		const last = course.lessons.at(-1)!;
		expect(courseItem).toMatchObject({ done: course.lessons.length - 1, total: course.lessons.length });
		expect(courseItem.path).toBe(`/learn/first-steps/${last.id}`);

		await makeProgress(test.db, learner.id, last.key, 'completed');
		list = await learnerAssignments(test.db, learner.id, 'de', now);
		expect(list.find((item) => item.id === courseAssignment.id)?.status).toBe('done');

		// Another learner sees nothing of this class; an archived class's work is no longer listed.
		const outsider = await makeUser(test.db);
		expect(await learnerAssignments(test.db, outsider.id, 'de', now)).toEqual([]);
		await archiveClass(test.db, made.instructorId, made.id);
		expect(await learnerAssignments(test.db, learner.id, 'de', now)).toEqual([]);
	});

	it('on deleting an account, takes the person out of classes and hands an owned class to its co-instructor', async () => {
		const made = await makeClass(test.db);
		const [co, later] = [
			await makeUser(test.db, { role: 'instructor' }),
			await makeUser(test.db, { role: 'instructor' })
		];
		await makeCoInstructor(test.db, made.id, co.id, new Date(Date.now() - DAY));
		await makeCoInstructor(test.db, made.id, later.id);
		const added = await addAssignment(test.db, made.id, made.instructorId, {
			target: 'first-steps',
			dueAt: null,
			note: null
		});
		expect(added.ok).toBe(true);
		const other = await makeClass(test.db);
		await makeMember(test.db, other.id, made.instructorId);

		const exported = await classesPrivacy.export(test.db, made.instructorId);
		expect(exported).toMatchObject({
			classMembers: [expect.objectContaining({ classId: other.id })],
			classInstructors: [expect.objectContaining({ classId: made.id, role: 'owner' })],
			assignments: [expect.objectContaining({ target: 'first-steps' })]
		});

		await test.db.transaction((tx) => classesPrivacy.erase(tx, made.instructorId));
		expect((await listClassInstructors(test.db, made.id)).map((row) => [row.userId, row.role])).toEqual([
			[co.id, 'owner'],
			[later.id, 'co']
		]);
		expect((await listAssignments(test.db, made.id)).map((row) => row.assignedByUserId)).toEqual([null]);
		expect(await listClassLearners(test.db, other.id)).toEqual([]);
	});
});
