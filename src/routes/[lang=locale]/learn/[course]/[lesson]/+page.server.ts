import { redirect, type RequestEvent } from '@sveltejs/kit';
import { answeredSearch, readAnswered } from '$lib/server/learning/answered-link';
import { chooseVersion, courseText, findLesson as findLessonOf, getCatalogue } from '$lib/server/learning/catalogue';
import { answerForm, gradeQuiz, publicQuiz } from '$lib/server/learning/grading';
import { completeLesson } from '$lib/server/learning/learner';
import { formError, readForm } from '$lib/server/validation/form';
import type { Actions, PageServerLoad } from './$types';

/** The lesson this address names, in the version to show (?version=easy for easy German). */
const findLesson = ({ params, url, locals }: Pick<RequestEvent, 'params' | 'url' | 'locals'>) =>
	findLessonOf(params.course ?? '', params.lesson ?? '', locals.locale, url.searchParams.get('version') === 'easy');

export const load: PageServerLoad = async (event) => {
	const { course, lesson, chosen } = findLesson(event);
	const { locale, progress } = event.locals;
	const catalogue = getCatalogue();
	await progress.start(lesson.key);
	const [statuses, best, progressRoom] = await Promise.all([
		progress.statuses(),
		progress.bestScores(lesson.key),
		progress.room()
	]);
	const index = course.lessons.indexOf(lesson);
	const neighbour = (offset: number) => {
		const other = course.lessons[index + offset];
		const version = other && chooseVersion(other, locale);
		return other && version ? { id: other.id, title: version.lesson.title } : null;
	};
	const { quizzes, ...text } = chosen.lesson;
	// Feedback for the answer just sent (see answered-link.ts); shown, never recorded here.
	const answered = readAnswered(event.url.searchParams);
	const answeredQuiz = answered && quizzes.find((quiz) => quiz.id === answered.quizId);
	return {
		answered: answeredQuiz ? gradeQuiz(answeredQuiz, answered!.answers) : null,
		lessonKey: lesson.key,
		course: { id: course.id, title: courseText(course, locale).title },
		lesson: {
			...text,
			prerequisites: text.prerequisites.flatMap((key) => {
				const other = catalogue.lesson(key);
				const version = other && chooseVersion(other, locale);
				return other && version ? [{ path: `/learn/${key}`, title: version.lesson.title }] : [];
			})
		},
		quizzes: quizzes.map(publicQuiz),
		bestScores: Object.fromEntries(best),
		status: statuses.get(lesson.key) ?? 'started',
		progressRoom,
		contentLocale: chosen.contentLocale,
		isFallback: chosen.isFallback,
		hasEasyVersion: locale === 'de' && Boolean(lesson.versions['de-easy']),
		// Which compiled lesson the page imports, and which extra UI texts it needs (see +page.ts).
		sourcePath: lesson.paths[chosen.contentLocale]!,
		translationParts: [
			...(lesson.uses.simulation ? (['simulations'] as const) : []),
			...(lesson.uses.codeExercise ? (['exercises'] as const) : [])
		],
		position: { number: index + 1, of: course.lessons.length },
		previous: neighbour(-1),
		next: neighbour(1)
	};
};

async function answer(event: RequestEvent) {
	const { lesson, chosen } = findLesson(event);
	const form = await readForm(event.request, answerForm);
	if (!form.ok) return form.failure;
	const quiz = chosen.lesson.quizzes.find((q) => q.id === form.data.quizId);
	if (!quiz) return formError('form', 'errors.invalid');
	const result = gradeQuiz(quiz, form.data.answers);
	if (!result) return formError(quiz.id, 'learn.quiz.noAnswer', { formId: quiz.id });
	await event.locals.progress.recordAttempt(lesson.key, quiz.id, result.score);
	// Post/redirect/get: a reload shows the feedback again without recording a second attempt.
	redirect(
		303,
		`${event.url.pathname}${answeredSearch(event.url.searchParams, quiz.id, form.data.answers)}#quiz-${quiz.id}`
	);
}

async function complete(event: RequestEvent) {
	const { lesson } = findLesson(event);
	const problem = await completeLesson(event.locals.progress, lesson);
	if (problem) return formError('form', problem, { formId: 'complete' });
	// Post/redirect/get: the lesson page itself now says it is done.
	const easy = event.url.searchParams.get('version') === 'easy' ? '?version=easy' : '';
	redirect(303, `${event.url.pathname}${easy}#lesson-finish`);
}

export const actions: Actions = { answer, complete };
