/**
 * Reads the editor's form with the one form helper; a refused form answers with every word
 * that was sent (`draft`), so nothing typed is lost, not even a long body.
 */
import type { RequestEvent } from '@sveltejs/kit';
import { fail } from '@sveltejs/kit';
import { lessonForm } from '$lib/server/studio/forms';
import { formError, parseForm } from '$lib/server/validation/form';
import { sentValues } from './lesson-values';

export async function readLessonForm(event: RequestEvent) {
	let data: FormData;
	try {
		data = await event.request.formData();
	} catch {
		return { ok: false as const, failure: formError('form', 'errors.badRequest') };
	}
	const form = parseForm(data, lessonForm);
	if (form.ok) return form;
	return { ok: false as const, failure: fail(400, { ...form.failure.data, draft: sentValues(data) }) };
}
