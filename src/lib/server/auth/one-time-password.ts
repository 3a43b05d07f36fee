/**
 * One-time passwords for accounts an instructor or admin creates or resets: printed on a
 * login card, typed once, then replaced by the person's own password (users.must_change_password).
 * Lower case and digits without look-alikes, in groups of four ("kq7m-2htx-p9zc", about 59
 * bits): easy to copy from paper for someone new to keyboards, impossible to guess online.
 */
import { eq } from 'drizzle-orm';
import { recordAudit, type AuditEntry } from '../audit/record.ts';
import type { Db } from '../db/database.ts';
import { randomCode, UNAMBIGUOUS_ALPHABET } from '../security/random-code.ts';
import { hashPassword } from './password.ts';
import { invalidateUserSessions } from './session.ts';

const GROUPS = 3;
const GROUP_LENGTH = 4;

export function newOneTimePassword(): string {
	const code = randomCode(GROUPS * GROUP_LENGTH, UNAMBIGUOUS_ALPHABET.toLowerCase());
	return code.match(new RegExp(`.{${GROUP_LENGTH}}`, 'g'))!.join('-');
}

/**
 * Gives the account a new one-time password, signs it out everywhere and returns the
 * password, to be shown once; the caller's audit entry (never the password) is written in
 * the same transaction. Who may do this to whom is the caller's policy.
 */
export async function resetToOneTimePassword(
	db: Db,
	userId: string,
	audit: AuditEntry,
	now = new Date()
): Promise<string> {
	const password = newOneTimePassword();
	const passwordHash = await hashPassword(password);
	await db.transaction(async (tx) => {
		await tx.orm
			.update(tx.t.users)
			.set({ passwordHash, passwordChangedAt: now, mustChangePassword: true })
			.where(eq(tx.t.users.id, userId));
		await invalidateUserSessions(tx, userId);
		await recordAudit(tx, audit, now);
	});
	return password;
}
