import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/policy';
import { requireChangeableClass, requireTaughtClass } from '$lib/server/classes/access';
import { listAssignments } from '$lib/server/classes/assigned-lessons';
import { assignableTargets, nameAssignment } from '$lib/server/classes/assignment-choices';
import { addAssignment, removeAssignment, updateAssignment } from '$lib/server/classes/assignments';
import { assignmentEditForm, assignmentForm, assignmentRemoveForm } from '$lib/server/classes/schemas';
import { formError, readForm } from '$lib/server/validation/form';
import type { Actions, PageServerLoad } from './$types';

const DONE = ['added', 'updated', 'removed'] as const;

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const { db, locale } = event.locals;
	const { class: row } = await requireTaughtClass(db, user.id, event.params.classId);
	const assignments = (await listAssignments(db, row.id)).map((assignment) => nameAssignment(assignment, locale));
	const done = event.url.searchParams.get('done');
	const remove = event.url.searchParams.get('remove');
	return {
		class: { id: row.id, name: row.name, archived: row.archivedAt !== null },
		assignments,
		choices: assignableTargets(locale),
		done: (DONE as readonly (string | null)[]).includes(done) ? (done as (typeof DONE)[number]) : null,
		confirmRemove: assignments.find((assignment) => assignment.id === remove)?.id ?? null
	};
};

type Event = RequestEvent<{ lang: string; classId: string }>;

const back = (event: Event, done: (typeof DONE)[number]): never =>
	redirect(303, `/${event.locals.locale}/classes/${event.params.classId}/assignments?done=${done}`);

async function add(event: Event) {
	const user = requireUser(event);
	const taught = await requireChangeableClass(event.locals.db, user.id, event.params.classId);
	const form = await readForm(event.request, assignmentForm, { formId: 'add' });
	if (!form.ok) return form.failure;
	const { dueDate, ...rest } = form.data;
	const result = await addAssignment(event.locals.db, taught.class.id, user.id, { ...rest, dueAt: dueDate });
	if (!result.ok) return formError(result.field ?? 'form', result.error, { formId: 'add', values: form.values });
	back(event, 'added');
}

async function update(event: Event) {
	const user = requireUser(event);
	const taught = await requireChangeableClass(event.locals.db, user.id, event.params.classId);
	const form = await readForm(event.request, assignmentEditForm, { formId: 'update' });
	if (!form.ok) return form.failure;
	const { assignmentId, dueDate, note } = form.data;
	if (!(await updateAssignment(event.locals.db, taught.class.id, assignmentId, { dueAt: dueDate, note }))) {
		error(404, 'errors.notFound');
	}
	back(event, 'updated');
}

async function remove(event: Event) {
	const user = requireUser(event);
	const taught = await requireChangeableClass(event.locals.db, user.id, event.params.classId);
	const form = await readForm(event.request, assignmentRemoveForm, { formId: 'remove' });
	if (!form.ok) return form.failure;
	if (!(await removeAssignment(event.locals.db, taught.class.id, form.data.assignmentId)))
		error(404, 'errors.notFound');
	back(event, 'removed');
}

export const actions: Actions = { add, update, remove };
