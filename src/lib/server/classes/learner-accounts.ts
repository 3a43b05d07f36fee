/**
 * Accounts for people without e-mail: an instructor pastes a list of names and gets, for
 * each, a learner account in the class with a readable username and a one-time password
 * that is shown once (on a login card) and must be replaced at first sign-in.
 *
 * The passwords are hashed before anything is written, a few at a time: argon2id runs off
 * the main thread, and a small pool keeps the other requests of a 2-core machine served
 * while 30 hashes are made. Then every account goes in with one transaction, so a failure
 * leaves nothing half-written. Two instructors creating "Ayşe Yılmaz" at the same moment
 * both pick "ayse.yilmaz"; the unique index refuses the second, which picks again. The
 * audit entry, in the same transaction, says who created how many accounts in which class
 * (no names, no passwords).
 */
import { inArray, like, or } from 'drizzle-orm';
import { z } from 'zod';
import { newOneTimePassword } from '../auth/one-time-password.ts';
import { hashPassword } from '../auth/password.ts';
import { isUsernameRetired } from '../auth/retired-usernames.ts';
import type { Db } from '../db/database.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { newId } from '../db/ids.ts';
import { plainText } from '../validation/text.ts';
import { auditClassChange } from './class-audit.ts';
import { firstFreeUsername, usernameBase } from './learner-usernames.ts';

export const MAX_NAMES = 40;
export const NAME_MAX_LENGTH = 80;
// Each hash takes 19 MiB and one core for a few dozen milliseconds: two at a time keep a
// core free for other requests on a 2-core machine.
const HASHING_POOL = 2;
// Each retry follows a commit by somebody else; a handful covers any real classroom.
const USERNAME_TRIES = 5;

const nameSchema = plainText({ max: NAME_MAX_LENGTH });

export type NamesProblem =
	| { key: 'learners.errors.noNames' }
	| { key: 'learners.errors.tooManyNames'; params: { limit: number; lines: number } }
	| { key: 'learners.errors.lineTooLong'; params: { line: number; max: number } }
	| { key: 'learners.errors.lineInvalid'; params: { line: number } };

/**
 * The names in pasted text: one per line, trimmed, empty lines left out, each plain text
 * (no control or direction-override characters); or the first problem, with its line.
 */
export function parseNames(text: string): { ok: true; names: string[] } | { ok: false; problem: NamesProblem } {
	const lines = text
		.replace(/\r\n?/g, '\n')
		.split('\n')
		.map((line, index) => ({ line: index + 1, text: line.trim() }))
		.filter((line) => line.text !== '');
	if (lines.length === 0) return { ok: false, problem: { key: 'learners.errors.noNames' } };
	if (lines.length > MAX_NAMES) {
		return {
			ok: false,
			problem: { key: 'learners.errors.tooManyNames', params: { limit: MAX_NAMES, lines: lines.length } }
		};
	}
	const names: string[] = [];
	for (const line of lines) {
		const parsed = nameSchema.safeParse(line.text);
		if (!parsed.success) {
			const tooLong = parsed.error.issues.some((issue) => issue.message === 'errors.tooLong');
			return {
				ok: false,
				problem: tooLong
					? { key: 'learners.errors.lineTooLong', params: { line: line.line, max: NAME_MAX_LENGTH } }
					: { key: 'learners.errors.lineInvalid', params: { line: line.line } }
			};
		}
		names.push(parsed.data);
	}
	return { ok: true, names };
}

export const namesForm = z.object({
	names: z.string({ error: 'errors.required' }).max(MAX_NAMES * 200, 'errors.tooLong')
});

/** One account as its login card shows it; the password exists only in this answer. */
export interface CreatedLearner {
	userId: string;
	displayName: string;
	username: string;
	oneTimePassword: string;
}

/** Runs `work` over `items` with at most `size` running at once, keeping the order. */
async function inPool<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
	const results: R[] = new Array(items.length);
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const index = next++;
			results[index] = await work(items[index]!);
		}
	};
	await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
	return results;
}

/** Usernames for `names`, none of them taken, retired or chosen twice in this batch. */
async function chooseUsernames(db: Db, names: readonly string[], now: Date): Promise<string[]> {
	const bases = names.map(usernameBase);
	const distinct = [...new Set(bases)];
	const rows = await db.orm
		.select({ key: db.t.users.usernameKey })
		.from(db.t.users)
		.where(
			or(
				inArray(db.t.users.usernameKey, distinct),
				// Bases are [a-z0-9.] only: nothing in them is a LIKE wildcard.
				...distinct.map((base) => like(db.t.users.usernameKey, `${base}%`))
			)
		);
	const taken = new Set(rows.map((row) => row.key));
	const chosen: string[] = [];
	for (const base of bases) {
		const username = await firstFreeUsername(
			base,
			taken,
			async (candidate) => !(await isUsernameRetired(db, candidate, now))
		);
		taken.add(username);
		chosen.push(username);
	}
	return chosen;
}

export interface LearnerAccountsInput {
	classId: string;
	names: readonly string[];
	/** The class's course language, else the instructor's. */
	locale: string;
}

/**
 * Creates a learner account per name, all members of the class, all with a one-time
 * password to change at first sign-in. All or nothing.
 */
export async function createLearnerAccounts(
	db: Db,
	actorId: string,
	input: LearnerAccountsInput,
	now = new Date()
): Promise<CreatedLearner[]> {
	if (input.names.length === 0 || input.names.length > MAX_NAMES) {
		throw new RangeError(`between 1 and ${MAX_NAMES} names, not ${input.names.length}`);
	}
	const accounts = await inPool(input.names, HASHING_POOL, async (displayName) => {
		const oneTimePassword = newOneTimePassword();
		return { userId: newId(), displayName, oneTimePassword, passwordHash: await hashPassword(oneTimePassword) };
	});
	for (let attempt = 1; ; attempt++) {
		try {
			return await db.transaction(async (tx) => {
				const usernames = await chooseUsernames(tx, input.names, now);
				const created = accounts.map((account, i) => ({ ...account, username: usernames[i]! }));
				await tx.orm.insert(tx.t.users).values(
					created.map((account) => ({
						id: account.userId,
						username: account.username,
						usernameKey: account.username,
						passwordHash: account.passwordHash,
						role: 'learner' as const,
						email: null,
						displayName: account.displayName,
						locale: input.locale,
						createdAt: now,
						passwordChangedAt: now,
						mustChangePassword: true
					}))
				);
				await tx.orm
					.insert(tx.t.classMembers)
					.values(created.map((account) => ({ classId: input.classId, userId: account.userId, joinedAt: now })));
				const count = created.length;
				await auditClassChange(tx, actorId, input.classId, 'class.learner_accounts_create', { count }, now);
				return created.map(({ userId, displayName, username, oneTimePassword }) => ({
					userId,
					displayName,
					username,
					oneTimePassword
				}));
			});
		} catch (failure) {
			// Somebody else took one of the names since they were chosen: choose again.
			if (!isUniqueViolation(failure) || attempt >= USERNAME_TRIES) throw failure;
		}
	}
}
