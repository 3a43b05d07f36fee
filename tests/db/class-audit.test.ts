/**
 * What instructors change about a class goes into the audit log in the same step: who, which
 * class, what, when. Never a join code, a one-time password or a learner's name; a change
 * that is refused or changes nothing leaves no entry.
 */
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../src/lib/server/audit/list.ts';
import { requireTaughtClass } from '../../src/lib/server/classes/access.ts';
import { archiveClass, regenerateJoinCode, unarchiveClass } from '../../src/lib/server/classes/class-settings.ts';
import { addCoInstructor, removeCoInstructor } from '../../src/lib/server/classes/co-instructors.ts';
import { createLearnerAccounts } from '../../src/lib/server/classes/learner-accounts.ts';
import { resetLearnerPassword } from '../../src/lib/server/classes/learner-password-reset.ts';
import type { Db } from '../../src/lib/server/db/database.ts';
import { makeClass, makeCoInstructor, makeMember } from '../helpers/class-factories.ts';
import { engines, type TestDatabase } from '../helpers/databases.ts';
import { makeUser, uniqueUsername } from '../helpers/factories.ts';

async function auditOf(db: Db, subjectId: string) {
	const rows = await db.orm.select().from(db.t.auditLog).where(eq(db.t.auditLog.subjectId, subjectId));
	return rows
		.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
		.map((row) => ({
			actorId: row.actorId,
			action: row.action,
			subjectKind: row.subjectKind,
			details: row.details === null ? null : (JSON.parse(row.details) as unknown),
			createdAt: row.createdAt
		}));
}

const at = (minute: number) => new Date(Date.UTC(2026, 2, 3, 9, minute));

describe.each(engines)('class changes in the audit log on $name', (engine) => {
	let test: TestDatabase;
	beforeEach(async () => (test = await engine.open()));
	afterEach(async () => test.drop());

	it('records creating, archiving, opening again and a new join code, with who and when, and no code', async () => {
		const made = await makeClass(test.db, { now: at(0) });
		const owner = made.instructorId;
		await archiveClass(test.db, owner, made.id, at(1));
		// Archiving an archived class changes nothing, and records nothing.
		await archiveClass(test.db, owner, made.id, at(2));
		await unarchiveClass(test.db, owner, made.id, at(3));
		await unarchiveClass(test.db, owner, made.id, at(4));
		const newCode = await regenerateJoinCode(test.db, owner, made, at(5));

		const entries = await auditOf(test.db, made.id);
		expect(entries).toEqual([
			{ actorId: owner, action: 'class.create', subjectKind: 'class', details: null, createdAt: at(0) },
			{ actorId: owner, action: 'class.archive', subjectKind: 'class', details: null, createdAt: at(1) },
			{ actorId: owner, action: 'class.unarchive', subjectKind: 'class', details: null, createdAt: at(3) },
			{ actorId: owner, action: 'class.join_code_regenerate', subjectKind: 'class', details: null, createdAt: at(5) }
		]);
		const stored = JSON.stringify(
			await test.db.orm.select().from(test.db.t.auditLog).where(eq(test.db.t.auditLog.subjectId, made.id))
		);
		expect(stored).not.toContain(made.joinCode);
		expect(stored).not.toContain(newCode);
	});

	it('records adding and removing a co-instructor with the colleague’s id, and nothing for a refused change', async () => {
		const made = await makeClass(test.db);
		const owner = made.instructorId;
		const colleague = await makeUser(test.db, { role: 'instructor', username: uniqueUsername('Kollegin') });
		const other = await makeUser(test.db, { role: 'instructor' });
		await makeCoInstructor(test.db, made.id, other.id);
		const asOwner = await requireTaughtClass(test.db, owner, made.id);
		const asOther = await requireTaughtClass(test.db, other.id, made.id);

		expect(await addCoInstructor(test.db, owner, asOwner, 'nobody-here', at(1))).toMatchObject({ ok: false });
		expect(await addCoInstructor(test.db, owner, asOwner, colleague.username, at(2))).toMatchObject({ ok: true });
		expect(await addCoInstructor(test.db, other.id, asOther, colleague.username, at(3))).toMatchObject({
			error: 'classes.errors.alreadyInstructor'
		});
		expect(await removeCoInstructor(test.db, other.id, asOther, colleague.id, at(4))).toMatchObject({
			error: 'classes.errors.ownerOnly'
		});
		expect(await removeCoInstructor(test.db, owner, asOwner, owner, at(5))).toMatchObject({
			error: 'classes.errors.notCoInstructor'
		});
		expect(await removeCoInstructor(test.db, owner, asOwner, colleague.id, at(6))).toEqual({ ok: true, value: null });

		const changes = (await auditOf(test.db, made.id)).filter((entry) => entry.action !== 'class.create');
		expect(changes).toEqual([
			{
				actorId: owner,
				action: 'class.co_instructor_add',
				subjectKind: 'class',
				details: { userId: colleague.id },
				createdAt: at(2)
			},
			{
				actorId: owner,
				action: 'class.co_instructor_remove',
				subjectKind: 'class',
				details: { userId: colleague.id },
				createdAt: at(6)
			}
		]);
	});

	it('records how many learner accounts were made, without their names, usernames or passwords', async () => {
		const made = await makeClass(test.db);
		const created = await createLearnerAccounts(
			test.db,
			made.instructorId,
			{ classId: made.id, names: ['Ayşe Yılmaz', 'Иван Петров', 'محمد علي'], locale: 'tr' },
			at(7)
		);
		const [entry, ...more] = (await auditOf(test.db, made.id)).filter((e) => e.action !== 'class.create');
		expect(more).toEqual([]);
		expect(entry).toEqual({
			actorId: made.instructorId,
			action: 'class.learner_accounts_create',
			subjectKind: 'class',
			details: { count: 3 },
			createdAt: at(7)
		});
		const log = JSON.stringify(await test.db.orm.select().from(test.db.t.auditLog));
		for (const account of created) {
			expect(log).not.toContain(account.oneTimePassword);
			expect(log).not.toContain(account.username);
			expect(log).not.toContain(account.displayName);
		}
	});

	it('records a password reset as the learner’s, from which class, without the password; a refused reset leaves none', async () => {
		const made = await makeClass(test.db);
		const learner = await makeUser(test.db);
		const moderator = await makeUser(test.db, { role: 'moderator' });
		await makeMember(test.db, made.id, learner.id);
		await makeMember(test.db, made.id, moderator.id);

		const reset = await resetLearnerPassword(test.db, made.instructorId, made.id, learner.id, at(8));
		await expect(resetLearnerPassword(test.db, made.instructorId, made.id, moderator.id)).rejects.toMatchObject({
			status: 403
		});
		expect(await auditOf(test.db, learner.id)).toEqual([
			{
				actorId: made.instructorId,
				action: 'class.learner_password_reset',
				subjectKind: 'user',
				details: { classId: made.id },
				createdAt: at(8)
			}
		]);
		expect(await auditOf(test.db, moderator.id)).toEqual([]);
		expect(JSON.stringify(await test.db.orm.select().from(test.db.t.auditLog))).not.toContain(reset.oneTimePassword);
	});

	it('shows the entries on the admins’ audit page, filtered by action and by who did it', async () => {
		const made = await makeClass(test.db);
		const instructor = (
			await test.db.orm.select().from(test.db.t.users).where(eq(test.db.t.users.id, made.instructorId))
		)[0]!;
		await archiveClass(test.db, made.instructorId, made.id);
		const page = await listAudit(test.db, { action: 'class.archive', actor: instructor.username, page: 1 });
		expect(page.items).toEqual([
			expect.objectContaining({ actor: instructor.username, action: 'class.archive', subjectId: made.id })
		]);
		expect((await listAudit(test.db, { action: null, actor: instructor.username, page: 1 })).total).toBe(2);
	});
});
