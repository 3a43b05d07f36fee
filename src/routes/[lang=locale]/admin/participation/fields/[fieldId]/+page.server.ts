import { error, type RequestEvent } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/policy';
import { updateFieldMeta } from '$lib/server/participation/editing/fields';
import { fieldEditor } from '$lib/server/participation/editing/overview';
import { readEditForm, refusalAnswer } from '$lib/server/participation/editing/route';
import { fieldMetaForm } from '$lib/server/participation/editing/schemas';

import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const editor = await fieldEditor(event.locals.db, event.params.fieldId);
	if (!editor) error(404, 'errors.notFound');
	return {
		field: {
			id: editor.field.id,
			slug: editor.field.slug,
			position: editor.field.position,
			isExample: editor.field.isExample
		},
		german: editor.texts.find((row) => row.locale === 'de')?.title ?? null,
		status: editor.status,
		saved: event.url.searchParams.has('saved')
	};
};

async function save(event: RequestEvent<{ fieldId: string; lang: string }>) {
	const admin = requireRole(event, 'admin');
	const form = await readEditForm(event.request, fieldMetaForm);
	if (!form.ok) return form.failure;
	const result = await updateFieldMeta(event.locals.db, admin.id, event.params.fieldId, form.data);
	if (!result.ok) return refusalAnswer(result, form.values);
	return { success: true };
}

export const actions: Actions = { default: save };
