/**
 * What a lesson page tells the components inside a lesson (.svx) file. The page sets it
 * before rendering the lesson; components such as <CodeExercise id="…" /> read it.
 */
import { getContext, setContext } from 'svelte';
import type { Exercise } from '$lib/content/schema';

export interface LessonContext {
	/** "course-id/lesson-id" */
	lessonKey: string;
	/** The language the lesson text is written in ("de", "en", …; "de" for easy German). */
	contentLocale: string;
	/** Code exercises from the lesson's frontmatter (quizzes stay on the server). */
	exercises: Exercise[];
}

const KEY = Symbol('lesson');

export function setLessonContext(context: () => LessonContext): void {
	setContext(KEY, context);
}

export function getLessonContext(): LessonContext {
	const context = getContext<(() => LessonContext) | undefined>(KEY);
	if (!context) throw new Error('Lesson components must be rendered inside a lesson page');
	return context();
}
