/** Studio lessons, made through the studio domain's own functions. */
import type { Db } from '../../src/lib/server/db/database.ts';
import type { LessonText } from '../../src/lib/server/studio/checks.ts';
import { createLesson, requireOwnLesson, type SaveInput } from '../../src/lib/server/studio/lessons.ts';

export const GOOD_QUIZZES = [
	'- id: enter-key',
	'  type: single',
	'  question: Mit welcher Taste schicken Sie eine Eingabe ab?',
	'  options:',
	'    - text: Eingabetaste',
	'      correct: true',
	'      feedback: Richtig. Die Eingabetaste bestätigt.',
	'    - text: Leertaste',
	'      correct: false',
	'      feedback: Die Leertaste macht einen Abstand.'
].join('\n');

export const goodText = (overrides: Partial<LessonText> = {}): LessonText => ({
	locale: 'de',
	title: 'Die Eingabetaste',
	summary: 'Eine Eingabe abschicken.',
	body: '## Die Taste\n\n::: tip\nSie ist groß.\n:::\n\nDrücken Sie die [[Eingabetaste|die große Taste rechts]].',
	quizzes: GOOD_QUIZZES,
	...overrides
});

export const saveInput = (text: Partial<LessonText> = {}): SaveInput => ({
	sourceLocale: 'de',
	meta: { minutes: 5, level: 'foundation', competences: ['1.1'], prerequisites: [] },
	text: goodText(text)
});

/** A lesson by `authorId`, read back as its author sees it. */
export async function makeStudioLesson(db: Db, authorId: string, text: Partial<LessonText> = {}, now = new Date()) {
	const id = await createLesson(db, authorId, saveInput(text), now);
	return requireOwnLesson(db, authorId, id);
}
