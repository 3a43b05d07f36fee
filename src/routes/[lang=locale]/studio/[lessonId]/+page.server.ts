import { redirect, type RequestEvent } from '@sveltejs/kit';
import { CONTENT_LOCALES, type ContentLocale } from '$lib/content/schema';
import { requireRole } from '$lib/server/auth/policy';
import { publishForm } from '$lib/server/studio/forms';
import { lessonProblems, requireOwnLesson, saveLesson, translationStates } from '$lib/server/studio/lessons';
import { publishableClasses, publishedClassIds, publishLesson } from '$lib/server/studio/publishing';
import { formError, readForm } from '$lib/server/validation/form';
import { readLessonForm } from '../lesson-form';
import type { LessonValues } from '../lesson-values';
import type { Actions, PageServerLoad } from './$types';

const isContentLocale = (value: string | null): value is ContentLocale =>
	value !== null && (CONTENT_LOCALES as readonly string[]).includes(value);

/** The author's lesson named in the address (404 for anyone else's), as the one place every load and action starts. */
async function ownLesson(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const user = requireRole(event, 'instructor', 'admin');
	return requireOwnLesson(event.locals.db, user.id, event.params.lessonId ?? '');
}

export const load: PageServerLoad = async (event) => {
	const lesson = await ownLesson(event);
	const asked = event.url.searchParams.get('locale');
	const locale = isContentLocale(asked) ? asked : lesson.lesson.sourceLocale;
	const text = lesson.texts.find((row) => row.locale === locale);
	const values: LessonValues = {
		sourceLocale: lesson.lesson.sourceLocale,
		minutes: String(lesson.meta.minutes),
		level: lesson.meta.level,
		competences: lesson.meta.competences,
		prerequisites: lesson.meta.prerequisites.join(', '),
		title: text?.title ?? '',
		summary: text?.summary ?? '',
		body: text?.body ?? '',
		quizzes: text?.quizzes ?? ''
	};
	const problems = lessonProblems(lesson);
	return {
		id: lesson.lesson.id,
		status: lesson.lesson.status,
		version: lesson.version,
		sourceLocale: lesson.lesson.sourceLocale,
		locale,
		values,
		// Shared fields' problems and this language's; the others are counted per language.
		problems: problems.filter((problem) => !problem.locale || problem.locale === locale),
		problemCount: problems.length,
		languages: translationStates(lesson, CONTENT_LOCALES),
		classes: await publishableClasses(event.locals.db, lesson.lesson.authorUserId),
		publishedTo: await publishedClassIds(event.locals.db, lesson.lesson.id),
		saved: event.url.searchParams.has('saved'),
		published: event.url.searchParams.get('published')
	};
};

async function save(event: RequestEvent) {
	const lesson = await ownLesson(event);
	const form = await readLessonForm(event);
	if (!form.ok) return form.failure;
	await saveLesson(event.locals.db, lesson, form.data);
	redirect(303, `${event.url.pathname}?locale=${form.data.text.locale}&saved=1`);
}

async function publish(event: RequestEvent) {
	const lesson = await ownLesson(event);
	const form = await readForm(event.request, publishForm, { formId: 'publish' });
	if (!form.ok) return form.failure;
	const result = await publishLesson(event.locals.db, lesson, form.data.classIds);
	if (result.ok) redirect(303, `${event.url.pathname}?published=${result.version}`);
	if ('problems' in result) return formError('form', 'studio.publish.hasProblems', { status: 409, formId: 'publish' });
	return formError('form', result.reason, {
		status: result.reason === 'studio.publish.noClass' ? 400 : 403,
		formId: 'publish'
	});
}

export const actions: Actions = { save, publish };
