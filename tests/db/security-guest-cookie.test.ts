/**
 * The guest progress cookie is signed with a secret every app process shares, so a
 * hand-made or edited cookie counts as no progress (and never as a 500).
 */
import type { Cookies } from '@sveltejs/kit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/db/database.ts';
import {
	decodeGuestProgress,
	emptyGuestProgress,
	encodeGuestProgress,
	guestComplete,
	guestProgressKey,
	guestQuizScore,
	readGuestProgress,
	writeGuestProgress
} from '../../src/lib/server/learning/guest-progress.ts';
import { serverSecret } from '../../src/lib/server/security/server-secret.ts';
import { engines, type TestDatabase } from '../helpers/databases.ts';

/** Just enough of SvelteKit's cookies for the guest progress functions. */
function fakeCookies(initial: string | undefined) {
	let value = initial;
	const cookies = {
		get: () => value,
		set: (_name: string, next: string) => void (value = next),
		delete: () => void (value = undefined)
	} as unknown as Cookies;
	return { cookies, current: () => value };
}

const someProgress = () => {
	const progress = emptyGuestProgress();
	guestComplete(progress, 'first-steps/the-device');
	guestQuizScore(progress, 'first-steps/the-device', 'what-is', 100);
	return progress;
};

describe.each(engines)('signed guest progress on $name', (engine) => {
	let test: TestDatabase;
	beforeEach(async () => (test = await engine.open()));
	afterEach(async () => test.drop());

	it('uses one secret for every process on the database, created on first use', async () => {
		const other = await openDatabase(test.url);
		try {
			const [a, b] = await Promise.all([serverSecret(test.db, 'test-secret'), serverSecret(other, 'test-secret')]);
			expect(a).toHaveLength(32);
			expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
			expect(await test.db.orm.select().from(test.db.t.serverSecrets)).toHaveLength(1);
			// A cookie signed by one process is read by the other.
			// (One progress value: a second one, made a clock second later, would carry another time.)
			const progress = someProgress();
			const value = encodeGuestProgress(progress, await guestProgressKey(test.db));
			expect(decodeGuestProgress(value, await guestProgressKey(other))).toEqual(progress);
		} finally {
			await other.close();
		}
	});

	it('reads back what it wrote', async () => {
		const key = await guestProgressKey(test.db);
		const jar = fakeCookies(undefined);
		const progress = someProgress();
		writeGuestProgress(jar.cookies, progress, false, key);
		expect(jar.current()).toMatch(/^[\w-]+\.[\w-]{43}$/);
		expect(readGuestProgress(jar.cookies, key)).toEqual(progress);
	});

	it.each([
		['an unsigned cookie (the old format, or hand-made)', (signed: string) => signed.split('.')[0]!],
		[
			'a cookie whose progress was edited',
			(signed: string) => {
				const [, signature] = signed.split('.');
				const forged = someProgress();
				guestComplete(forged, 'first-steps/keyboard');
				return `${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${signature}`;
			}
		],
		['a cookie with a made-up signature', (signed: string) => `${signed.split('.')[0]}.${'A'.repeat(43)}`],
		['a cookie with a short signature', (signed: string) => `${signed.split('.')[0]}.AAAA`],
		['a cookie with three parts', (signed: string) => `${signed}.x`],
		['garbage', () => '%%%not base64%%%'],
		['an empty signature', (signed: string) => `${signed.split('.')[0]}.`]
	])('ignores %s: no progress, and the cookie is removed', async (_name, tamper) => {
		const key = await guestProgressKey(test.db);
		const jar = fakeCookies(tamper(encodeGuestProgress(someProgress(), key)));
		expect(readGuestProgress(jar.cookies, key)).toEqual(emptyGuestProgress());
		expect(jar.current()).toBeUndefined();
	});

	it('rejects a cookie signed under another secret', async () => {
		const foreign = new Uint8Array(32).fill(7);
		const value = encodeGuestProgress(someProgress(), foreign);
		expect(decodeGuestProgress(value, await guestProgressKey(test.db))).toBeNull();
	});
});
