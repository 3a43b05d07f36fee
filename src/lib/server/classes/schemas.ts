/** Input schemas for the class forms. Messages are i18n keys. */
import { z } from 'zod';
import { password, username } from '../auth/schemas.ts';
import { LOCALES } from '../../i18n/locales.ts';
import { optionalPlainText, plainText } from '../validation/text.ts';
import { dueAtEndOfDay } from './assignments.ts';

const id = z.string().regex(/^[\w-]{1,64}$/, 'errors.invalid');

export const classForm = z.object({
	name: plainText({ max: 80 }),
	schedule: optionalPlainText({ max: 200 }),
	courseLocale: z
		.string()
		.optional()
		.transform((value) => value || null)
		.pipe(z.enum(LOCALES, { error: 'classes.errors.courseLocale' }).nullable())
});

export const joinForm = z.object({ code: plainText({ max: 40 }) });

/** Joining with a new account made on the spot. */
export const joinWithAccountForm = z.object({ code: plainText({ max: 40 }), username, password });

export const classIdForm = z.object({ classId: id });

export const coInstructorForm = z.object({ username: plainText({ max: 64 }) });
export const removeCoInstructorForm = z.object({ userId: id });

const dueDate = z
	.string()
	.optional()
	.transform((value, ctx) => {
		if (!value) return null;
		const due = /^\d{4}-\d{2}-\d{2}$/.test(value) ? dueAtEndOfDay(value) : null;
		if (!due) ctx.addIssue({ code: 'custom', message: 'classes.errors.dueDate' });
		return due;
	});

export const assignmentForm = z.object({
	target: z.string({ error: 'classes.errors.chooseTarget' }).min(1, 'classes.errors.chooseTarget').max(200),
	dueDate,
	note: optionalPlainText({ max: 500, multiline: true })
});

export const assignmentEditForm = z.object({
	assignmentId: id,
	dueDate,
	note: optionalPlainText({ max: 500, multiline: true })
});

export const assignmentRemoveForm = z.object({ assignmentId: id });
