import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/policy';
import { answeredSearch, readAnswered } from '$lib/server/learning/answered-link';
import { answerForm, gradeQuiz, publicQuiz } from '$lib/server/learning/grading';
import { completionProblem } from '$lib/server/learning/progress';
import { studioLessonView } from '$lib/server/studio/lesson-view';
import { findVisibleStudioLesson } from '$lib/server/studio/publishing';
import { studioLessonKey } from '$lib/server/studio/rules';
import { formError, readForm } from '$lib/server/validation/form';
import type { Actions, PageServerLoad } from './$types';

/**
 * A studio lesson published to a class the person learns in or teaches (or their own): 404
 * for everyone else, so nobody learns that it exists. Progress is kept under `studio/<id>`.
 */
async function visibleLesson(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const user = requireUser(event);
	const published = await findVisibleStudioLesson(event.locals.db, user.id, event.params.lessonId ?? '');
	if (!published) error(404, 'errors.notFound');
	return { key: studioLessonKey(published.id), view: studioLessonView(published.snapshot, event.locals.locale) };
}

export const load: PageServerLoad = async (event) => {
	const { key, view } = await visibleLesson(event);
	const { progress } = event.locals;
	await progress.start(key);
	const [statuses, best] = await Promise.all([progress.statuses(), progress.bestScores(key)]);
	const { quizzes, ...shown } = view;
	const answered = readAnswered(event.url.searchParams);
	const answeredQuiz = answered && quizzes.find((quiz) => quiz.id === answered.quizId);
	return {
		view: shown,
		quizzes: quizzes.map(publicQuiz),
		answered: answeredQuiz ? gradeQuiz(answeredQuiz, answered!.answers) : null,
		bestScores: Object.fromEntries(best),
		completed: statuses.get(key) === 'completed'
	};
};

async function answer(event: RequestEvent) {
	const { key, view } = await visibleLesson(event);
	const form = await readForm(event.request, answerForm);
	if (!form.ok) return form.failure;
	const quiz = view.quizzes.find((q) => q.id === form.data.quizId);
	if (!quiz) return formError('form', 'errors.invalid');
	const result = gradeQuiz(quiz, form.data.answers);
	if (!result) return formError(quiz.id, 'learn.quiz.noAnswer', { formId: quiz.id });
	await event.locals.progress.recordAttempt(key, quiz.id, result.score);
	redirect(
		303,
		`${event.url.pathname}${answeredSearch(event.url.searchParams, quiz.id, form.data.answers)}#quiz-${quiz.id}`
	);
}

async function complete(event: RequestEvent) {
	const { key, view } = await visibleLesson(event);
	const { progress } = event.locals;
	const [statuses, best] = await Promise.all([progress.statuses(), progress.bestScores(key)]);
	const problem = completionProblem(
		view.quizzes.map((quiz) => quiz.id),
		{ started: statuses.has(key), answered: new Set(best.keys()) }
	);
	if (problem) return formError('form', problem, { formId: 'complete' });
	await progress.complete(key);
	redirect(303, `${event.url.pathname}#lesson-finish`);
}

export const actions: Actions = { answer, complete };
