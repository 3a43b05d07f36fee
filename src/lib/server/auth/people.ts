/**
 * People and roles, for admins: finding accounts by username, changing a person's role,
 * resetting their password to a one-time password, deleting an account on request. Every
 * change is written to the audit log in the transaction that makes it. Who may call these
 * is the route's policy (admins only); the rules about *whom* they may act on are here.
 */
import { asc, count, eq, sql, type SQL } from 'drizzle-orm';
import { recordAudit } from '../audit/record.ts';
import type { Db } from '../db/database.ts';
import { erasePersonIn } from '../privacy/index.ts';
import { usernameKey, type Result } from './account.ts';
import { hashPassword } from './password.ts';
import { newOneTimePassword } from './one-time-password.ts';
import { invalidateUserSessions } from './session.ts';
import type { Role } from '../../roles.ts';

export const PEOPLE_PAGE_SIZE = 25;

/**
 * The roles an admin hands out in the browser. `users.role` holds one role, so a person is
 * a learner, an instructor or a moderator; admins are made on the command line only, and an
 * admin's role is not changed here (nobody removes the last admin by a click).
 */
export const ASSIGNABLE_ROLES = ['learner', 'instructor', 'moderator'] as const satisfies readonly Role[];
export type AssignableRole = (typeof ASSIGNABLE_ROLES)[number];

export interface PeopleQuery {
	/** Part of a username; empty for everyone. */
	search: string;
	/** `prefix`: names that start with it; `contains`: names that contain it anywhere. */
	match: 'prefix' | 'contains';
	page: number;
}

/** Escapes LIKE's wildcards, so "a_b" finds "a_b" and not "axb". */
const likePattern = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Accounts by username, in username order, a page at a time. No e-mail addresses: only whether there is one. */
export async function findPeople(db: Db, query: PeopleQuery) {
	const { users } = db.t;
	const key = likePattern(usernameKey(query.search));
	const where: SQL | undefined = key
		? sql`${users.usernameKey} like ${query.match === 'prefix' ? `${key}%` : `%${key}%`} escape '\\'`
		: undefined;
	const [{ total } = { total: 0 }] = await db.orm.select({ total: count() }).from(users).where(where);
	const items = await db.orm
		.select({
			id: users.id,
			username: users.username,
			role: users.role,
			createdAt: users.createdAt,
			hasEmail: sql<boolean>`${users.email} is not null`.mapWith(Boolean)
		})
		.from(users)
		.where(where)
		.orderBy(asc(users.usernameKey))
		.limit(PEOPLE_PAGE_SIZE)
		.offset((query.page - 1) * PEOPLE_PAGE_SIZE);
	return { items, total: Number(total), pages: Math.max(1, Math.ceil(Number(total) / PEOPLE_PAGE_SIZE)) };
}

/** One person as the admin's detail page shows them. */
export async function findPerson(db: Db, userId: string) {
	const { users } = db.t;
	const [person] = await db.orm
		.select({
			id: users.id,
			username: users.username,
			role: users.role,
			createdAt: users.createdAt,
			mustChangePassword: users.mustChangePassword,
			hasEmail: sql<boolean>`${users.email} is not null`.mapWith(Boolean)
		})
		.from(users)
		.where(eq(users.id, userId));
	return person;
}

type Refusal = 'errors.notFound' | 'people.errors.self' | 'people.errors.admin' | 'people.errors.sameRole';

/** What an admin may not do to `target`: act on themselves, or on another admin. */
async function targetFor(db: Db, adminId: string, userId: string): Promise<Result<{ role: Role }>> {
	if (userId === adminId) return { ok: false, error: 'people.errors.self' satisfies Refusal };
	const [target] = await db.orm.select({ role: db.t.users.role }).from(db.t.users).where(eq(db.t.users.id, userId));
	if (!target) return { ok: false, error: 'errors.notFound' satisfies Refusal };
	if (target.role === 'admin') return { ok: false, error: 'people.errors.admin' satisfies Refusal };
	return { ok: true, value: target };
}

/** Gives the person another role (learner, instructor, moderator); audited as "account.role_change". */
export async function changeRole(
	db: Db,
	adminId: string,
	userId: string,
	role: AssignableRole,
	now = new Date()
): Promise<Result<{ from: Role }>> {
	return db.transaction(async (tx) => {
		const target = await targetFor(tx, adminId, userId);
		if (!target.ok) return target;
		if (target.value.role === role) return { ok: false, error: 'people.errors.sameRole' satisfies Refusal };
		await tx.orm.update(tx.t.users).set({ role }).where(eq(tx.t.users.id, userId));
		await recordAudit(
			tx,
			{
				actorId: adminId,
				action: 'account.role_change',
				subjectKind: 'user',
				subjectId: userId,
				details: { from: target.value.role, to: role }
			},
			now
		);
		return { ok: true, value: { from: target.value.role } };
	});
}

/**
 * A new one-time password for the person (shown once to the admin, who hands it over), and
 * every session of theirs ended; audited as "account.password_reset".
 */
export async function resetPasswordByAdmin(
	db: Db,
	adminId: string,
	userId: string,
	now = new Date()
): Promise<Result<{ password: string }>> {
	const password = newOneTimePassword();
	// Hashing takes a while and must not run inside a SQLite transaction (see ../db/README.md).
	const passwordHash = await hashPassword(password);
	return db.transaction(async (tx) => {
		const target = await targetFor(tx, adminId, userId);
		if (!target.ok) return target;
		await tx.orm
			.update(tx.t.users)
			.set({ passwordHash, passwordChangedAt: now, mustChangePassword: true })
			.where(eq(tx.t.users.id, userId));
		await invalidateUserSessions(tx, userId);
		await recordAudit(
			tx,
			{ actorId: adminId, action: 'account.password_reset', subjectKind: 'user', subjectId: userId },
			now
		);
		return { ok: true, value: { password } };
	});
}

/**
 * Deletes the person's account on their request, as they could themselves: every domain's
 * part erases its rows and the username is retired, in one transaction with the audit entry
 * ("account.delete", the reason as its note; the entry keeps only the account's id).
 */
export async function deleteAccountByAdmin(
	db: Db,
	adminId: string,
	userId: string,
	reason: string,
	now = new Date()
): Promise<Result<null>> {
	return db.transaction(async (tx) => {
		const target = await targetFor(tx, adminId, userId);
		if (!target.ok) return target;
		await erasePersonIn(tx, userId);
		await recordAudit(
			tx,
			{ actorId: adminId, action: 'account.delete', subjectKind: 'user', subjectId: userId, note: reason },
			now
		);
		return { ok: true, value: null };
	});
}
