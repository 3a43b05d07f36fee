/**
 * The admin's forms for the strategy, read with validation/form.ts. Texts are plain text
 * (paragraphs and links only, shown through LinkedText); messages are i18n keys.
 */
import { z } from 'zod';
import { PHASE_KINDS, PROJECT_STATUSES, RESERVED_SLUGS, TEXT_LOCALES } from '../rules.ts';
import { optionalPlainText, plainText } from '../../validation/text.ts';
import { parseCityTime } from './local-time.ts';

export const SLUG_MAX_LENGTH = 80;
export const TITLE_MAX_LENGTH = 160;
export const SUMMARY_MAX_LENGTH = 600;
export const DESCRIPTION_MAX_LENGTH = 20_000;
export const RESULT_MAX_LENGTH = 20_000;
export const TIMELINE_TEXT_MAX_LENGTH = 1_000;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const slug = z
	.string({ error: 'errors.required' })
	.transform((value) => value.trim())
	.superRefine((value, ctx) => {
		const issue = (message: string) => ctx.addIssue({ code: 'custom', message });
		if (value.length === 0) return issue('errors.required');
		if (value.length > SLUG_MAX_LENGTH) return issue('errors.tooLong');
		if (!SLUG.test(value)) return issue('admin.errors.slugFormat');
		if ((RESERVED_SLUGS as readonly string[]).includes(value)) return issue('admin.errors.slugReserved');
	});

/** An id sent back in a hidden field or a select: short and plain; whether it exists is the domain's question. */
const id = z.string({ error: 'errors.required' }).regex(/^[a-z0-9]{1,64}$/, 'admin.errors.notFound');

export const textLocale = z.enum(TEXT_LOCALES, { error: 'admin.errors.notFound' });

const position = z
	.string({ error: 'errors.required' })
	.regex(/^\d{1,4}$/, 'admin.errors.position')
	.transform(Number);

const title = plainText({ max: TITLE_MAX_LENGTH });
const summary = plainText({ max: SUMMARY_MAX_LENGTH, multiline: true });
const description = plainText({ max: DESCRIPTION_MAX_LENGTH, multiline: true });

/** A date (or date and time) in the city's time; empty is "no date" where optional. */
function cityTimeOf(optional: boolean) {
	return z
		.string({ error: 'errors.required' })
		.optional()
		.transform((value, ctx) => {
			const typed = (value ?? '').trim();
			if (typed === '' && optional) return null;
			const instant = typed === '' ? null : parseCityTime(typed);
			if (!instant) {
				ctx.addIssue({ code: 'custom', message: typed === '' ? 'errors.required' : 'admin.errors.date' });
				return z.NEVER;
			}
			return instant;
		});
}
const cityTime = cityTimeOf(false).transform((value) => value as Date);
const optionalCityTime = cityTimeOf(true);

export const newFieldForm = z.object({ slug, position, title, summary });
export const fieldMetaForm = z.object({ slug, position });
export const fieldTextsForm = z.object({ title, summary });

export const newProjectForm = z.object({ slug, fieldId: id, title, summary, description });
export const projectMetaForm = z.object({ slug, fieldId: id });
export const projectTextsForm = z.object({ title, summary, description });
export const easyProjectTextsForm = z.object({ title, summary });
export const resultTextForm = z.object({
	resultText: optionalPlainText({ max: RESULT_MAX_LENGTH, multiline: true })
});

export const phaseForm = z.object({
	kind: z.enum(PHASE_KINDS, { error: 'admin.errors.phaseKind' }),
	startsAt: optionalCityTime,
	endsAt: optionalCityTime
});
export const phaseEditForm = phaseForm.extend({ phaseId: id });
export const phaseRemoveForm = z.object({ phaseId: id });

export const timelineForm = z.object({
	status: z.enum(PROJECT_STATUSES, { error: 'admin.errors.status' }),
	happenedAt: cityTime,
	text: plainText({ max: TIMELINE_TEXT_MAX_LENGTH, multiline: true })
});
export const timelineTextForm = z.object({ text: plainText({ max: TIMELINE_TEXT_MAX_LENGTH, multiline: true }) });
