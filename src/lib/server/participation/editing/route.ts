/** What the admin's routes share: the language in the path, and refusals turned into the form's answer. */
import { error } from '@sveltejs/kit';
import type { z } from 'zod';
import { formError, formFailure, parseForm, type FormValues, type ParsedForm } from '../../validation/form.ts';
import { TEXT_LOCALES, type TextLocale } from '../rules.ts';
import type { EditResult } from './result.ts';

/** The text language named in the path ("easy" included); any other value is a page that does not exist. */
export function textLocaleParam(value: string): TextLocale {
	if (!(TEXT_LOCALES as readonly string[]).includes(value)) error(404, 'errors.notFound');
	return value as TextLocale;
}

/** A refused edit as the form's answer: 404 when the thing named does not exist, else 400. */
export function refusalAnswer(
	result: Extract<EditResult<unknown>, { ok: false }>,
	values: FormValues,
	formId?: string
) {
	return formError(result.field, result.error, {
		status: result.error === 'admin.errors.notFound' ? 404 : 400,
		values,
		formId: formId ?? null
	});
}

/** Long enough for any admin text; a longer value (a 10 MB body) is not sent back. */
const ECHO_MAX = 20_000;

/**
 * readForm, but a refused form comes back with the admin's whole text (readForm keeps 300
 * characters, enough for the short fields of other forms), so a long description is not lost.
 */
export async function readEditForm<S extends z.ZodType>(
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
	const parsed = parseForm(form, schema, options);
	if (parsed.ok) return parsed;
	const values: FormValues = {};
	for (const [key, value] of form) {
		if (typeof value === 'string' && !(key in values) && value.length <= ECHO_MAX) values[key] = value;
	}
	const { errors, params } = parsed.failure.data;
	return { ok: false, failure: formFailure(errors, { ...options, values, params, status: parsed.failure.status }) };
}
