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

	const messages = async () =>
		(await test.db.orm.select().from(test.db.t.accessibilityFeedback)).map((row) => row.message).sort();

	it('never takes a concurrent, unrelated transaction with it when it fails', async () => {
		const { db } = test;
		const [failing, succeeding] = await Promise.allSettled([
			db.transaction(async (tx) => {
				await tx.orm.insert(tx.t.accessibilityFeedback).values(feedback('failing 1'));
				await tx.orm.insert(tx.t.accessibilityFeedback).values(feedback('failing 2'));
				throw new Error('the failing one');
			}),
			db.transaction(async (tx) => {
				await tx.orm.insert(tx.t.accessibilityFeedback).values(feedback('succeeding 1'));
				await tx.orm.insert(tx.t.accessibilityFeedback).values(feedback('succeeding 2'));
				return 'done';
			})
		]);
		expect(failing).toMatchObject({ status: 'rejected', reason: new Error('the failing one') });
		expect(succeeding).toEqual({ status: 'fulfilled', value: 'done' });
		expect(await messages()).toEqual(['succeeding 1', 'succeeding 2']);
	});

	it('rolls back a failing transaction completely even when a concurrent one commits first', async () => {
		const { db } = test;
		const results = await Promise.allSettled([
			db.transaction(async (tx) => {
				await tx.orm.insert(tx.t.accessibilityFeedback).values(feedback('quick'));
			}),
			db.transaction(async (tx) => {
				await tx.orm.insert(tx.t.accessibilityFeedback).values(feedback('slow 1'));
				await tx.orm.insert(tx.t.accessibilityFeedback).values(feedback('slow 2'));
				await tx.orm.insert(tx.t.accessibilityFeedback).values(feedback('slow 3'));
				throw new Error('the slow one fails');
			})
		]);
		expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
		expect(await messages()).toEqual(['quick']);
	});

	it('commits two concurrent successful transactions, each whole', async () => {
		const { db } = test;
		const write = (name: string) =>
			db.transaction(async (tx) => {
				for (const n of [1, 2, 3]) await tx.orm.insert(tx.t.accessibilityFeedback).values(feedback(`${name} ${n}`));
				return (await tx.orm.select().from(tx.t.accessibilityFeedback)).length;
			});
		const [a, b] = await Promise.all([write('a'), write('b')]);
		expect(await messages()).toEqual(['a 1', 'a 2', 'a 3', 'b 1', 'b 2', 'b 3']);
		if (engine.name === 'sqlite') {
			// One after the other: the second sees the first's rows, never a half-written state.
			expect([a, b]).toEqual([3, 6]);
		}
	});

	it('keeps a plain query issued next to a failing transaction out of it', async () => {
		const { db } = test;
		const [failing, plain] = await Promise.allSettled([
			db.transaction(async (tx) => {
				await tx.orm.insert(tx.t.accessibilityFeedback).values(feedback('in the transaction'));
				await tx.orm.insert(tx.t.accessibilityFeedback).values(feedback('also in the transaction'));
				throw new Error('rolled back');
			}),
			db.orm.insert(db.t.accessibilityFeedback).values(feedback('plain insert'))
		]);
		expect(failing.status).toBe('rejected');
		expect(plain.status).toBe('fulfilled');
		expect(await messages()).toEqual(['plain insert']);
	});

	it('joins nested calls on the tx handle: the inner writes go when the outer fails', async () => {
		const { db } = test;
		await expect(
			db.transaction(async (tx) => {
				await tx.transaction(async (inner) => {
					await inner.orm.insert(inner.t.accessibilityFeedback).values(feedback('inner'));
				});
				await tx.orm.insert(tx.t.accessibilityFeedback).values(feedback('outer'));
				throw new Error('outer fails after the inner one returned');
			})
		).rejects.toThrow('outer fails');
		expect(await messages()).toEqual([]);
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

		it('lets the next transaction in when one waits on a timer, instead of holding the connection', async () => {
			const { db } = test;
			const [waiting, next] = await Promise.allSettled([
				db.transaction(async (tx) => {
					await tx.orm.insert(tx.t.accessibilityFeedback).values(feedback('before the wait'));
					await new Promise((resolve) => setTimeout(resolve, 20));
					await tx.orm.insert(tx.t.accessibilityFeedback).values(feedback('after the wait'));
				}),
				db.transaction(async (tx) => {
					await tx.orm.insert(tx.t.accessibilityFeedback).values(feedback('queued behind it'));
				})
			]);
			expect(waiting).toMatchObject({
				status: 'rejected',
				reason: { message: expect.stringMatching(/waited on something other/) }
			});
			expect(next.status).toBe('fulfilled');
			expect(await messages()).toEqual(['queued behind it']);
		});

		it('fails loudly, instead of hanging or joining, when the work queries the outer db instead of tx', async () => {
			const { db } = test;
			await expect(
				db.transaction(async (tx) => {
					await tx.orm.insert(tx.t.accessibilityFeedback).values(feedback('through tx'));
					await db.orm.select().from(db.t.accessibilityFeedback);
				})
			).rejects.toThrow(/waited on something other than the database/);
			expect(await messages()).toEqual([]);
			await expect(
				db.transaction(async (tx) => {
					await tx.orm.insert(tx.t.accessibilityFeedback).values(feedback('through tx again'));
					await db.transaction(async () => {});
				})
			).rejects.toThrow(/waited on something other than the database/);
			expect(await messages()).toEqual([]);
		});

		it('runs many concurrent transactions in turn without tripping the probe', async () => {
			const { db } = test;
			const all = await Promise.all(
				Array.from({ length: 25 }, (_, i) =>
					db.transaction(async (tx) => {
						await tx.orm.insert(tx.t.accessibilityFeedback).values(feedback(`t${String(i).padStart(2, '0')}`));
						return (await tx.orm.select().from(tx.t.accessibilityFeedback)).length;
					})
				)
			);
			expect(all).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
		});
	}
});
