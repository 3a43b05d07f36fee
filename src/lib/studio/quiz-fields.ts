/**
 * The quiz editor's form, shared by the server (which reads a sent form, ../server/studio/
 * quiz-form.ts) and the component that renders it (../components/studio/QuizEditor.svelte):
 * the field names, and what each quiz's block shows. Nothing here checks anything; the
 * server validates with the content schema.
 *
 * Names are flat, so a form without JavaScript posts them as they are:
 *   quiz-<q>-type (hidden), quiz-<q>-id, quiz-<q>-question,
 *   single:   quiz-<q>-option-<r>-text / -feedback, and the radio quiz-<q>-correct = <r>
 *   multiple: quiz-<q>-option-<r>-text / -feedback / -correct (a checkbox, "on")
 *   order:    quiz-<q>-item-<r> (in the right order), quiz-<q>-feedback-correct / -incorrect
 *   fill:     quiz-<q>-answer-<r>, quiz-<q>-feedback-correct / -incorrect
 * Rows left empty are not part of the quiz: the editor always shows a few empty ones, and
 * the button `quizEditor=add-row:<q>` shows one more (see ../server/studio/quiz-form.ts).
 */
import type { Quiz } from '$lib/content/schema';

export type QuizType = Quiz['type'];
export const QUIZ_TYPES: readonly QuizType[] = ['single', 'multiple', 'order', 'fill'];

/** At most this many quizzes in a lesson, rows in a quiz (the content schema's limits). */
export const MAX_QUIZZES = 4;
export const MAX_ROWS: Readonly<Record<QuizType, number>> = { single: 6, multiple: 8, order: 6, fill: 8 };
/** Rows shown for a quiz: what it has, one empty row to fill in, and never fewer than two. */
export const MIN_ROWS = 2;

/** The name of the button that changes the editor instead of saving (without JavaScript). */
export const EDITOR_COMMAND = 'quizEditor';

export const quizFieldName = {
	type: (q: number) => `quiz-${q}-type`,
	id: (q: number) => `quiz-${q}-id`,
	question: (q: number) => `quiz-${q}-question`,
	/** The radio group of a single-choice quiz, and where "which is correct" errors go for both choice types. */
	correct: (q: number) => `quiz-${q}-correct`,
	optionText: (q: number, r: number) => `quiz-${q}-option-${r}-text`,
	optionFeedback: (q: number, r: number) => `quiz-${q}-option-${r}-feedback`,
	optionCorrect: (q: number, r: number) => `quiz-${q}-option-${r}-correct`,
	/** Where errors about the options (too few, too many) go. */
	options: (q: number) => `quiz-${q}-options`,
	item: (q: number, r: number) => `quiz-${q}-item-${r}`,
	items: (q: number) => `quiz-${q}-items`,
	answer: (q: number, r: number) => `quiz-${q}-answer-${r}`,
	answers: (q: number) => `quiz-${q}-answers`,
	feedbackCorrect: (q: number) => `quiz-${q}-feedback-correct`,
	feedbackIncorrect: (q: number) => `quiz-${q}-feedback-incorrect`
} as const;

/** Where an error about the quizzes as a whole goes (none, more than four). */
export const QUIZZES_FIELD = 'quizzes';

export interface OptionRow {
	text: string;
	feedback: string;
	correct: boolean;
}

/** One quiz's block in the editor: its position in the form, its type and the values of its fields. */
export interface QuizEditorField {
	index: number;
	type: QuizType;
	id: string;
	question: string;
	/** single and multiple: the option rows, empty ones included. */
	options: OptionRow[];
	/** order: the items in the right order; fill: the accepted answers (empty rows included). */
	rows: string[];
	feedbackCorrect: string;
	feedbackIncorrect: string;
	/** Whether the "add another row" button is shown (the quiz has room for one more). */
	canAddRow: boolean;
}

/** How many rows a quiz of `type` shows when `filled` of them are filled in, `extra` asked for on top. */
export function rowCount(type: QuizType, filled: number, extra = 0): number {
	return Math.min(MAX_ROWS[type], Math.max(MIN_ROWS, filled + 1) + extra);
}

/** What a browser sends for these blocks, in document order: the values a person did not change. */
export function quizFormEntries(fields: readonly QuizEditorField[]): [string, string][] {
	const entries: [string, string][] = [];
	const n = quizFieldName;
	for (const field of fields) {
		const q = field.index;
		entries.push([n.type(q), field.type], [n.id(q), field.id], [n.question(q), field.question]);
		if (field.type === 'single' || field.type === 'multiple') {
			field.options.forEach((option, r) => {
				entries.push([n.optionText(q, r), option.text]);
				if (option.correct)
					entries.push(field.type === 'single' ? [n.correct(q), String(r)] : [n.optionCorrect(q, r), 'on']);
				entries.push([n.optionFeedback(q, r), option.feedback]);
			});
		} else {
			field.rows.forEach((row, r) => entries.push([field.type === 'order' ? n.item(q, r) : n.answer(q, r), row]));
			entries.push([n.feedbackCorrect(q), field.feedbackCorrect], [n.feedbackIncorrect(q), field.feedbackIncorrect]);
		}
	}
	return entries;
}
