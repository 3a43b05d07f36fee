/**
 * A person's data across every domain: the download (GDPR Art. 15 and 20) and the
 * deletion of the account (Art. 17), each gathered from the domains' parts.
 */
import { auditPrivacy } from '../audit/privacy.ts';
import { confirmPassword, type Result } from '../auth/account.ts';
import { authPrivacy } from '../auth/privacy.ts';
import { classesPrivacy } from '../classes/privacy.ts';
import type { Db } from '../db/database.ts';
import { learningPrivacy } from '../learning/privacy.ts';
import { moderationPrivacy } from '../moderation/privacy.ts';
import { notificationsPrivacy } from '../notifications/privacy.ts';
import { participationPrivacy } from '../participation/privacy.ts';
import { sitePrivacy } from '../site/privacy.ts';
import { studioPrivacy } from '../studio/privacy.ts';
import type { PrivacyPart } from './registry.ts';

/**
 * Every domain's part. Erasure runs in this order, so auth, whose `users` row the other
 * tables refer to, comes last. A new domain adds its part here.
 */
export const PRIVACY_PARTS: readonly PrivacyPart[] = [
	learningPrivacy,
	sitePrivacy,
	// Before classes: a lesson's class rows go with the lesson.
	studioPrivacy,
	// Moderation before participation: reports and decisions refer to comments and proposals.
	moderationPrivacy,
	participationPrivacy,
	notificationsPrivacy,
	auditPrivacy,
	classesPrivacy,
	authPrivacy
];

/** Everything Lotse stores about a person, as plain JSON; null when there is no such person. */
export async function exportPersonalData(
	db: Db,
	userId: string,
	now = new Date()
): Promise<({ exportedAt: string } & Record<string, unknown>) | null> {
	const sections: Record<string, unknown> = {};
	for (const part of PRIVACY_PARTS) Object.assign(sections, await part.export(db, userId));
	if (!sections.account) return null;
	return { exportedAt: now.toISOString(), ...sections };
}

/** Deletes the person: every part erases its rows in one transaction, all or nothing. */
export async function erasePerson(db: Db, userId: string, parts = PRIVACY_PARTS): Promise<void> {
	await db.transaction((tx) => erasePersonIn(tx, userId, parts));
}

/** The same inside a transaction the caller holds (an admin's deletion writes its audit entry in it). */
export async function erasePersonIn(tx: Db, userId: string, parts = PRIVACY_PARTS): Promise<void> {
	for (const part of parts) await part.erase(tx, userId);
}

/** Deletes the account of a signed-in person who confirmed it with their password. */
export async function deleteAccount(db: Db, userId: string, password: string): Promise<Result<null>> {
	const confirmed = await confirmPassword(db, userId, password);
	if (!confirmed.ok) return confirmed;
	await erasePerson(db, userId);
	return confirmed;
}

export type { Erasure, PrivacyPart, TableName } from './registry.ts';
