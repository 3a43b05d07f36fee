/**
 * The curriculum as the server sees it, read from content/, and the form a learner who
 * knows every answer would send: for tests that must really pass a course.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Quiz } from '../../src/lib/content/schema.ts';
import { buildCatalogue, type Catalogue } from '../../src/lib/server/learning/catalogue.ts';

let catalogue: Catalogue | undefined;

/** The same catalogue the app builds (keys as import.meta.glob names them). */
export function contentCatalogue(): Catalogue {
	if (catalogue) return catalogue;
	const lessons: Record<string, string> = {};
	const courses: Record<string, string> = {};
	const root = 'content/courses';
	for (const course of readdirSync(root)) {
		for (const entry of readdirSync(join(root, course), { withFileTypes: true })) {
			const path = join(root, course, entry.name);
			if (entry.isFile() && entry.name.endsWith('.yaml')) courses[`/${path}`] = readFileSync(path, 'utf8');
			if (entry.isDirectory()) {
				for (const file of readdirSync(path).filter((name) => name.endsWith('.svx'))) {
					lessons[`/${join(path, file)}`] = readFileSync(join(path, file), 'utf8');
				}
			}
		}
	}
	catalogue = buildCatalogue(lessons, courses);
	return catalogue;
}

/** The German version's quizzes of a lesson ("course/lesson"). */
export function lessonQuizzes(lessonKey: string): Quiz[] {
	return contentCatalogue().lesson(lessonKey)?.versions.de?.quizzes ?? [];
}

/** Form fields that answer `quiz` fully right (the `answer` action's form). */
export function correctAnswerForm(quiz: Quiz): URLSearchParams {
	const form = new URLSearchParams({ quizId: quiz.id });
	switch (quiz.type) {
		case 'single':
		case 'multiple':
			quiz.options.forEach((option, index) => option.correct && form.append('answer', String(index)));
			break;
		case 'order':
			// Items are written in their right order; position-<item> is its place, from 1.
			quiz.items.forEach((_, index) => form.append(`position-${index}`, String(index + 1)));
			break;
		case 'fill':
			form.append('answer', quiz.answers[0]!);
			break;
	}
	return form;
}

/** Fields that answer `quiz`, but wrong (score 0 for choice questions). */
export function wrongAnswerForm(quiz: Quiz): URLSearchParams {
	const form = new URLSearchParams({ quizId: quiz.id });
	if (quiz.type === 'single' || quiz.type === 'multiple') {
		form.append('answer', String(quiz.options.findIndex((option) => !option.correct)));
	} else if (quiz.type === 'order') {
		quiz.items.forEach((_, index) => form.append(`position-${index}`, String(quiz.items.length - index)));
	} else {
		form.append('answer', 'zzz-not-the-answer');
	}
	return form;
}
