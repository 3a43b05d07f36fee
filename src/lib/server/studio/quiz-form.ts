/**
 * The quiz editor's form on the server: the blocks to show for a lesson's quizzes, and the
 * quizzes a sent form describes, checked by the very schema `content:check` applies to the
 * shipped lessons (`quizSchema` in $lib/content/schema: one correct option in a single choice,
 * at least one in a multiple choice, feedback for every option, 2–6 different items to order,
 * `___` and an answer in a fill-in, kebab-case ids, the length limits) and the lesson's rules
 * about its quizzes (1–4 of them, ids unique). Errors are i18n keys by field name, so the
 * editor shows each next to its field. Field names: $lib/studio/quiz-fields.ts.
 */
import type { z } from 'zod';
import { lessonFrontmatterSchema, quizSchema, type Quiz } from '$lib/content/schema';
import {
	EDITOR_COMMAND,
	MAX_QUIZZES,
	MAX_ROWS,
	QUIZ_TYPES,
	QUIZZES_FIELD,
	quizFieldName as n,
	rowCount,
	type OptionRow,
	type QuizEditorField,
	type QuizType
} from '$lib/studio/quiz-fields';
import { plainText } from '../validation/text.ts';

export type { QuizEditorField } from '$lib/studio/quiz-fields';

export type QuizzesFromForm = { ok: true; quizzes: Quiz[] } | { ok: false; errors: Record<string, string> };

/** The editor's blocks for a lesson's quizzes: their values, and empty rows to add options. */
export function quizEditorFields(quizzes: readonly Quiz[]): QuizEditorField[] {
	return quizzes.map((quiz, index) => {
		const field = emptyField(index, quiz.type);
		field.id = quiz.id;
		field.question = quiz.question;
		if (quiz.type === 'single' || quiz.type === 'multiple') field.options = quiz.options.map((o) => ({ ...o }));
		else {
			field.rows = [...(quiz.type === 'order' ? quiz.items : quiz.answers)];
			field.feedbackCorrect = quiz.feedback.correct;
			field.feedbackIncorrect = quiz.feedback.incorrect;
		}
		return padRows(field, 0);
	});
}

function emptyField(index: number, type: QuizType): QuizEditorField {
	return {
		index,
		type,
		id: '',
		question: '',
		options: [],
		rows: [],
		feedbackCorrect: '',
		feedbackIncorrect: '',
		canAddRow: true
	};
}

const blankOption = (): OptionRow => ({ text: '', feedback: '', correct: false });

/** Adds the empty rows a block shows (one to fill in, at least two in all, `extra` more when asked). */
function padRows(field: QuizEditorField, extra: number): QuizEditorField {
	const choice = field.type === 'single' || field.type === 'multiple';
	const filled = choice ? field.options.length : field.rows.length;
	const count = rowCount(field.type, filled, extra);
	if (choice) while (field.options.length < count) field.options.push(blankOption());
	else while (field.rows.length < count) field.rows.push('');
	field.canAddRow = count < MAX_ROWS[field.type];
	return field;
}

// ---------------------------------------------------------------------------------------
// Reading a sent form

interface RawRow {
	text: string;
	feedback: string;
	checked: boolean;
}

interface RawQuiz {
	index: number;
	type: string;
	id: string;
	question: string;
	/** Option rows (single, multiple) or items / answers (order, fill), by their row number. */
	rows: Map<number, RawRow>;
	/** The values of a single choice's radio group (more than one is hostile input). */
	radio: string[];
	feedbackCorrect: string;
	feedbackIncorrect: string;
}

/** No quiz type has more rows than this (the content schema's largest limit). */
const ROW_LIMIT = Math.max(...Object.values(MAX_ROWS));
const FIELD =
	/^quiz-(\d{1,6})-(type|id|question|correct|feedback-correct|feedback-incorrect|(option|item|answer)-(\d{1,6})(?:-(text|feedback|correct))?)$/;
// Longer than any limit of the content schema, so the schema gives the message about length.
const sentText = plainText({ min: 0, max: 5000, multiline: true });

interface Gathered {
	quizzes: RawQuiz[];
	errors: Record<string, string>;
}

/** The form's quiz fields, by quiz and row; refuses what no editor sends (files, a field twice, too many). */
function gather(form: FormData): Gathered {
	const byIndex = new Map<number, RawQuiz>();
	const errors: Record<string, string> = {};
	const seen = new Set<string>();
	const fail = (field: string, key: string) => (errors[field] ??= key);
	for (const [name, value] of form) {
		const match = FIELD.exec(name);
		if (!match) continue;
		const q = Number(match[1]);
		const [, , part, rowKind, rowNumber, rowPart] = match;
		if (q >= MAX_QUIZZES) {
			fail(QUIZZES_FIELD, 'quizEditor.errors.tooManyQuizzes');
			continue;
		}
		if (typeof value !== 'string' || (seen.has(name) && part !== 'correct')) {
			fail(name, 'errors.invalid');
			continue;
		}
		seen.add(name);
		const text = sentText.safeParse(value);
		if (!text.success) {
			fail(name, text.error.issues[0]?.message ?? 'errors.invalid');
			continue;
		}
		let quiz = byIndex.get(q);
		if (!quiz) {
			quiz = {
				index: q,
				type: '',
				id: '',
				question: '',
				rows: new Map(),
				radio: [],
				feedbackCorrect: '',
				feedbackIncorrect: ''
			};
			byIndex.set(q, quiz);
		}
		if (rowKind && rowNumber) {
			const r = Number(rowNumber);
			if (r >= ROW_LIMIT) {
				fail(
					rowKind === 'option' ? n.options(q) : rowKind === 'item' ? n.items(q) : n.answers(q),
					'quizEditor.errors.tooManyRows'
				);
				continue;
			}
			const row = quiz.rows.get(r) ?? { text: '', feedback: '', checked: false };
			if (rowPart === 'feedback') row.feedback = text.data;
			else if (rowPart === 'correct') row.checked = true;
			else row.text = text.data;
			quiz.rows.set(r, row);
		} else if (part === 'correct') quiz.radio.push(text.data);
		else if (part === 'type') quiz.type = text.data;
		else if (part === 'id') quiz.id = text.data;
		else if (part === 'question') quiz.question = text.data;
		else if (part === 'feedback-correct') quiz.feedbackCorrect = text.data;
		else if (part === 'feedback-incorrect') quiz.feedbackIncorrect = text.data;
	}
	return { quizzes: [...byIndex.values()].sort((a, b) => a.index - b.index), errors };
}

const isBlankRow = (row: RawRow) => !row.text && !row.feedback && !row.checked;
const isBlankQuiz = (quiz: RawQuiz) =>
	!quiz.id &&
	!quiz.question &&
	!quiz.feedbackCorrect &&
	!quiz.feedbackIncorrect &&
	quiz.radio.length === 0 &&
	[...quiz.rows.values()].every(isBlankRow);

const isQuizType = (value: string): value is QuizType => (QUIZ_TYPES as readonly string[]).includes(value);

/** The filled rows in order, with the row number each came from (to name its field in an error). */
function filledRows(quiz: RawQuiz): [number, RawRow][] {
	return [...quiz.rows.entries()].filter(([, row]) => !isBlankRow(row)).sort(([a], [b]) => a - b);
}

/** The candidate quiz the content schema checks, as a lesson file would hold it. */
function candidate(quiz: RawQuiz, type: QuizType, rows: [number, RawRow][]): unknown {
	const base = { id: quiz.id, type, question: quiz.question };
	const feedback = { correct: quiz.feedbackCorrect, incorrect: quiz.feedbackIncorrect };
	switch (type) {
		case 'single':
			return {
				...base,
				options: rows.map(([r, row]) => ({
					text: row.text,
					correct: quiz.radio.includes(String(r)),
					feedback: row.feedback
				}))
			};
		case 'multiple':
			return {
				...base,
				options: rows.map(([, row]) => ({ text: row.text, correct: row.checked, feedback: row.feedback }))
			};
		case 'order':
			return { ...base, items: rows.map(([, row]) => row.text), feedback };
		case 'fill':
			return { ...base, answers: rows.map(([, row]) => row.text), feedback };
	}
}

const BRANCHES = new Map(quizSchema.options.map((branch) => [branch.shape.type.value as QuizType, branch]));

const lengthKey = (issue: z.core.$ZodIssue, required = 'errors.required') =>
	issue.code === 'too_big' ? 'errors.tooLong' : required;

/** The field an issue of the content schema is about, and the message for it. */
function placeIssue(issue: z.core.$ZodIssue, q: number, type: QuizType, rows: [number, RawRow][]): [string, string] {
	const [first, second, third] = issue.path;
	const row = (k: unknown) => rows[Number(k)]?.[0] ?? 0;
	if (issue.path.length === 0) {
		if (type === 'single') return [n.correct(q), 'quizEditor.errors.oneCorrect'];
		if (type === 'multiple') return [n.correct(q), 'quizEditor.errors.someCorrect'];
		if (type === 'order') return [n.items(q), 'quizEditor.errors.itemsDiffer'];
		return [n.question(q), 'quizEditor.errors.needsBlank'];
	}
	switch (first) {
		case 'id':
			return [n.id(q), issue.code === 'invalid_format' ? 'quizEditor.errors.id' : lengthKey(issue)];
		case 'question':
			return [n.question(q), lengthKey(issue)];
		case 'options':
			if (second === undefined)
				return [
					n.options(q),
					issue.code === 'too_big' ? 'quizEditor.errors.tooManyRows' : 'quizEditor.errors.tooFewOptions'
				];
			return third === 'feedback'
				? [n.optionFeedback(q, row(second)), lengthKey(issue, 'quizEditor.errors.feedbackRequired')]
				: [n.optionText(q, row(second)), lengthKey(issue)];
		case 'items':
			if (second === undefined)
				return [
					n.items(q),
					issue.code === 'too_big' ? 'quizEditor.errors.tooManyRows' : 'quizEditor.errors.tooFewItems'
				];
			return [n.item(q, row(second)), lengthKey(issue)];
		case 'answers':
			if (second === undefined) return [n.answers(q), 'quizEditor.errors.answerRequired'];
			return [n.answer(q, row(second)), lengthKey(issue)];
		case 'feedback':
			return [second === 'incorrect' ? n.feedbackIncorrect(q) : n.feedbackCorrect(q), lengthKey(issue)];
		default:
			return [n.question(q), 'errors.invalid'];
	}
}

/** The quizzes a sent editor form describes, or the errors by field name. Quiz blocks left wholly empty are left out. */
export function quizzesFromForm(form: FormData): QuizzesFromForm {
	const { quizzes: raw, errors } = gather(form);
	const quizzes: Quiz[] = [];
	const fail = (field: string, key: string) => (errors[field] ??= key);
	for (const quiz of raw) {
		if (isBlankQuiz(quiz)) continue;
		const q = quiz.index;
		if (!isQuizType(quiz.type)) {
			fail(n.type(q), 'quizEditor.errors.type');
			continue;
		}
		if (quiz.radio.length > 1) fail(n.correct(q), 'errors.invalid');
		// The schema's id pattern refuses an empty id too; say what is missing rather than how ids look.
		if (!quiz.id) fail(n.id(q), 'errors.required');
		const rows = filledRows(quiz);
		const parsed = BRANCHES.get(quiz.type)!.safeParse(candidate(quiz, quiz.type, rows));
		if (!parsed.success) {
			for (const issue of parsed.error.issues) fail(...placeIssue(issue, q, quiz.type, rows));
			continue;
		}
		const seenId = quizzes.some((other) => other.id === parsed.data.id);
		if (seenId) fail(n.id(q), 'quizEditor.errors.idTaken');
		quizzes.push(parsed.data as Quiz);
	}
	// The lesson's own rule about how many quizzes it has, from the same schema (a quiz that
	// failed its own checks already has its message, and is not counted as missing).
	const count = lessonFrontmatterSchema.shape.quizzes.safeParse(quizzes);
	if (!count.success && Object.keys(errors).length === 0) {
		fail(QUIZZES_FIELD, quizzes.length === 0 ? 'quizEditor.errors.noQuiz' : 'quizEditor.errors.tooManyQuizzes');
	}
	if (Object.keys(errors).length) return { ok: false, errors };
	return { ok: true, quizzes };
}

// ---------------------------------------------------------------------------------------
// Changing the editor without JavaScript

export type QuizEditorCommand =
	{ kind: 'add-row'; quiz: number } | { kind: 'add-quiz'; type: QuizType } | { kind: 'remove-quiz'; quiz: number };

/** The editor button the form was sent with ("add another option" …), or null for a plain save. */
export function quizEditorCommand(form: FormData): QuizEditorCommand | null {
	const value = form.get(EDITOR_COMMAND);
	if (typeof value !== 'string') return null;
	const [kind, argument = ''] = value.split(':');
	const index = /^\d{1,2}$/.test(argument) ? Number(argument) : -1;
	if (kind === 'add-row' && index >= 0) return { kind, quiz: index };
	if (kind === 'remove-quiz' && index >= 0) return { kind, quiz: index };
	if (kind === 'add-quiz' && isQuizType(argument)) return { kind, type: argument };
	return null;
}

/**
 * The editor's blocks again from what was sent, unchecked (a half-written quiz stays as it
 * was typed), with the command applied: a page without JavaScript posts the form with the
 * button it pressed, and the route answers with these blocks instead of saving.
 */
export function quizEditorFieldsFromForm(form: FormData, command = quizEditorCommand(form)): QuizEditorField[] {
	const fields = gather(form)
		.quizzes.filter((quiz) => isQuizType(quiz.type))
		.filter((quiz) => !(command?.kind === 'remove-quiz' && command.quiz === quiz.index))
		.map((quiz) => {
			const type = quiz.type as QuizType;
			const field = emptyField(quiz.index, type);
			Object.assign(field, {
				id: quiz.id,
				question: quiz.question,
				feedbackCorrect: quiz.feedbackCorrect,
				feedbackIncorrect: quiz.feedbackIncorrect
			});
			const rows = filledRows(quiz);
			if (type === 'single' || type === 'multiple')
				field.options = rows.map(([r, row]) => ({
					text: row.text,
					feedback: row.feedback,
					correct: type === 'single' ? quiz.radio.includes(String(r)) : row.checked
				}));
			else field.rows = rows.map(([, row]) => row.text);
			return padRows(field, command?.kind === 'add-row' && command.quiz === quiz.index ? 1 : 0);
		});
	if (command?.kind === 'add-quiz' && fields.length < MAX_QUIZZES) fields.push(padRows(emptyField(0, command.type), 0));
	// Numbered afresh, so the page sent next has no gaps.
	return fields.map((field, index) => ({ ...field, index }));
}
