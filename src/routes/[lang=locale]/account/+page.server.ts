import { redirect, type RequestEvent } from '@sveltejs/kit';
import { changePassword, findUserById } from '$lib/server/auth/account';
import { requireUser } from '$lib/server/auth/policy';
import { issueRecoveryCode, recoveryCodeIssuedAt } from '$lib/server/auth/recovery-code';
import { endSession, startSession } from '$lib/server/auth/request';
import { changePasswordForm, deleteAccountForm } from '$lib/server/auth/schemas';
import { deleteAccount } from '$lib/server/privacy';
import { formError, readForm } from '$lib/server/validation/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const account = await findUserById(event.locals.db, user.id);
	if (!account) redirect(303, `/${event.locals.locale}/signin`);
	return {
		account: { username: account.username, role: account.role, createdAt: account.createdAt },
		recoveryCodeIssuedAt: await recoveryCodeIssuedAt(event.locals.db, user.id)
	};
};

async function changePasswordAction(event: RequestEvent) {
	const user = requireUser(event);
	const form = await readForm(event.request, changePasswordForm, { formId: 'password' });
	if (!form.ok) return form.failure;
	const result = await changePassword(event.locals.db, user.id, form.data);
	if (!result.ok) return formError(result.field ?? 'form', result.error, { formId: 'password' });
	// Every session was ended; keep this device signed in with a fresh one.
	await startSession(event, user.id);
	return { formId: 'password', success: true };
}

async function deleteAccountAction(event: RequestEvent) {
	const user = requireUser(event);
	const form = await readForm(event.request, deleteAccountForm, { formId: 'delete' });
	if (!form.ok) return form.failure;
	const result = await deleteAccount(event.locals.db, user.id, form.data.password);
	if (!result.ok) return formError(result.field ?? 'form', result.error, { formId: 'delete' });
	await endSession(event);
	redirect(303, `/${event.locals.locale}?deleted=1`);
}

/**
 * Makes a new recovery code (the old one stops working) and answers with it: it is shown
 * once, in this response, and never stored in readable form.
 */
async function recoveryCodeAction(event: RequestEvent) {
	const user = requireUser(event);
	const code = await issueRecoveryCode(event.locals.db, user.id);
	return { formId: 'recoveryCode', code, username: user.username };
}

export const actions: Actions = {
	password: changePasswordAction,
	recoveryCode: recoveryCodeAction,
	delete: deleteAccountAction
};
