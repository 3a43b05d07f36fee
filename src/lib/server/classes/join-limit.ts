/**
 * How often a join code may be tried: a signed-in person 10 times in 15 minutes (enough for
 * typing mistakes and a second class); an address without an account 200 times an hour (a
 * class of 30 at one school address opening the link, mistyping and making accounts, twice
 * over). With 31^6 possible codes, guessing one stays hopeless.
 */
import type { Db } from '../db/database.ts';
import { hitAddressLimit, type AddressLimit } from '../security/limits.ts';
import { hitRateLimit, personLimitKey, type RateLimitResult } from '../security/rate-limit.ts';

const MINUTE = 60_000;

/** The part of a per-person key in `rate_limits` (deleted with the account, see ./privacy.ts). */
export const JOIN_LIMIT_ACTION = 'class-join';
export const JOIN_TRIES_PER_PERSON = { limit: 10, windowMs: 15 * MINUTE };
export const JOIN_TRIES_PER_ADDRESS: AddressLimit = { name: JOIN_LIMIT_ACTION, limit: 200, windowMs: 60 * MINUTE };

/** Who tries a code: a signed-in person, or a guest by their address. */
export type JoinAttempt = { userId: string } | { address: string };

export async function hitJoinLimit(db: Db, attempt: JoinAttempt, now = new Date()): Promise<RateLimitResult> {
	if ('userId' in attempt) {
		return hitRateLimit(db, personLimitKey(JOIN_LIMIT_ACTION, attempt.userId), { ...JOIN_TRIES_PER_PERSON, now });
	}
	return hitAddressLimit(db, JOIN_TRIES_PER_ADDRESS, attempt.address, now);
}
