/**
 * Text fields as they arrive from forms. Every user-written string in Lotse passes through
 * `plainText`: it is normalised (NFC, trimmed), and rejected when it contains control
 * characters, bidirectional overrides (used to disguise text) or the replacement character
 * that stands for invalid UTF-8. Messages are i18n keys, translated by the route.
 */
import { z } from 'zod';

// C0/C1 controls except tab and newline; lone newlines are allowed only in multi-line fields.
const CONTROL = /(?![\t\n\r])\p{Cc}/u;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
const INVALID_UTF8 = /\uFFFD/;

export interface PlainTextOptions {
	min?: number;
	max: number;
	multiline?: boolean;
}

export function plainText({ min = 1, max, multiline = false }: PlainTextOptions) {
	return z
		.string({ error: 'errors.required' })
		.transform((value) => value.normalize('NFC').replace(/\r\n?/g, '\n').trim())
		.superRefine((value, ctx) => {
			const issue = (message: string) => ctx.addIssue({ code: 'custom', message });
			if (INVALID_UTF8.test(value)) return issue('errors.invalidEncoding');
			if (CONTROL.test(value) || (!multiline && /[\n\t]/.test(value))) return issue('errors.controlCharacters');
			if (BIDI_CONTROL.test(value)) return issue('errors.bidiControl');
			const length = [...value].length;
			if (length < min) return issue(min === 1 ? 'errors.required' : 'errors.tooShort');
			if (length > max) return issue('errors.tooLong');
		});
}

/** An optional field: an empty string becomes `null`. */
export function optionalPlainText(options: Omit<PlainTextOptions, 'min'>) {
	return z
		.string()
		.optional()
		.transform((value) => (value ?? '').trim())
		.pipe(z.union([z.literal('').transform(() => null), plainText(options)]));
}
