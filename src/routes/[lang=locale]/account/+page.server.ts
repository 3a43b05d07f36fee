import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { changePassword, deleteAccount, findUserById } from '$lib/server/auth/account';
import { endSession, requireUser, startSession } from '$lib/server/auth/request';
import { changePasswordForm, deleteAccountForm } from '$lib/server/auth/schemas';
import { fieldError, readForm } from '$lib/server/validation/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { user, signInPath } = requireUser(event);
	if (!user) redirect(303, signInPath);
	const account = await findUserById(event.locals.db, user.id);
	if (!account) redirect(303, signInPath ?? `/${event.locals.locale}/signin`);
	return { account: { username: account.username, role: account.role, createdAt: account.createdAt } };
};

async function changePasswordAction(event: RequestEvent) {
	const { user } = requireUser(event);
	if (!user) return fail(401, { action: 'password', errors: fieldError('form', 'errors.forbidden') });
	const form = await readForm(event.request, changePasswordForm);
	if (!form.ok) return fail(400, { action: 'password', errors: form.errors });
	const result = await changePassword(event.locals.db, user.id, form.data);
	if (!result.ok) return fail(400, { action: 'password', errors: fieldError(result.field ?? 'form', result.error) });
	// Every session was ended; keep this device signed in with a fresh one.
	await startSession(event, user.id);
	return { action: 'password', success: true };
}

async function deleteAccountAction(event: RequestEvent) {
	const { user } = requireUser(event);
	if (!user) return fail(401, { action: 'delete', errors: fieldError('form', 'errors.forbidden') });
	const form = await readForm(event.request, deleteAccountForm);
	if (!form.ok) return fail(400, { action: 'delete', errors: form.errors });
	const result = await deleteAccount(event.locals.db, user.id, form.data.password);
	if (!result.ok) return fail(400, { action: 'delete', errors: fieldError(result.field ?? 'form', result.error) });
	await endSession(event);
	redirect(303, `/${event.locals.locale}?deleted=1`);
}

export const actions: Actions = { password: changePasswordAction, delete: deleteAccountAction };
