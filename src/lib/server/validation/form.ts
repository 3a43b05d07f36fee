/**
 * One way to read a form: a request's FormData parsed with a zod schema, giving typed data
 * or a `fail(…)` in the one shape every page reads (`FormFailure`). Fields that are
 * missing, sent as files or sent twice are invalid input, never a crash; a body that is not
 * a form at all is a 400 for the whole form. Passwords are never echoed back.
 */
import { fail, type ActionFailure } from '@sveltejs/kit';
import type { z } from 'zod';

/** Field name (or 'form' for the whole form) → i18n key of its message. */
export type FieldErrors = Record<string, string>;
/** What the person typed, to refill the form (short single values, no passwords). */
export type FormValues = Record<string, string>;

/** What every action answers when input is refused. Pages read exactly this. */
export interface FormFailure {
	/** Which form on the page was refused when it has several (an action name, a quiz id); else null. */
	formId: string | null;
	errors: FieldErrors;
	values: FormValues;
	/** Values the messages interpolate (e.g. until when sign-in is locked). */
	params: Record<string, string | number>;
}

export interface FailureOptions {
	status?: number;
	formId?: string | null;
	values?: FormValues;
	params?: Record<string, string | number>;
}

export type ParsedForm<T> =
	{ ok: true; data: T; values: FormValues } | { ok: false; failure: ActionFailure<FormFailure> };

/** The answer for refused input: `fail(status, FormFailure)`, 400 unless told otherwise. */
export function formFailure(errors: FieldErrors, options: FailureOptions = {}): ActionFailure<FormFailure> {
	return fail(options.status ?? 400, {
		formId: options.formId ?? null,
		errors,
		values: options.values ?? {},
		params: options.params ?? {}
	});
}

/** One message for one field (or 'form' for the whole form). */
export function formError(field: string, key: string, options: FailureOptions = {}): ActionFailure<FormFailure> {
	return formFailure({ [field]: key }, options);
}

export async function readForm<S extends z.ZodType>(
	request: Request,
	schema: S,
	options: { formId?: string } = {}
): Promise<ParsedForm<z.output<S>>> {
	let form: FormData;
	try {
		form = await request.formData();
	} catch {
		return { ok: false, failure: formError('form', 'errors.badRequest', options) };
	}
	return parseForm(form, schema, options);
}

const isSecret = (field: string) => /password/i.test(field);
const isMessageKey = (message: string) => /^[a-z][\w-]*(?:\.[\w-]+)+$/i.test(message);

/**
 * Hands the schema an object of the form's text fields: one string per field, or an array
 * when a field was sent several times (so a schema expecting one value refuses it).
 */
export function parseForm<S extends z.ZodType>(
	form: FormData,
	schema: S,
	options: { formId?: string } = {}
): ParsedForm<z.output<S>> {
	const raw: Record<string, string | string[]> = {};
	const values: FormValues = {};
	for (const [key, value] of form) {
		if (typeof value !== 'string') continue;
		const previous = raw[key];
		raw[key] = previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value];
		if (!isSecret(key) && previous === undefined) values[key] = value.slice(0, 300);
	}
	const result = schema.safeParse(raw);
	if (result.success) return { ok: true, data: result.data, values };
	const errors: FieldErrors = {};
	for (const issue of result.error.issues) {
		const field = String(issue.path[0] ?? 'form');
		// Our schemas give i18n keys; zod's own messages (English sentences) become a generic one.
		errors[field] ??= isMessageKey(issue.message) ? issue.message : 'errors.invalid';
	}
	return { ok: false, failure: formFailure(errors, { ...options, values }) };
}
