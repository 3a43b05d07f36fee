import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/policy';
import { requireChangeableClass, requireTaughtClass } from '$lib/server/classes/access';
import { listAssignments } from '$lib/server/classes/assigned-lessons';
import { nameAssignment } from '$lib/server/classes/assignment-choices';
import { archiveClass, regenerateJoinCode, unarchiveClass } from '$lib/server/classes/class-settings';
import { addCoInstructor, removeCoInstructor } from '$lib/server/classes/co-instructors';
import { groupedJoinCode, joinQrSvg, joinUrl } from '$lib/server/classes/join-qr';
import { listClassInstructors, listClassLearners } from '$lib/server/classes/listing';
import { coInstructorForm, removeCoInstructorForm } from '$lib/server/classes/schemas';
import { formError, readForm } from '$lib/server/validation/form';
import type { Actions, PageServerLoad } from './$types';

const DONE = ['created', 'archived', 'unarchived', 'regenerated', 'coAdded', 'coRemoved', 'saved'] as const;
const CONFIRM = ['archive', 'regenerate'] as const;

const pick = <T extends string>(list: readonly T[], value: string | null): T | null =>
	(list as readonly (string | null)[]).includes(value) ? (value as T) : null;

/** A class's overview, for the instructors who teach it (every other class is a 404). */
export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const { db, locale } = event.locals;
	const taught = await requireTaughtClass(db, user.id, event.params.classId);
	const row = taught.class;
	const url = joinUrl(event.url.origin, row.courseLocale ?? locale, row.joinCode);
	return {
		class: {
			id: row.id,
			name: row.name,
			schedule: row.schedule,
			courseLocale: row.courseLocale,
			archived: row.archivedAt !== null,
			archivedAt: row.archivedAt,
			joinCode: row.joinCode,
			codeGroups: groupedJoinCode(row.joinCode)
		},
		role: taught.role,
		joinUrl: url,
		qrSvg: await joinQrSvg(url),
		learners: (await listClassLearners(db, row.id)).map((learner) => ({
			userId: learner.userId,
			username: learner.username,
			displayName: learner.displayName
		})),
		instructors: (await listClassInstructors(db, row.id)).map((person) => ({
			userId: person.userId,
			username: person.username,
			displayName: person.displayName,
			role: person.role,
			isMe: person.userId === user.id
		})),
		assignments: (await listAssignments(db, row.id)).map((assignment) => nameAssignment(assignment, locale)),
		done: pick(DONE, event.url.searchParams.get('done') ?? (event.url.searchParams.has('created') ? 'created' : null)),
		confirm: pick(CONFIRM, event.url.searchParams.get('confirm'))
	};
};

type Event = RequestEvent<{ lang: string; classId: string }>;

const back = (event: Event, done: (typeof DONE)[number]): never =>
	redirect(303, `/${event.locals.locale}/classes/${event.params.classId}?done=${done}`);

async function archive(event: Event) {
	const user = requireUser(event);
	const taught = await requireChangeableClass(event.locals.db, user.id, event.params.classId);
	await archiveClass(event.locals.db, user.id, taught.class.id);
	back(event, 'archived');
}

async function unarchive(event: Event) {
	const user = requireUser(event);
	const taught = await requireTaughtClass(event.locals.db, user.id, event.params.classId);
	await unarchiveClass(event.locals.db, user.id, taught.class.id);
	back(event, 'unarchived');
}

async function regenerate(event: Event) {
	const user = requireUser(event);
	const taught = await requireChangeableClass(event.locals.db, user.id, event.params.classId);
	await regenerateJoinCode(event.locals.db, user.id, taught.class);
	back(event, 'regenerated');
}

async function addCo(event: Event) {
	const user = requireUser(event);
	const taught = await requireChangeableClass(event.locals.db, user.id, event.params.classId);
	const form = await readForm(event.request, coInstructorForm, { formId: 'addCo' });
	if (!form.ok) return form.failure;
	const result = await addCoInstructor(event.locals.db, user.id, taught, form.data.username);
	if (!result.ok) return formError('username', result.error, { formId: 'addCo', values: form.values });
	back(event, 'coAdded');
}

async function removeCo(event: Event) {
	const user = requireUser(event);
	const taught = await requireChangeableClass(event.locals.db, user.id, event.params.classId);
	const form = await readForm(event.request, removeCoInstructorForm, { formId: 'removeCo' });
	if (!form.ok) return form.failure;
	const result = await removeCoInstructor(event.locals.db, user.id, taught, form.data.userId);
	if (!result.ok) {
		if (result.error === 'classes.errors.ownerOnly') error(403, 'errors.forbidden');
		error(404, 'errors.notFound');
	}
	back(event, 'coRemoved');
}

export const actions: Actions = { archive, unarchive, regenerate, addCo, removeCo };
