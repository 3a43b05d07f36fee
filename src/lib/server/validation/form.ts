/**
 * Parses a request's form data with a zod schema. Fields that are missing, or sent as
 * files, or sent twice are treated as invalid input rather than crashing the action.
 */
import type { z } from 'zod';

export type FieldErrors = Record<string, string>;

export type ParsedForm<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors; values: Record<string, string> };

export async function readForm<S extends z.ZodType>(request: Request, schema: S): Promise<ParsedForm<z.output<S>>> {
	let form: FormData;
	try {
		form = await request.formData();
	} catch {
		return { ok: false, errors: fieldError('form', 'errors.badRequest'), values: {} };
	}
	return parseForm(form, schema);
}

export function parseForm<S extends z.ZodType>(form: FormData, schema: S): ParsedForm<z.output<S>> {
	const raw: Record<string, string | string[]> = {};
	const values: Record<string, string> = {};
	for (const [key, value] of form) {
		if (typeof value !== 'string') continue;
		const previous = raw[key];
		raw[key] = previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value];
		// Echo back only short, single values, never passwords.
		if (!/password/i.test(key)) values[key] = value.slice(0, 300);
	}
	const result = schema.safeParse(raw);
	if (result.success) return { ok: true, data: result.data };
	const errors: FieldErrors = {};
	for (const issue of result.error.issues) {
		const field = String(issue.path[0] ?? 'form');
		errors[field] ??= issue.message.startsWith('errors.') ? issue.message : 'errors.invalid';
	}
	return { ok: false, errors, values };
}

/** Errors for one field (or 'form' for the whole form). */
export function fieldError(field: string, key: string): FieldErrors {
	return { [field]: key };
}
