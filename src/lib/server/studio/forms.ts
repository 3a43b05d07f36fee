/**
 * The zod schemas of the studio's forms. What cannot be stored (minutes outside 1–10, an
 * unknown level or language) is refused here with a message; everything else is saved as a
 * draft and the checks (checks.ts) say what stops publishing.
 */
import { z } from 'zod';
import { COMPETENCES, CONTENT_LOCALES, LEVELS, MAX_MINUTES, MIN_MINUTES } from './rules.ts';
import type { SaveInput } from './lessons.ts';

/** Enough for a long lesson; the parser's time grows with the text, so there is a cap. */
export const MAX_BODY_LENGTH = 50_000;
export const MAX_QUIZZES_LENGTH = 20_000;

const list = z
	.union([z.string(), z.array(z.string())])
	.optional()
	.transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]));

export const lessonForm = z
	.object({
		sourceLocale: z.enum(CONTENT_LOCALES, 'studio.problems.sourceLocale'),
		minutes: z.coerce
			.number('studio.problems.minutes')
			.int('studio.problems.minutes')
			.min(MIN_MINUTES, 'studio.problems.minutes')
			.max(MAX_MINUTES, 'studio.problems.minutes'),
		level: z.enum(LEVELS, 'studio.problems.level'),
		competences: list.pipe(z.array(z.enum(COMPETENCES, 'studio.problems.competences'))),
		prerequisites: z
			.string()
			.max(1000, 'studio.problems.prerequisites')
			.optional()
			.transform((value) => (value ?? '').split(/[\s,]+/).filter(Boolean)),
		locale: z.enum(CONTENT_LOCALES, 'errors.invalid'),
		title: z
			.string()
			.max(200, 'studio.problems.title')
			.transform((value) => value.trim()),
		summary: z
			.string()
			.max(500, 'studio.problems.summary')
			.transform((value) => value.trim()),
		body: z.string().max(MAX_BODY_LENGTH, 'studio.problems.bodyTooLong'),
		quizzes: z.string().max(MAX_QUIZZES_LENGTH, 'studio.problems.quizzesTooLong')
	})
	.transform((form): SaveInput => ({
		sourceLocale: form.sourceLocale,
		meta: {
			minutes: form.minutes,
			level: form.level,
			competences: form.competences,
			prerequisites: form.prerequisites
		},
		text: {
			locale: form.locale,
			title: form.title,
			summary: form.summary,
			// Browsers send line breaks as CRLF; line numbers count either the same.
			body: form.body.replace(/\r\n?/g, '\n'),
			quizzes: form.quizzes.replace(/\r\n?/g, '\n')
		}
	}));

export const publishForm = z.object({ classIds: list });
