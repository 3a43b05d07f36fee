/**
 * Progress of people without an account, kept in their own browser (a cookie, no expiry
 * date of ours) and moved into their account when they sign up or sign in.
 *
 * The cookie is `<payload>.<signature>`: base64url JSON and its HMAC-SHA-256 under a
 * server secret (`../security/server-secret.ts`), so a hand-made or edited cookie is
 * ignored (read as no progress, and replaced) instead of becoming a certificate.
 */
import { hmac } from '@oslojs/crypto/hmac';
import { SHA256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import type { Cookies } from '@sveltejs/kit';
import { and, eq, max } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { serverSecret } from '../security/server-secret.ts';

export const GUEST_PROGRESS_COOKIE = 'lotse_progress';
const TEN_YEARS = 60 * 60 * 24 * 365 * 10;
// Browsers keep cookies up to 4096 bytes; stay well below.
const MAX_COOKIE_LENGTH = 3800;

const lessonKey = z
	.string()
	.regex(/^[a-z0-9-]+\/[a-z0-9-]+$/)
	.max(80);
const quizKey = z
	.string()
	.regex(/^[a-z0-9-]+\/[a-z0-9-]+#[a-z0-9-]+$/)
	.max(120);

export const guestProgressSchema = z.object({
	v: z.literal(1),
	/** lesson key → [status: 0 started / 1 completed, unix seconds of last activity] */
	l: z.record(lessonKey, z.tuple([z.union([z.literal(0), z.literal(1)]), z.number().int().nonnegative()])),
	/** "course/lesson#quiz" → best score 0–100 */
	q: z.record(quizKey, z.number().int().min(0).max(100))
});
export type GuestProgress = z.output<typeof guestProgressSchema>;

export const emptyGuestProgress = (): GuestProgress => ({ v: 1, l: {}, q: {} });

/** The key guest progress cookies are signed with: the same in every process on this database. */
export function guestProgressKey(db: Db): Promise<Uint8Array> {
	return serverSecret(db, 'guest-progress-cookie');
}

const signature = (payload: string, key: Uint8Array) => hmac(SHA256, key, new TextEncoder().encode(payload));

export function encodeGuestProgress(progress: GuestProgress, key: Uint8Array): string {
	const payload = Buffer.from(JSON.stringify(progress)).toString('base64url');
	return `${payload}.${Buffer.from(signature(payload, key)).toString('base64url')}`;
}

/** The progress in a cookie value, or null when it is not one this server signed. */
export function decodeGuestProgress(value: string, key: Uint8Array): GuestProgress | null {
	const [payload, signed, ...rest] = value.split('.');
	if (!payload || !signed || rest.length) return null;
	if (!constantTimeEqual(Buffer.from(signed, 'base64url'), signature(payload, key))) return null;
	try {
		const parsed = guestProgressSchema.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
		return parsed.success ? parsed.data : null;
	} catch {
		return null;
	}
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

export function writeGuestProgress(cookies: Cookies, progress: GuestProgress, secure: boolean, key: Uint8Array): void {
	let value = encodeGuestProgress(progress, key);
	// If the cookie grows too big, forget the oldest lessons that were only started.
	while (value.length > MAX_COOKIE_LENGTH) {
		const oldest = Object.entries(progress.l)
			.sort((a, b) => a[1][1] - b[1][1])
			.find(([, [status]]) => status === 0);
		if (!oldest) break;
		delete progress.l[oldest[0]];
		value = encodeGuestProgress(progress, key);
	}
	cookies.set(GUEST_PROGRESS_COOKIE, value, { path: '/', maxAge: TEN_YEARS, httpOnly: true, sameSite: 'lax', secure });
}

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
 * account's best (so merging twice adds nothing and no score is lost).
 */
export async function mergeGuestProgress(
	db: Db,
	userId: string,
	guest: GuestProgress,
	isKnownLesson: (key: string) => boolean
) {
	const lessons = Object.entries(guest.l).filter(([key]) => isKnownLesson(key));
	const quizzes = Object.entries(guest.q).filter(([key]) => isKnownLesson(key.split('#')[0]!));
	if (!lessons.length && !quizzes.length) return { lessons: 0, attempts: 0 };
	return db.transaction(async (tx) => {
		const progress = tx.t.lessonProgress;
		for (const [key, [status, seconds]] of lessons) {
			const at = new Date(seconds * 1000);
			const completed = status === 1;
			await tx.orm
				.insert(progress)
				.values({
					userId,
					lessonKey: key,
					status: completed ? 'completed' : 'started',
					startedAt: at,
					completedAt: completed ? at : null,
					updatedAt: at
				})
				.onConflictDoNothing();
			if (completed) {
				await tx.orm
					.update(progress)
					.set({ status: 'completed', completedAt: at })
					.where(and(eq(progress.userId, userId), eq(progress.lessonKey, key), eq(progress.status, 'started')));
			}
		}
		let attempts = 0;
		const t = tx.t.quizAttempts;
		for (const [id, score] of quizzes) {
			const [lessonKey, quizId] = id.split('#') as [string, string];
			const [best] = await tx.orm
				.select({ best: max(t.score) })
				.from(t)
				.where(and(eq(t.userId, userId), eq(t.lessonKey, lessonKey), eq(t.quizId, quizId)));
			if (best?.best === null || best?.best === undefined || Number(best.best) < score) {
				await tx.orm.insert(t).values({ id: newId(), userId, lessonKey, quizId, score, createdAt: new Date() });
				attempts++;
			}
		}
		return { lessons: lessons.length, attempts };
	});
}
