/** The part of an action's answer (server/validation/form.ts FormFailure) the discussion reads. */
export interface FormState {
	formId: string | null;
	errors: Record<string, string>;
	values: Record<string, string>;
	params: Record<string, string | number>;
}

export function asFormState(form: unknown): FormState | null {
	if (!form || typeof form !== 'object' || !('errors' in form) || !('formId' in form)) return null;
	return form as FormState;
}
