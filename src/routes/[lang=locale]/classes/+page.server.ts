import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/policy';
import { leaveClass } from '$lib/server/classes/joining';
import { listJoinedClasses, listTaughtClasses } from '$lib/server/classes/listing';
import { classIdForm } from '$lib/server/classes/schemas';
import { readForm } from '$lib/server/validation/form';
import type { Actions, PageServerLoad } from './$types';

const MAY_CREATE = new Set(['instructor', 'admin']);

/** Classes for everyone: what they are (guests), the ones a person learns in and the ones they teach. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const { db, user } = locals;
	if (!user)
		return {
			signedIn: false as const,
			canCreate: false,
			taught: [],
			joined: [],
			notice: null,
			joinedName: null,
			confirmLeave: null
		};
	const taught = (await listTaughtClasses(db, user.id)).map((row) => ({
		id: row.class.id,
		name: row.class.name,
		schedule: row.class.schedule,
		archived: row.class.archivedAt !== null,
		role: row.role,
		learners: row.learners
	}));
	const joined = await listJoinedClasses(db, user.id);
	// After post/redirect/get: which class was just joined (or was joined already), or that one was left.
	const joinedClass = joined.find((row) => row.id === url.searchParams.get('joined'));
	const notice = joinedClass
		? url.searchParams.has('again')
			? ('again' as const)
			: ('joined' as const)
		: url.searchParams.has('left')
			? ('left' as const)
			: null;
	const confirmLeave = joined.find((row) => row.id === url.searchParams.get('leave'))?.id ?? null;
	return {
		signedIn: true as const,
		canCreate: MAY_CREATE.has(user.role),
		taught,
		joined,
		notice,
		joinedName: joinedClass?.name ?? null,
		confirmLeave
	};
};

async function leave(event: RequestEvent) {
	const user = requireUser(event);
	const form = await readForm(event.request, classIdForm, { formId: 'leave' });
	if (!form.ok) return form.failure;
	if (!(await leaveClass(event.locals.db, user.id, form.data.classId))) error(404, 'errors.notFound');
	redirect(303, `/${event.locals.locale}/classes?left=1`);
}

export const actions: Actions = { leave };
