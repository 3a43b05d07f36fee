import { describe, expect, it } from 'vitest';
import { emptyGuestProgress, type GuestProgress } from '../../src/lib/server/learning/guest-progress.ts';
import { guestProgress, type GuestProgressCookie } from '../../src/lib/server/learning/progress-store.ts';

/** A guest cookie kept in memory, the way one request sees its cookie. */
function memoryCookie(initial: GuestProgress = emptyGuestProgress()) {
	let stored: GuestProgress | null = structuredClone(initial);
	const cookie: GuestProgressCookie & { stored(): GuestProgress | null } = {
		read: () => structuredClone(stored ?? emptyGuestProgress()),
		write: (progress) => {
			stored = structuredClone(progress);
			return 'saved';
		},
		clear: () => (stored = null),
		stored: () => stored
	};
	return cookie;
}

describe('a guest progress store', () => {
	it('records starts, completions and best quiz scores in the cookie', async () => {
		const cookie = memoryCookie();
		const store = guestProgress(cookie);
		await store.start('basics/mouse');
		await store.recordAttempt('basics/mouse', 'q1', 50);
		await store.recordAttempt('basics/mouse', 'q1', 30);
		await store.recordAttempt('basics/keyboard', 'q2', 100);
		await store.complete('basics/mouse');
		expect(store.kind).toBe('guest');
		expect(await store.statuses()).toEqual(
			new Map([
				['basics/mouse', 'completed'],
				['basics/keyboard', 'started']
			])
		);
		expect(await store.bestScores('basics/mouse')).toEqual(new Map([['q1', 50]]));
		expect(cookie.stored()?.q).toEqual({ 'basics/mouse#q1': 50, 'basics/keyboard#q2': 100 });
	});

	it('knows the lesson touched last', async () => {
		const store = guestProgress(
			memoryCookie({
				l: { 'a/one': [1, 100], 'a/two': [0, 300], 'b/three': [0, 200] },
				q: {}
			})
		);
		expect(await store.lastActivity()).toEqual({ lessonKey: 'a/two', status: 'started' });
		expect(await guestProgress(memoryCookie()).lastActivity()).toBeNull();
	});
});
