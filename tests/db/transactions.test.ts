import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../src/lib/server/db/ids.ts';
import { engines, type TestDatabase } from '../helpers/databases.ts';
import { makeUser } from '../helpers/factories.ts';

describe.each(engines)('transactions on $name', (engine) => {
	let test: TestDatabase;
	beforeEach(async () => (test = await engine.open()));
	afterEach(async () => test.drop());

	const feedback = (message: string) => ({ id: newId(), message, locale: 'de', createdAt: new Date() });

	it('leaves nothing behind when the work fails halfway', async () => {
		const { db } = test;
		await expect(
			db.transaction(async (tx) => {
				await tx.orm.insert(tx.t.accessibilityFeedback).values(feedback('first write'));
				await tx.orm.insert(tx.t.accessibilityFeedback).values(feedback('second write'));
				throw new Error('failure halfway');
			})
		).rejects.toThrow('failure halfway');
		expect(await db.orm.select().from(db.t.accessibilityFeedback)).toHaveLength(0);
	});

	it('rolls back when a constraint fails in the middle', async () => {
		const { db } = test;
		const user = await makeUser(db);
		await expect(
			db.transaction(async (tx) => {
				await tx.orm.insert(tx.t.accessibilityFeedback).values(feedback('written before the failure'));
				// Same primary key twice: the database refuses the second row.
				const progress = {
					userId: user.id,
					lessonKey: 'a/b',
					status: 'started' as const,
					startedAt: new Date(),
					updatedAt: new Date()
				};
				await tx.orm.insert(tx.t.lessonProgress).values(progress);
				await tx.orm.insert(tx.t.lessonProgress).values(progress);
			})
		).rejects.toThrow();
		expect(await db.orm.select().from(db.t.accessibilityFeedback)).toHaveLength(0);
		expect(await db.orm.select().from(db.t.lessonProgress)).toHaveLength(0);
	});

	it('keeps everything when the work succeeds, including nested transactions', async () => {
		const { db } = test;
		await db.transaction(async (tx) => {
			await tx.orm.insert(tx.t.accessibilityFeedback).values(feedback('outer'));
			await tx.transaction(async (inner) => {
				await inner.orm.insert(inner.t.accessibilityFeedback).values(feedback('inner'));
			});
		});
		expect(await db.orm.select().from(db.t.accessibilityFeedback)).toHaveLength(2);
	});

	it('refuses the check constraint on roles', async () => {
		const { db } = test;
		await expect(
			db.orm.insert(db.t.users).values({
				id: newId(),
				username: 'x',
				usernameKey: 'x',
				passwordHash: 'h',
				role: 'superuser' as 'admin',
				locale: 'de',
				createdAt: new Date(),
				passwordChangedAt: new Date()
			})
		).rejects.toThrow();
	});

	if (engine.name === 'sqlite') {
		it('rolls back and says so when a SQLite transaction waits on something other than the database', async () => {
			const { db } = test;
			await expect(
				db.transaction(async (tx) => {
					await tx.orm.insert(tx.t.accessibilityFeedback).values(feedback('before the wait'));
					await new Promise((resolve) => setTimeout(resolve, 5));
				})
			).rejects.toThrow(/waited on something other than the database/);
			expect(await db.orm.select().from(db.t.accessibilityFeedback)).toHaveLength(0);
		});
	}
});
