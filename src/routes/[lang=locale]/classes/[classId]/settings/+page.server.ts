import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/policy';
import { requireChangeableClass, requireTaughtClass } from '$lib/server/classes/access';
import { updateClass } from '$lib/server/classes/class-settings';
import { classForm } from '$lib/server/classes/schemas';
import { readForm } from '$lib/server/validation/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const { class: row } = await requireTaughtClass(event.locals.db, user.id, event.params.classId);
	return {
		class: {
			id: row.id,
			name: row.name,
			schedule: row.schedule,
			courseLocale: row.courseLocale,
			archived: row.archivedAt !== null
		}
	};
};

async function save(event: RequestEvent<{ lang: string; classId: string }>) {
	const user = requireUser(event);
	const taught = await requireChangeableClass(event.locals.db, user.id, event.params.classId);
	const form = await readForm(event.request, classForm);
	if (!form.ok) return form.failure;
	// Archived between the check and the update: the same answer as the check gives.
	if (!(await updateClass(event.locals.db, taught.class.id, form.data))) error(409, 'errors.classArchived');
	redirect(303, `/${event.locals.locale}/classes/${taught.class.id}?done=saved`);
}

export const actions: Actions = { default: save };
