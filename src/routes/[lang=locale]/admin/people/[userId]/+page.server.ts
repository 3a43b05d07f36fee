import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/policy';
import { changeRole, deleteAccountByAdmin, findPerson, resetPasswordByAdmin } from '$lib/server/auth/people';
import { deleteByAdminForm, roleChangeForm } from '$lib/server/auth/schemas';
import { formError, readForm } from '$lib/server/validation/form';
import type { Actions, PageServerLoad } from './$types';

const validId = (id: string) => /^[\w-]{1,64}$/.test(id);

export const load: PageServerLoad = async (event) => {
	const admin = requireRole(event, 'admin');
	const { userId } = event.params;
	const person = validId(userId) ? await findPerson(event.locals.db, userId) : undefined;
	if (!person) error(404, 'errors.notFound');
	return {
		person,
		self: person.id === admin.id,
		// ?confirm=delete is the confirmation step before the deletion form (works without JavaScript).
		confirmDelete: event.url.searchParams.get('confirm') === 'delete',
		changed: event.url.searchParams.get('changed') === '1'
	};
};

async function role(event: RequestEvent<{ userId: string }>) {
	const admin = requireRole(event, 'admin');
	const form = await readForm(event.request, roleChangeForm, { formId: 'role' });
	if (!form.ok) return form.failure;
	const result = await changeRole(event.locals.db, admin.id, event.params.userId, form.data.role);
	if (!result.ok) return formError('role', result.error, { formId: 'role', status: statusOf(result.error) });
	redirect(303, `/${event.locals.locale}/admin/people/${event.params.userId}?changed=1`);
}

async function resetPassword(event: RequestEvent<{ userId: string }>) {
	const admin = requireRole(event, 'admin');
	const result = await resetPasswordByAdmin(event.locals.db, admin.id, event.params.userId);
	if (!result.ok) return formError('form', result.error, { formId: 'reset', status: statusOf(result.error) });
	// Shown once, in this response; only its hash is stored.
	return { formId: 'reset', oneTimePassword: result.value.password };
}

async function deleteAccount(event: RequestEvent<{ userId: string }>) {
	const admin = requireRole(event, 'admin');
	const form = await readForm(event.request, deleteByAdminForm, { formId: 'delete' });
	if (!form.ok) return form.failure;
	const result = await deleteAccountByAdmin(event.locals.db, admin.id, event.params.userId, form.data.reason);
	if (!result.ok) return formError('reason', result.error, { formId: 'delete', status: statusOf(result.error) });
	redirect(303, `/${event.locals.locale}/admin/people?deleted=1`);
}

/** A person that does not exist is 404; acting on oneself or another admin is refused (403). */
const statusOf = (key: string) => (key === 'errors.notFound' ? 404 : key === 'people.errors.sameRole' ? 400 : 403);

export const actions: Actions = { role, resetPassword, delete: deleteAccount };
