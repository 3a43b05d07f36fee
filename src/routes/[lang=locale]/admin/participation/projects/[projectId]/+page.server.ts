import { error, type RequestEvent } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/policy';
import { fieldChoices, projectEditor } from '$lib/server/participation/editing/overview';
import { addPhase, removePhase, updatePhase } from '$lib/server/participation/editing/phases';
import { updateProjectMeta } from '$lib/server/participation/editing/projects';
import { readEditForm, refusalAnswer } from '$lib/server/participation/editing/route';
import {
	phaseEditForm,
	phaseForm,
	phaseRemoveForm,
	projectMetaForm,
	timelineForm
} from '$lib/server/participation/editing/schemas';
import { toCityDateInput, toCityDateTimeInput } from '$lib/server/participation/editing/local-time';
import { addTimelineEntry } from '$lib/server/participation/editing/timeline';
import { PHASE_KINDS, PROJECT_STATUSES } from '$lib/server/participation/rules';

import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const editor = await projectEditor(event.locals.db, event.params.projectId);
	if (!editor) error(404, 'errors.notFound');
	const german = editor.texts.find((row) => row.locale === 'de');
	return {
		project: {
			id: editor.project.id,
			slug: editor.project.slug,
			fieldId: editor.project.fieldId,
			status: editor.project.status,
			isExample: editor.project.isExample,
			title: german?.title ?? null
		},
		phase: editor.phase,
		fields: await fieldChoices(event.locals.db, event.locals.locale),
		status: editor.status,
		phases: editor.phases.map((phase) => ({
			id: phase.id,
			kind: phase.kind,
			startsAt: phase.startsAt,
			endsAt: phase.endsAt,
			startsAtInput: toCityDateTimeInput(phase.startsAt),
			endsAtInput: toCityDateTimeInput(phase.endsAt)
		})),
		timeline: editor.timeline.map((entry) => ({
			id: entry.id,
			status: entry.status,
			happenedAt: entry.happenedAt,
			text: entry.texts.find((row) => row.locale === 'de')?.text ?? null,
			textStatus: entry.textStatus
		})),
		kinds: PHASE_KINDS,
		statuses: PROJECT_STATUSES,
		today: toCityDateInput(new Date()),
		saved: event.url.searchParams.has('saved')
	};
};

type Event = RequestEvent<{ projectId: string; lang: string }>;

async function meta(event: Event) {
	const admin = requireRole(event, 'admin');
	const form = await readEditForm(event.request, projectMetaForm, { formId: 'meta' });
	if (!form.ok) return form.failure;
	const result = await updateProjectMeta(event.locals.db, admin.id, event.params.projectId, form.data);
	if (!result.ok) return refusalAnswer(result, form.values, 'meta');
	return { formId: 'meta', success: true };
}

async function phaseAdd(event: Event) {
	const admin = requireRole(event, 'admin');
	const form = await readEditForm(event.request, phaseForm, { formId: 'addPhase' });
	if (!form.ok) return form.failure;
	const result = await addPhase(event.locals.db, admin.id, event.params.projectId, form.data);
	if (!result.ok) return refusalAnswer(result, form.values, 'addPhase');
	return { formId: 'addPhase', success: true };
}

async function phaseUpdate(event: Event) {
	const admin = requireRole(event, 'admin');
	const form = await readEditForm(event.request, phaseEditForm, { formId: 'updatePhase' });
	if (!form.ok) return form.failure;
	const { phaseId, ...input } = form.data;
	const result = await updatePhase(event.locals.db, admin.id, event.params.projectId, phaseId, input);
	if (!result.ok) return refusalAnswer(result, form.values, 'updatePhase');
	return { formId: 'updatePhase', success: true, values: { phaseId } };
}

async function phaseRemove(event: Event) {
	const admin = requireRole(event, 'admin');
	const form = await readEditForm(event.request, phaseRemoveForm, { formId: 'removePhase' });
	if (!form.ok) return form.failure;
	const result = await removePhase(event.locals.db, admin.id, event.params.projectId, form.data.phaseId);
	if (!result.ok) return refusalAnswer(result, form.values, 'removePhase');
	return { formId: 'removePhase', success: true };
}

async function timelineAdd(event: Event) {
	const admin = requireRole(event, 'admin');
	const form = await readEditForm(event.request, timelineForm, { formId: 'addTimeline' });
	if (!form.ok) return form.failure;
	const result = await addTimelineEntry(event.locals.db, admin.id, event.params.projectId, form.data);
	if (!result.ok) return refusalAnswer(result, form.values, 'addTimeline');
	return { formId: 'addTimeline', success: true };
}

export const actions: Actions = {
	meta,
	addPhase: phaseAdd,
	updatePhase: phaseUpdate,
	removePhase: phaseRemove,
	addTimeline: timelineAdd
};
