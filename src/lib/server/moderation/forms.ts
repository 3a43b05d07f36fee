/**
 * The moderation forms' schemas (read with validation/form.ts). Ids are short tokens; a
 * wrong one is refused here or found to name nothing by the domain, never a crash.
 */
import { z } from 'zod';
import { optionalPlainText, plainText } from '../validation/text.ts';
import { POST_KINDS } from './posts.ts';
import {
	APPEAL_MAX_LENGTH,
	DECISION_ACTIONS,
	MODERATION_NOTE_MAX_LENGTH,
	MODERATION_REASONS,
	REPORT_DETAILS_MAX_LENGTH,
	REPORT_REASONS
} from './rules.ts';

const id = z.string({ error: 'errors.invalid' }).regex(/^[a-z0-9-]{1,64}$/, 'errors.invalid');
const note = optionalPlainText({ max: MODERATION_NOTE_MAX_LENGTH, multiline: true });

export const reportForm = z
	.object({
		kind: z.enum(POST_KINDS, { error: 'errors.invalid' }),
		id,
		reason: z.enum(REPORT_REASONS, { error: 'report.errors.reason' }),
		details: optionalPlainText({ max: REPORT_DETAILS_MAX_LENGTH, multiline: true }),
		back: z.string().max(2000).optional()
	})
	.superRefine((value, ctx) => {
		if (value.reason === 'other' && !value.details) {
			ctx.addIssue({ code: 'custom', path: ['details'], message: 'report.errors.detailsRequired' });
		}
	});

export const decisionForm = z.object({
	kind: z.enum(POST_KINDS, { error: 'errors.invalid' }),
	id,
	action: z.enum(DECISION_ACTIONS, { error: 'errors.invalid' }),
	reason: z
		.union([z.literal('').transform(() => null), z.enum(MODERATION_REASONS)], { error: 'moderation.errors.reason' })
		.optional()
		.transform((value) => value ?? null),
	note
});

export const blockForm = z.object({
	userId: id,
	reason: z.enum(MODERATION_REASONS, { error: 'moderation.errors.reason' }),
	note
});

export const unblockForm = z.object({ userId: id, note });

export const appealDecisionForm = z.object({
	appealId: id,
	outcome: z.enum(['upheld', 'restored'], { error: 'errors.invalid' }),
	note
});

export const appealForm = z.object({
	notification: id,
	text: plainText({ max: APPEAL_MAX_LENGTH, multiline: true })
});
