/**
 * The limits on anonymous writes, per client address. A class of 30 shares one school
 * address and may sign up together (twice over, for typing mistakes and a second class).
 */
import type { Db } from '../db/database.ts';
import { hitRateLimit, pruneRateLimits, type RateLimitResult } from './rate-limit.ts';

const HOUR = 60 * 60_000;

export interface AddressLimit {
	/** Part of the key in `rate_limits`: `<name>:<address>`. */
	name: string;
	limit: number;
	windowMs: number;
}

export const SIGN_UPS_PER_ADDRESS: AddressLimit = { name: 'sign-up', limit: 60, windowMs: HOUR };
export const ACCESSIBILITY_REPORTS_PER_ADDRESS: AddressLimit = {
	name: 'accessibility-report',
	limit: 20,
	windowMs: HOUR
};

/**
 * A test server receives every request from one address: RATE_LIMIT_SCALE (default 1)
 * multiplies every limit there. Production leaves it unset.
 */
function scale(): number {
	const value = Number(process.env.RATE_LIMIT_SCALE ?? 1);
	return Number.isFinite(value) && value >= 1 ? value : 1;
}

/** How long an address may stay in `rate_limits` after its window ended: no limit is longer. */
export const ADDRESS_KEPT_MS = 24 * HOUR;

export async function hitAddressLimit(
	db: Db,
	rule: AddressLimit,
	address: string,
	now = new Date()
): Promise<RateLimitResult> {
	// Addresses are personal data: forget the ones no window needs any more (rare writes, so cheap).
	await pruneRateLimits(db, ADDRESS_KEPT_MS, now);
	return hitRateLimit(db, `${rule.name}:${address}`, { limit: rule.limit * scale(), windowMs: rule.windowMs, now });
}

/**
 * The values the "try again at {{time}} (in about {{count}} minutes)" messages need: `count`
 * picks the plural form ("1 minute", Arabic "دقيقتين" …); `minutes` is the same number for
 * messages that name it so.
 */
export function retryParams(
	retryAt: Date,
	locale: string,
	now = new Date()
): { time: string; minutes: number; count: number } {
	const minutes = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 60_000));
	return {
		time: new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: 'Europe/Berlin' }).format(retryAt),
		minutes,
		count: minutes
	};
}
