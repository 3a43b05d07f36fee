import { redirect, type RequestEvent } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/policy';
import { createLesson } from '$lib/server/studio/lessons';
import { readLessonForm } from '../lesson-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'instructor', 'admin');
};

async function create(event: RequestEvent) {
	const user = requireRole(event, 'instructor', 'admin');
	const form = await readLessonForm(event);
	if (!form.ok) return form.failure;
	// Saved as a draft whatever its problems; the editor shows them.
	// A new lesson is written in its source language first.
	const input = { ...form.data, text: { ...form.data.text, locale: form.data.sourceLocale } };
	const id = await createLesson(event.locals.db, user.id, input);
	redirect(303, `/${event.locals.locale}/studio/${id}?saved=1`);
}

export const actions: Actions = { default: create };
