import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { chooseVersion, courseText, getCatalogue } from '$lib/server/learning/catalogue';
import { gradeQuiz, publicQuiz } from '$lib/server/learning/grading';
import {
	completeLesson,
	learnerBestScores,
	learnerStatuses,
	recordAttempt,
	startLesson
} from '$lib/server/learning/learner';
import { fieldError } from '$lib/server/validation/form';
import type { Actions, PageServerLoad } from './$types';

function findLesson(event: Pick<RequestEvent, 'params' | 'url' | 'locals'>) {
	const { course: courseId, lesson: lessonId } = event.params as { course: string; lesson: string };
	const catalogue = getCatalogue();
	const course = catalogue.course(courseId);
	const lesson = catalogue.lesson(`${courseId}/${lessonId}`);
	if (!course || !lesson) error(404, 'errors.notFound');
	const easy = event.url.searchParams.get('version') === 'easy';
	const chosen = chooseVersion(lesson, event.locals.locale, easy);
	if (!chosen) error(404, 'errors.notFound');
	return { catalogue, course, lesson, chosen };
}

export const load: PageServerLoad = async (event) => {
	const { catalogue, course, lesson, chosen } = findLesson(event);
	const { locale } = event.locals;
	await startLesson(event, lesson.key);
	const [statuses, best] = await Promise.all([learnerStatuses(event), learnerBestScores(event, lesson.key)]);
	const index = course.lessons.indexOf(lesson);
	const neighbour = (offset: number) => {
		const other = course.lessons[index + offset];
		const version = other && chooseVersion(other, locale);
		return other && version ? { id: other.id, title: version.lesson.title } : null;
	};
	const { quizzes, ...text } = chosen.lesson;
	return {
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

const answerForm = z.object({ quizId: z.string().max(80) });

async function answer(event: RequestEvent) {
	const { lesson, chosen } = findLesson(event);
	let form: FormData;
	try {
		form = await event.request.formData();
	} catch {
		return fail(400, { quiz: null, errors: fieldError('form', 'errors.badRequest') });
	}
	const parsed = answerForm.safeParse({ quizId: form.get('quizId') });
	const quiz = parsed.success ? chosen.lesson.quizzes.find((q) => q.id === parsed.data.quizId) : undefined;
	if (!quiz) return fail(400, { quiz: null, errors: fieldError('form', 'errors.invalid') });
	const raw: Record<string, string[]> = {};
	for (const [key, value] of form) if (typeof value === 'string' && key !== 'quizId') (raw[key] ??= []).push(value);
	const result = gradeQuiz(quiz, raw);
	if (!result) return fail(400, { quiz: quiz.id, errors: fieldError(quiz.id, 'learn.quiz.noAnswer') });
	await recordAttempt(event, lesson.key, quiz.id, result.score);
	return { quiz: quiz.id, result };
}

async function complete(event: RequestEvent) {
	const { lesson } = findLesson(event);
	const problem = await completeLesson(event, lesson);
	if (problem) return fail(400, { completed: false, errors: fieldError('form', problem) });
	return { completed: true };
}

export const actions: Actions = { answer, complete };
