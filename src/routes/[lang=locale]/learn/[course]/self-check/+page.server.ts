import type { RequestEvent } from '@sveltejs/kit';
import { courseText, findCourse } from '$lib/server/learning/catalogue';
import { saveSelfCheck, selfCheckForm, selfCheckRatings, type Phase } from '$lib/server/learning/self-check';
import { readForm } from '$lib/server/validation/form';
import type { Actions, PageServerLoad } from './$types';

const phaseOf = (url: URL): Phase => (url.searchParams.get('phase') === 'after' ? 'after' : 'before');

export const load: PageServerLoad = async (event) => {
	const course = findCourse(event.params.course);
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

async function save(event: RequestEvent) {
	const course = findCourse(event.params.course ?? '');
	const form = await readForm(event.request, selfCheckForm(course));
	if (!form.ok) return form.failure;
	const { phase, ratings } = form.data;
	// Guests see their answers compared on the page, but nothing is stored for them.
	const { user, db } = event.locals;
	if (user) await saveSelfCheck(db, user.id, course, phase, ratings);
	return { saved: Boolean(user), phase, ratings };
}

export const actions: Actions = { default: save };
