import { error, type RequestEvent } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/policy';
import { projectEditor } from '$lib/server/participation/editing/overview';
import { readEditForm, refusalAnswer, textLocaleParam } from '$lib/server/participation/editing/route';
import { timelineTextForm } from '$lib/server/participation/editing/schemas';
import { saveTimelineText } from '$lib/server/participation/editing/timeline';

import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const locale = textLocaleParam(event.params.textLocale);
	const editor = await projectEditor(event.locals.db, event.params.projectId);
	const entry = editor?.timeline.find((candidate) => candidate.id === event.params.entryId);
	if (!editor || !entry) error(404, 'errors.notFound');
	return {
		project: { id: editor.project.id, slug: editor.project.slug },
		entry: { id: entry.id, status: entry.status, happenedAt: entry.happenedAt },
		textLocale: locale,
		current: entry.texts.find((row) => row.locale === locale)?.text ?? null,
		german: locale === 'de' ? null : (entry.texts.find((row) => row.locale === 'de')?.text ?? null)
	};
};

async function save(event: RequestEvent<{ projectId: string; entryId: string; textLocale: string; lang: string }>) {
	const admin = requireRole(event, 'admin');
	const locale = textLocaleParam(event.params.textLocale);
	const form = await readEditForm(event.request, timelineTextForm);
	if (!form.ok) return form.failure;
	const { projectId, entryId } = event.params;
	const result = await saveTimelineText(event.locals.db, admin.id, projectId, entryId, locale, form.data.text);
	if (!result.ok) return refusalAnswer(result, form.values);
	return { success: true };
}

export const actions: Actions = { default: save };
