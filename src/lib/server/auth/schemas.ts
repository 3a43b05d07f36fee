/** Input schemas for the account forms. Messages are i18n keys. */
import { z } from 'zod';
import { optionalPlainText, plainText } from '../validation/text.ts';
import { PASSWORD_MAX_LENGTH } from './password.ts';

// The roles are defined once, in src/lib/roles.ts; re-exported for code that reads them with the schemas.
export { ROLES, type Role } from '../../roles.ts';

export const username = plainText({ min: 3, max: 32 }).superRefine((value, ctx) => {
	if (!/^(?:[\p{L}\p{M}\p{N}._-]|\u200C|\u200D)+$/u.test(value))
		ctx.addIssue({ code: 'custom', message: 'errors.username.characters' });
});

// Passwords are taken exactly as typed (no trimming), but must still be text without controls.
export const password = z
	.string({ error: 'errors.required' })
	.min(1, 'errors.required')
	.max(PASSWORD_MAX_LENGTH * 4, 'errors.password.tooLong')
	.refine((value) => !/(?![\u0080-\u009F])[\p{Cc}\uFFFD]/u.test(value), 'errors.controlCharacters');

export const signUpForm = z.object({
	username,
	password,
	email: optionalPlainText({ max: 254 }).refine(
		(value) => value === null || z.email().safeParse(value).success,
		'errors.email'
	)
});

export const signInForm = z.object({ username: plainText({ max: 64 }), password });

export const changePasswordForm = z.object({ currentPassword: password, newPassword: password });

export const deleteAccountForm = z.object({ password });

export const recoverAccountForm = z.object({
	username: plainText({ max: 64 }),
	code: plainText({ max: 40 }),
	newPassword: password
});

export const newPasswordForm = z.object({ newPassword: password });

/** The admin's search for people: part of a username, how it must match, which page. */
export const peopleQuery = z.object({
	q: z.string().max(64).catch(''),
	match: z.enum(['prefix', 'contains']).catch('prefix'),
	page: z.coerce.number().int().min(1).max(100_000).catch(1)
});

export const roleChangeForm = z.object({
	role: z.enum(['learner', 'instructor', 'moderator'], { error: 'people.errors.role' })
});

export const deleteByAdminForm = z.object({ reason: plainText({ max: 500, multiline: true }) });

export const instructorRequestForm = z.object({ note: plainText({ max: 500, multiline: true }) });

export const requestDecisionForm = z.object({ requestId: plainText({ max: 64 }) });
