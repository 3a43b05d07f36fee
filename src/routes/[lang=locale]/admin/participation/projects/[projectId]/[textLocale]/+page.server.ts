import { error, type RequestEvent } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/policy';
import { projectEditor } from '$lib/server/participation/editing/overview';
import { saveProjectTexts, saveResultText } from '$lib/server/participation/editing/projects';
import { readEditForm, refusalAnswer, textLocaleParam } from '$lib/server/participation/editing/route';
import { easyProjectTextsForm, projectTextsForm, resultTextForm } from '$lib/server/participation/editing/schemas';

import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const locale = textLocaleParam(event.params.textLocale);
	const editor = await projectEditor(event.locals.db, event.params.projectId);
	if (!editor) error(404, 'errors.notFound');
	const pick = (l: string) => {
		const row = editor.texts.find((text) => text.locale === l);
		return row
			? { title: row.title, summary: row.summary, description: row.description, resultText: row.resultText }
			: null;
	};
	return {
		project: { id: editor.project.id, slug: editor.project.slug },
		textLocale: locale,
		current: pick(locale),
		german: locale === 'de' ? null : pick('de')
	};
};

type Event = RequestEvent<{ projectId: string; textLocale: string; lang: string }>;

async function texts(event: Event) {
	const admin = requireRole(event, 'admin');
	const locale = textLocaleParam(event.params.textLocale);
	const form =
		locale === 'easy'
			? await readEditForm(event.request, easyProjectTextsForm, { formId: 'texts' })
			: await readEditForm(event.request, projectTextsForm, { formId: 'texts' });
	if (!form.ok) return form.failure;
	const input = { description: '', ...form.data };
	const result = await saveProjectTexts(event.locals.db, admin.id, event.params.projectId, locale, input);
	if (!result.ok) return refusalAnswer(result, form.values, 'texts');
	return { formId: 'texts', success: true };
}

async function result(event: Event) {
	const admin = requireRole(event, 'admin');
	const locale = textLocaleParam(event.params.textLocale);
	// Easy German has a title and a summary only.
	if (locale === 'easy') error(404, 'errors.notFound');
	const form = await readEditForm(event.request, resultTextForm, { formId: 'result' });
	if (!form.ok) return form.failure;
	const saved = await saveResultText(event.locals.db, admin.id, event.params.projectId, locale, form.data.resultText);
	if (!saved.ok) return refusalAnswer(saved, form.values, 'result');
	return { formId: 'result', success: true };
}

export const actions: Actions = { texts, result };
