/** What the admin's routes share: the language in the path, and refusals turned into the form's answer. */
import { error } from '@sveltejs/kit';
import { formError, type FormValues } from '../../validation/form.ts';
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
