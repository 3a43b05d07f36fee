import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { courseText, getCatalogue } from '$lib/server/learning/catalogue';
import { saveSelfCheck, selfCheckRatings, type Phase } from '$lib/server/learning/self-check';
import { fieldError } from '$lib/server/validation/form';
import type { Actions, PageServerLoad } from './$types';

const phaseOf = (url: URL): Phase => (url.searchParams.get('phase') === 'after' ? 'after' : 'before');

function findCourse(event: Pick<RequestEvent, 'params' | 'locals'>) {
	const course = getCatalogue().course((event.params as { course: string }).course);
	if (!course) error(404, 'errors.notFound');
	return course;
}

export const load: PageServerLoad = async (event) => {
	const course = findCourse(event);
	const { user, db, locale } = event.locals;
	const text = courseText(course, locale);
	return {
		course: { id: course.id, title: text.title },
		phase: phaseOf(event.url),
		statements: course.selfCheck.map((s) => ({
			id: s.id,
			competence: s.competence,
			text: text.selfCheck[s.id] ?? s.id
		})),
		saved: user ? await selfCheckRatings(db, user.id, course.id) : null
	};
};

const rating = z.coerce.number().int().min(0).max(2);

async function save(event: RequestEvent) {
	const course = findCourse(event);
	let form: FormData;
	try {
		form = await event.request.formData();
	} catch {
		return fail(400, { errors: fieldError('form', 'errors.badRequest'), ratings: null });
	}
	const phase: Phase = form.get('phase') === 'after' ? 'after' : 'before';
	const ratings: Record<string, number> = {};
	for (const statement of course.selfCheck) {
		const parsed = rating.safeParse(form.get(statement.id) ?? undefined);
		if (!parsed.success) return fail(400, { errors: fieldError('form', 'learn.selfCheck.missing'), ratings: null });
		ratings[statement.id] = parsed.data;
	}
	const { user, db } = event.locals;
	if (user) await saveSelfCheck(db, user.id, course, phase, ratings);
	return { saved: Boolean(user), phase, ratings };
}

export const actions: Actions = { default: save };
