import { redirect, type RequestEvent } from '@sveltejs/kit';
import { CONTENT_LOCALES, type ContentLocale } from '$lib/content/schema';
import { requireRole } from '$lib/server/auth/policy';
import { answeredSearch, readAnswered } from '$lib/server/learning/answered-link';
import { answerForm, gradeQuiz, publicQuiz } from '$lib/server/learning/grading';
import { requireOwnLesson } from '$lib/server/studio/lessons';
import { studioLessonView } from '$lib/server/studio/lesson-view';
import { draftSnapshot } from '$lib/server/studio/publishing';
import { formError, readForm } from '$lib/server/validation/form';
import type { Actions, PageServerLoad } from './$types';

const isContentLocale = (value: string | null): value is ContentLocale =>
	value !== null && (CONTENT_LOCALES as readonly string[]).includes(value);

/** The lesson as saved, in the language asked for (?locale=), exactly as a learner will see it. */
async function previewed(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const user = requireRole(event, 'instructor', 'admin');
	const lesson = await requireOwnLesson(event.locals.db, user.id, event.params.lessonId ?? '');
	const asked = event.url.searchParams.get('locale');
	const locale = isContentLocale(asked) ? asked : event.locals.locale;
	return { lesson, locale, view: studioLessonView(draftSnapshot(lesson), locale) };
}

export const load: PageServerLoad = async (event) => {
	const { lesson, locale, view } = await previewed(event);
	const { quizzes, ...shown } = view;
	const answered = readAnswered(event.url.searchParams);
	const answeredQuiz = answered && quizzes.find((quiz) => quiz.id === answered.quizId);
	return {
		id: lesson.lesson.id,
		locale,
		view: shown,
		quizzes: quizzes.map(publicQuiz),
		answered: answeredQuiz ? gradeQuiz(answeredQuiz, answered!.answers) : null
	};
};

// The author may try the quizzes: graded as for learners, recorded nowhere.
async function answer(event: RequestEvent) {
	const { view, locale } = await previewed(event);
	const form = await readForm(event.request, answerForm);
	if (!form.ok) return form.failure;
	const quiz = view.quizzes.find((q) => q.id === form.data.quizId);
	if (!quiz) return formError('form', 'errors.invalid');
	if (!gradeQuiz(quiz, form.data.answers)) return formError(quiz.id, 'learn.quiz.noAnswer', { formId: quiz.id });
	const search = answeredSearch(event.url.searchParams, quiz.id, form.data.answers);
	redirect(303, `${event.url.pathname}${search}&locale=${locale}#quiz-${quiz.id}`);
}

export const actions: Actions = { answer };
