import { error, type RequestEvent } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/policy';
import { saveFieldTexts } from '$lib/server/participation/editing/fields';
import { fieldEditor } from '$lib/server/participation/editing/overview';
import { readEditForm, refusalAnswer, textLocaleParam } from '$lib/server/participation/editing/route';
import { fieldTextsForm } from '$lib/server/participation/editing/schemas';

import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const locale = textLocaleParam(event.params.textLocale);
	const editor = await fieldEditor(event.locals.db, event.params.fieldId);
	if (!editor) error(404, 'errors.notFound');
	const pick = (l: string) => {
		const row = editor.texts.find((text) => text.locale === l);
		return row ? { title: row.title, summary: row.summary } : null;
	};
	return {
		field: { id: editor.field.id, slug: editor.field.slug },
		textLocale: locale,
		current: pick(locale),
		german: locale === 'de' ? null : pick('de')
	};
};

async function save(event: RequestEvent<{ fieldId: string; textLocale: string; lang: string }>) {
	const admin = requireRole(event, 'admin');
	const locale = textLocaleParam(event.params.textLocale);
	const form = await readEditForm(event.request, fieldTextsForm);
	if (!form.ok) return form.failure;
	const result = await saveFieldTexts(event.locals.db, admin.id, event.params.fieldId, locale, form.data);
	if (!result.ok) return refusalAnswer(result, form.values);
	return { success: true };
}

export const actions: Actions = { default: save };
