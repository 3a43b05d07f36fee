/**
 * Accounts for people without e-mail: an instructor pastes names and gets learner accounts
 * in the class with readable usernames and one-time passwords; the learner replaces the
 * password at first sign-in; the instructor can reset it, only for learners of their classes.
 */
import { count, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authenticate } from '../../src/lib/server/auth/account.ts';
import { replaceOneTimePassword } from '../../src/lib/server/auth/first-password.ts';
import { retireUsername } from '../../src/lib/server/auth/retired-usernames.ts';
import { validateSessionToken } from '../../src/lib/server/auth/session.ts';
import {
	createLearnerAccounts,
	MAX_NAMES,
	parseNames,
	type CreatedLearner
} from '../../src/lib/server/classes/learner-accounts.ts';
import { resetLearnerPassword } from '../../src/lib/server/classes/learner-password-reset.ts';
import { makeClass, makeMember } from '../helpers/class-factories.ts';
import { engines, type TestDatabase } from '../helpers/databases.ts';
import { makeSession, makeUser, STRONG_PASSWORD } from '../helpers/factories.ts';

const OWN_PASSWORD = 'Leuchtturm Krabbe Deich Sturm';

describe.each(engines)('learner accounts on $name', (engine) => {
	let test: TestDatabase;
	beforeEach(async () => (test = await engine.open()));
	afterEach(async () => test.drop());

	const userCount = async () => (await test.db.orm.select({ n: count() }).from(test.db.t.users))[0]!.n;
	const sessionsOf = async (userId: string) =>
		(await test.db.orm.select({ n: count() }).from(test.db.t.sessions).where(eq(test.db.t.sessions.userId, userId)))[0]!
			.n;
	const userRow = async (id: string) =>
		(await test.db.orm.select().from(test.db.t.users).where(eq(test.db.t.users.id, id)))[0]!;
	const membersOf = async (classId: string) =>
		(
			await test.db.orm
				.select({ userId: test.db.t.classMembers.userId })
				.from(test.db.t.classMembers)
				.where(eq(test.db.t.classMembers.classId, classId))
		).map((row) => row.userId);
	const create = (klass: { id: string; instructorId: string }, names: string[], locale = 'tr') =>
		createLearnerAccounts(test.db, klass.instructorId, { classId: klass.id, names, locale });

	describe('creating accounts from names', () => {
		it('makes readable ASCII usernames, learner accounts in the class, and one-time passwords only as hashes', async () => {
			const klass = await makeClass(test.db, { courseLocale: 'tr' });
			const created = await create(klass, ['Ayşe Yılmaz', 'Иван Петров', 'Łukasz Żółw', 'محمد علي']);

			expect(created.map((c) => c.displayName)).toEqual(['Ayşe Yılmaz', 'Иван Петров', 'Łukasz Żółw', 'محمد علي']);
			expect(created.map((c) => c.username).slice(0, 3)).toEqual(['ayse.yilmaz', 'ivan.petrov', 'lukasz.zolw']);
			// Arabic script: a readable pattern, not a transliteration.
			expect(created[3]!.username).toMatch(/^learner\.[a-hjkmnp-z2-9]{4}$/);
			expect(new Set(created.map((c) => c.oneTimePassword)).size).toBe(4);
			expect(await membersOf(klass.id)).toEqual(expect.arrayContaining(created.map((c) => c.userId)));

			for (const account of created) {
				expect(account.oneTimePassword).toMatch(/^[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}$/);
				const row = await userRow(account.userId);
				expect(row).toMatchObject({
					username: account.username,
					usernameKey: account.username,
					displayName: account.displayName,
					role: 'learner',
					email: null,
					locale: 'tr',
					mustChangePassword: true
				});
				expect(row.passwordHash).toMatch(/^\$argon2id\$/);
				expect(row.passwordHash).not.toContain(account.oneTimePassword);
			}
			const signIn = await authenticate(test.db, {
				username: created[0]!.username,
				password: created[0]!.oneTimePassword,
				address: '10.0.0.1'
			});
			expect(signIn.ok).toBe(true);
		});

		it('adds a number when the name is taken, retired or twice in the list', async () => {
			const klass = await makeClass(test.db);
			await makeUser(test.db, { username: 'ayse.yilmaz' });
			await retireUsername(test.db, 'ayse.yilmaz2');
			const created = await create(klass, ['Ayşe Yılmaz', 'Ayşe Yılmaz', 'AYSE YILMAZ']);
			expect(created.map((c) => c.username)).toEqual(['ayse.yilmaz3', 'ayse.yilmaz4', 'ayse.yilmaz5']);
		});

		it('gives two instructors creating "Ayşe Yılmaz" at the same moment two different usernames', async () => {
			const first = await makeClass(test.db);
			const second = await makeClass(test.db);
			const [a, b] = await Promise.all([
				create(first, ['Ayşe Yılmaz', 'Mehmet Demir']),
				create(second, ['Ayşe Yılmaz', 'Mehmet Demir'])
			]);
			const usernames = [...a!, ...b!].map((c: CreatedLearner) => c.username);
			expect(new Set(usernames).size).toBe(4);
			expect(usernames.sort()).toEqual(['ayse.yilmaz', 'ayse.yilmaz2', 'mehmet.demir', 'mehmet.demir2']);
			expect(await membersOf(first.id)).toHaveLength(2);
			expect(await membersOf(second.id)).toHaveLength(2);
		});

		it('writes nothing when any insert fails', async () => {
			const instructor = await makeUser(test.db, { role: 'instructor' });
			const before = await userCount();
			// No such class: the membership rows fail their foreign key after the users went in.
			await expect(
				create({ id: 'no-such-class', instructorId: instructor.id }, ['Ayşe Yılmaz', 'Mehmet Demir'])
			).rejects.toThrow();
			expect(await userCount()).toBe(before);
		});

		it(`refuses more than ${MAX_NAMES} names and writes nothing`, async () => {
			const klass = await makeClass(test.db);
			const names = Array.from({ length: MAX_NAMES + 1 }, (_, i) => `Person ${i + 1}`);
			expect(parseNames(names.join('\n'))).toEqual({
				ok: false,
				problem: { key: 'learners.errors.tooManyNames', params: { limit: MAX_NAMES, lines: MAX_NAMES + 1 } }
			});
			const before = await userCount();
			await expect(create(klass, names)).rejects.toThrow(RangeError);
			expect(await userCount()).toBe(before);
			expect(await membersOf(klass.id)).toEqual([]);
		});
	});

	describe('reading the pasted names', () => {
		it('trims each line, skips empty ones and accepts exactly the limit', () => {
			expect(parseNames('  Ayşe Yılmaz \r\n\n\t\nИван Петров\n')).toEqual({
				ok: true,
				names: ['Ayşe Yılmaz', 'Иван Петров']
			});
			const forty = Array.from({ length: MAX_NAMES }, (_, i) => `Person ${i}`).join('\n');
			expect(parseNames(forty)).toMatchObject({ ok: true, names: expect.any(Array) });
		});

		it('names the line of a name that is too long or carries a direction override', () => {
			expect(parseNames(`Ayşe\n\n${'x'.repeat(81)}`)).toEqual({
				ok: false,
				problem: { key: 'learners.errors.lineTooLong', params: { line: 3, max: 80 } }
			});
			expect(parseNames('Ayşe\nEvil\u202Eeman')).toEqual({
				ok: false,
				problem: { key: 'learners.errors.lineInvalid', params: { line: 2 } }
			});
			expect(parseNames('\n \n')).toEqual({ ok: false, problem: { key: 'learners.errors.noNames' } });
		});
	});

	describe('first sign-in', () => {
		it('marks the session so every page asks for a new password, then replaces it and signs out everywhere', async () => {
			const klass = await makeClass(test.db);
			const [account] = await create(klass, ['Ayşe Yılmaz']);
			const session = await makeSession(test.db, account!.userId);
			await makeSession(test.db, account!.userId);
			expect((await validateSessionToken(test.db, session.token))?.user.mustChangePassword).toBe(true);

			expect(await replaceOneTimePassword(test.db, account!.userId, 'short')).toMatchObject({
				ok: false,
				error: 'errors.password.tooShort',
				field: 'newPassword'
			});
			expect(await replaceOneTimePassword(test.db, account!.userId, account!.oneTimePassword)).toMatchObject({
				ok: false,
				error: 'errors.password.sameAsOneTime'
			});
			expect(await sessionsOf(account!.userId)).toBe(2);

			expect(await replaceOneTimePassword(test.db, account!.userId, OWN_PASSWORD)).toEqual({ ok: true, value: null });
			expect((await userRow(account!.userId)).mustChangePassword).toBe(false);
			expect(await sessionsOf(account!.userId)).toBe(0);
			const credentials = { username: account!.username, address: '10.0.0.2' };
			expect((await authenticate(test.db, { ...credentials, password: OWN_PASSWORD })).ok).toBe(true);
			expect((await authenticate(test.db, { ...credentials, password: account!.oneTimePassword })).ok).toBe(false);
			// Done once: the form is not a way around the current-password check afterwards.
			expect(await replaceOneTimePassword(test.db, account!.userId, 'Another Long Passphrase')).toMatchObject({
				ok: false,
				error: 'errors.password.noOneTimePassword'
			});
		});
	});

	describe('an instructor resetting a password', () => {
		it('gives the learner a new one-time password and signs them out everywhere', async () => {
			const klass = await makeClass(test.db);
			const learner = await makeUser(test.db);
			await makeMember(test.db, klass.id, learner.id);
			await makeSession(test.db, learner.id);
			await makeSession(test.db, learner.id);

			const reset = await resetLearnerPassword(test.db, klass.instructorId, klass.id, learner.id);
			expect(await sessionsOf(learner.id)).toBe(0);
			expect((await userRow(learner.id)).mustChangePassword).toBe(true);
			const credentials = { username: learner.username, address: '10.0.0.3' };
			expect((await authenticate(test.db, { ...credentials, password: STRONG_PASSWORD })).ok).toBe(false);
			expect((await authenticate(test.db, { ...credentials, password: reset.oneTimePassword })).ok).toBe(true);
		});

		it.each(['instructor', 'moderator', 'admin'] as const)('refuses (403) for a member who is %s', async (role) => {
			const klass = await makeClass(test.db);
			const person = await makeUser(test.db, { role });
			await makeMember(test.db, klass.id, person.id);
			const hashBefore = (await userRow(person.id)).passwordHash;
			await expect(resetLearnerPassword(test.db, klass.instructorId, klass.id, person.id)).rejects.toMatchObject({
				status: 403
			});
			expect((await userRow(person.id)).passwordHash).toBe(hashBefore);
		});

		it('refuses (404) for a learner of another class and for a class the instructor does not teach', async () => {
			const mine = await makeClass(test.db);
			const theirs = await makeClass(test.db);
			const stranger = await makeUser(test.db);
			await makeMember(test.db, theirs.id, stranger.id);
			await makeSession(test.db, stranger.id);

			await expect(resetLearnerPassword(test.db, mine.instructorId, mine.id, stranger.id)).rejects.toMatchObject({
				status: 404
			});
			await expect(resetLearnerPassword(test.db, mine.instructorId, theirs.id, stranger.id)).rejects.toMatchObject({
				status: 404
			});
			expect(await sessionsOf(stranger.id)).toBe(1);
			expect((await userRow(stranger.id)).mustChangePassword).toBe(false);
		});
	});
});
