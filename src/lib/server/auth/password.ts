/**
 * Password hashing (argon2id) and the password rules of NIST SP 800-63B: 8–256 characters,
 * no composition rules, refuse passwords that are known to be common.
 */
import { hash, verify } from '@node-rs/argon2';
import { COMMON_PASSWORDS } from './common-passwords.ts';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 256;

// OWASP's recommended argon2id parameters (19 MiB, 2 iterations, 1 lane).
const ARGON2_OPTIONS = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
	return hash(password, ARGON2_OPTIONS);
}

export async function verifyPasswordHash(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

/** The i18n key of the first rule the password breaks, or null when it is acceptable. */
export function passwordProblem(password: string, username?: string): string | null {
	const length = [...password].length;
	if (length < PASSWORD_MIN_LENGTH) return 'errors.password.tooShort';
	if (length > PASSWORD_MAX_LENGTH) return 'errors.password.tooLong';
	const lower = password.toLowerCase();
	if (COMMON_PASSWORDS.has(lower) || /^(.)\1+$/.test(password)) return 'errors.password.common';
	if (username && lower.includes(username.toLowerCase())) return 'errors.password.containsUsername';
	return null;
}

/** A hash of a random password, used to spend the same time on unknown usernames. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
	dummyHash ??= hashPassword(crypto.randomUUID());
	return dummyHash;
}
