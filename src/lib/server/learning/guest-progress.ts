/**
 * Progress of people without an account, kept in their own browser (a cookie, no expiry
 * date of ours) and moved into their account when they sign up or sign in.
 *
 * The cookie is `<payload>.<signature>`: the progress packed by guest-progress-format.ts
 * (base64url) and its HMAC-SHA-256 under a server secret (`../security/server-secret.ts`),
 * so a hand-made or edited cookie is ignored (read as no progress, and replaced) instead of
 * becoming a certificate.
 *
 * Nothing is ever dropped to make room: a change that would make the cookie bigger than a
 * browser keeps is not written, the cookie notes that, and the learning pages ask the
 * learner to create an account (guestProgressRoom); they already do so once it is 3/4 full.
 */
import { hmac } from '@oslojs/crypto/hmac';
import { SHA256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import type { Cookies } from '@sveltejs/kit';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { serverSecret } from '../security/server-secret.ts';
import {
	emptyGuestProgress,
	packGuestProgress,
	unpackGuestProgress,
	type GuestProgress
} from './guest-progress-format.ts';

export { emptyGuestProgress, type GuestProgress };

export const GUEST_PROGRESS_COOKIE = 'lotse_progress';
const TEN_YEARS = 60 * 60 * 24 * 365 * 10;
/**
 * Browsers keep a cookie whose name, value and attributes take at most 4,096 bytes. With the
 * name and the attributes written here (about 75 bytes) the value must stay below this.
 */
export const MAX_GUEST_COOKIE_VALUE = 3968;
const NEARLY_FULL = Math.floor(MAX_GUEST_COOKIE_VALUE * 0.75);
// base64url of a 32-byte HMAC, and the dot before it.
const SIGNATURE_LENGTH = 44;

/** The key guest progress cookies are signed with: the same in every process on this database. */
export function guestProgressKey(db: Db): Promise<Uint8Array> {
	return serverSecret(db, 'guest-progress-cookie');
}

const signature = (payload: string, key: Uint8Array) => hmac(SHA256, key, new TextEncoder().encode(payload));

export function encodeGuestProgress(progress: GuestProgress, key: Uint8Array): string {
	const payload = Buffer.from(packGuestProgress(progress)).toString('base64url');
	return `${payload}.${Buffer.from(signature(payload, key)).toString('base64url')}`;
}

/** The progress in a cookie value (either format), or null when it is not one this server signed. */
export function decodeGuestProgress(value: string, key: Uint8Array): GuestProgress | null {
	const [payload, signed, ...rest] = value.split('.');
	if (!payload || !signed || rest.length) return null;
	if (!constantTimeEqual(Buffer.from(signed, 'base64url'), signature(payload, key))) return null;
	return unpackGuestProgress(new Uint8Array(Buffer.from(payload, 'base64url')));
}

/** A guest's progress; an unsigned, tampered or broken cookie counts as none and is removed. */
export function readGuestProgress(cookies: Cookies, key: Uint8Array): GuestProgress {
	const raw = cookies.get(GUEST_PROGRESS_COOKIE);
	if (!raw) return emptyGuestProgress();
	const progress = decodeGuestProgress(raw, key);
	if (progress) return progress;
	cookies.delete(GUEST_PROGRESS_COOKIE, { path: '/' });
	return emptyGuestProgress();
}

/**
 * Writes `progress` into the cookie; when it would not fit, keeps what the cookie held and
 * marks it full instead (so the learner is told, see guestProgressRoom).
 */
export function writeGuestProgress(
	cookies: Cookies,
	progress: GuestProgress,
	secure: boolean,
	key: Uint8Array
): 'saved' | 'full' {
	let value = encodeGuestProgress(progress, key);
	let outcome: 'saved' | 'full' = 'saved';
	if (value.length > MAX_GUEST_COOKIE_VALUE) {
		const kept = readGuestProgress(cookies, key);
		kept.full = true;
		value = encodeGuestProgress(kept, key);
		outcome = 'full';
	}
	cookies.set(GUEST_PROGRESS_COOKIE, value, { path: '/', maxAge: TEN_YEARS, httpOnly: true, sameSite: 'lax', secure });
	return outcome;
}

/**
 * How much room the cookie has left, for the learning pages: "full" once a change could not
 * be kept, "nearly-full" from 3/4 of what a browser keeps.
 */
export type GuestProgressRoom = 'plenty' | 'nearly-full' | 'full';

export function guestProgressRoom(progress: GuestProgress): GuestProgressRoom {
	if (progress.full) return 'full';
	return cookieValueLength(progress) >= NEARLY_FULL ? 'nearly-full' : 'plenty';
}

/** The room a lesson page shows once opening it is noted (kept pages need it beforehand). */
export function guestProgressRoomAfterOpening(progress: GuestProgress, lessonKey: string): GuestProgressRoom {
	const opened = structuredClone(progress);
	guestStart(opened, lessonKey);
	return cookieValueLength(opened) > MAX_GUEST_COOKIE_VALUE ? 'full' : guestProgressRoom(opened);
}

/** The length of the cookie value `encodeGuestProgress` writes (base64url has no padding). */
const cookieValueLength = (progress: GuestProgress) =>
	Math.ceil((packGuestProgress(progress).length * 4) / 3) + SIGNATURE_LENGTH;

/** What the cookie's status number means. */
export function guestStatus([status]: GuestProgress['l'][string]): 'started' | 'completed' {
	return status === 1 ? 'completed' : 'started';
}

/** A guest's best score per quiz of one lesson, by quiz id. */
export function guestBestScores(progress: GuestProgress, lessonKey: string): Map<string, number> {
	const prefix = `${lessonKey}#`;
	return new Map(
		Object.entries(progress.q)
			.filter(([key]) => key.startsWith(prefix))
			.map(([key, score]) => [key.slice(prefix.length), score])
	);
}

export function guestStart(progress: GuestProgress, key: string, now = new Date()): void {
	const status = progress.l[key]?.[0] ?? 0;
	progress.l[key] = [status, Math.floor(now.getTime() / 1000)];
}

export function guestComplete(progress: GuestProgress, key: string, now = new Date()): void {
	progress.l[key] = [1, Math.floor(now.getTime() / 1000)];
}

export function guestQuizScore(progress: GuestProgress, key: string, quizId: string, score: number): void {
	const id = `${key}#${quizId}`;
	progress.q[id] = Math.max(progress.q[id] ?? 0, score);
}

/**
 * Moves a guest's progress into an account in one transaction: completed beats started,
 * the earlier start date stays, and a guest's quiz score is added only where it beats the
 * account's best (so merging twice adds nothing and no score is lost). A few statements
 * whatever the cookie holds: one upsert of all lessons, one read of the account's best
 * scores and one insert of the scores that beat them.
 */
export async function mergeGuestProgress(
	db: Db,
	userId: string,
	guest: GuestProgress,
	isKnownLesson: (key: string) => boolean
) {
	const lessons = Object.entries(guest.l).filter(([key]) => isKnownLesson(key));
	const quizzes = Object.entries(guest.q)
		.map(([id, score]) => [...(id.split('#') as [string, string]), score] as const)
		.filter(([lessonKey]) => isKnownLesson(lessonKey));
	if (!lessons.length && !quizzes.length) return { lessons: 0, attempts: 0 };
	return db.transaction(async (tx) => {
		const progress = tx.t.lessonProgress;
		if (lessons.length) {
			await tx.orm
				.insert(progress)
				.values(
					lessons.map(([lessonKey, [status, seconds]]) => {
						const at = new Date(seconds * 1000);
						const completed = status === 1;
						return {
							userId,
							lessonKey,
							status: completed ? ('completed' as const) : ('started' as const),
							startedAt: at,
							completedAt: completed ? at : null,
							updatedAt: at
						};
					})
				)
				.onConflictDoUpdate({
					target: [progress.userId, progress.lessonKey],
					// Only a completion changes a lesson the account has: started becomes completed.
					set: { status: sql`excluded.status`, completedAt: sql`excluded.completed_at` },
					setWhere: sql`${progress.status} = 'started' and excluded.status = 'completed'`
				});
		}
		if (!quizzes.length) return { lessons: lessons.length, attempts: 0 };
		const t = tx.t.quizAttempts;
		const best = await tx.orm
			.select({ lessonKey: t.lessonKey, quizId: t.quizId, best: sql<number>`max(${t.score})` })
			.from(t)
			.where(and(eq(t.userId, userId), inArray(t.lessonKey, [...new Set(quizzes.map(([lessonKey]) => lessonKey))])))
			.groupBy(t.lessonKey, t.quizId);
		const accountBest = new Map(best.map((row) => [`${row.lessonKey}#${row.quizId}`, Number(row.best)]));
		const createdAt = new Date();
		const better = quizzes
			.filter(([lessonKey, quizId, score]) => {
				const have = accountBest.get(`${lessonKey}#${quizId}`);
				return have === undefined || have < score;
			})
			.map(([lessonKey, quizId, score]) => ({ id: newId(), userId, lessonKey, quizId, score, createdAt }));
		if (better.length) await tx.orm.insert(t).values(better);
		return { lessons: lessons.length, attempts: better.length };
	});
}
