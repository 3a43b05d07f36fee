/** The account store and the guest store answer the same questions the same way. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyGuestProgress, type GuestProgress } from '../../src/lib/server/learning/guest-progress.ts';
import { accountProgress, guestProgress, type ProgressStore } from '../../src/lib/server/learning/progress-store.ts';
import { engines, type TestDatabase } from '../helpers/databases.ts';
import { makeUser } from '../helpers/factories.ts';

function memoryGuest(): ProgressStore {
	let stored: GuestProgress = emptyGuestProgress();
	return guestProgress({
		read: () => structuredClone(stored),
		write: (progress) => {
			stored = structuredClone(progress);
			return 'saved';
		},
		clear: () => (stored = emptyGuestProgress())
	});
}

/** The same learning, told to a store; what it then answers. */
async function learn(store: ProgressStore) {
	await store.start('first-steps/the-device');
	await store.recordAttempt('first-steps/the-device', 'q1', 40);
	await store.recordAttempt('first-steps/the-device', 'q1', 80);
	await store.complete('first-steps/the-device');
	await new Promise((resolve) => setTimeout(resolve, 1100)); // the guest cookie counts seconds
	await store.recordAttempt('first-steps/keyboard', 'q2', 100);
	return {
		statuses: await store.statuses(),
		best: await store.bestScores('first-steps/the-device'),
		last: await store.lastActivity()
	};
}

describe.each(engines)('progress stores on $name', (engine) => {
	let test: TestDatabase;
	beforeEach(async () => (test = await engine.open()));
	afterEach(async () => test.drop());

	it('an account and a guest get the same answers for the same learning', async () => {
		const user = await makeUser(test.db);
		const account = await learn(accountProgress(test.db, user.id));
		const guest = await learn(memoryGuest());
		expect(account).toEqual(guest);
		expect(account.statuses).toEqual(
			new Map([
				['first-steps/the-device', 'completed'],
				['first-steps/keyboard', 'started']
			])
		);
		expect(account.best).toEqual(new Map([['q1', 80]]));
		expect(account.last).toMatchObject({ lessonKey: 'first-steps/keyboard', status: 'started' });
	});
});
