/** What an editing function answers: the value, or which field was refused and why (an i18n key). */
export type EditResult<T = null> = { ok: true; value: T } | { ok: false; field: string; error: string };

export const ok = <T>(value: T): EditResult<T> => ({ ok: true, value });
export const refused = (field: string, error: string): EditResult<never> => ({ ok: false, field, error });

/**
 * Thrown inside a transaction to undo it and answer with a refusal: a check that can only be
 * made once rows are read (an overlap, a slug taken meanwhile) must not leave half a change.
 */
export class Refusal extends Error {
	constructor(
		readonly field: string,
		readonly key: string
	) {
		super(key);
	}
}

/** Runs `work`; a Refusal it throws becomes the refused result (its transaction already undone). */
export async function refusable<T>(work: () => Promise<T>): Promise<EditResult<T>> {
	try {
		return ok(await work());
	} catch (error) {
		if (error instanceof Refusal) return refused(error.field, error.key);
		throw error;
	}
}
