import { z } from 'zod';
import type { Db } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { optionalPlainText, plainText } from '../validation/text.ts';

export const accessibilityFeedbackForm = z.object({
	page: optionalPlainText({ max: 300 }),
	message: plainText({ min: 3, max: 4000, multiline: true }),
	contact: optionalPlainText({ max: 300 })
});
export type AccessibilityFeedback = z.output<typeof accessibilityFeedbackForm>;

/** Stores a report of a barrier (BITV 2.0 asks for this feedback channel). */
export async function recordAccessibilityFeedback(
	db: Db,
	feedback: AccessibilityFeedback & { userId: string | null; locale: string },
	now = new Date()
): Promise<void> {
	await db.orm.insert(db.t.accessibilityFeedback).values({ id: newId(), ...feedback, createdAt: now });
}
