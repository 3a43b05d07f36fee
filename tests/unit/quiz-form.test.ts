/**
 * The studio's quiz editor form: the quizzes it describes pass exactly the checks the shipped
 * lessons' quizzes pass (the content schema), every refusal names its field and a message
 * key, what the editor shows comes back unchanged, and hostile forms are refused, not crashes.
 */
import { describe, expect, it } from 'vitest';
import type { Quiz } from '../../src/lib/content/schema.ts';
import {
	quizEditorCommand,
	quizEditorFields,
	quizEditorFieldsFromForm,
	quizzesFromForm
} from '../../src/lib/server/studio/quiz-form.ts';
import { quizFormEntries } from '../../src/lib/studio/quiz-fields.ts';

const SINGLE: Quiz = {
	id: 'enter-key',
	type: 'single',
	question: 'Welche Taste schickt ein Formular ab?',
	options: [
		{ text: 'Enter', correct: true, feedback: 'Richtig: Enter schickt ab.' },
		{ text: 'Shift', correct: false, feedback: 'Shift schreibt große Buchstaben.' },
		{ text: 'Tab', correct: false, feedback: 'Tab springt zum nächsten Feld.' }
	]
};
const MULTIPLE: Quiz = {
	id: 'safe-passwords',
	type: 'multiple',
	question: 'Welche Passwörter sind stark?',
	options: [
		{ text: 'Möwe Teekanne Fahrrad Elbe', correct: true, feedback: 'Vier Wörter: lang und gut zu merken.' },
		{ text: '123456', correct: false, feedback: 'Das probieren Angreifer zuerst.' },
		{ text: 'Hafen Regen Kaffee Brücke', correct: true, feedback: 'Lang und zufällig.' }
	]
};
const ORDER: Quiz = {
	id: 'send-email',
	type: 'order',
	question: 'Bringen Sie die Schritte in die richtige Reihenfolge.',
	items: ['Empfänger eintragen', 'Betreff schreiben', 'Senden drücken'],
	feedback: { correct: 'Genau so.', incorrect: 'Erst der Empfänger, zuletzt Senden.' }
};
const FILL: Quiz = {
	id: 'browser-word',
	type: 'fill',
	question: 'Mit einem ___ öffnen Sie Internetseiten.',
	answers: ['Browser', 'Webbrowser'],
	feedback: { correct: 'Richtig.', incorrect: 'Gesucht ist das Wort Browser.' }
};

const formOf = (entries: [string, string | Blob][]) => {
	const form = new FormData();
	for (const [name, value] of entries) form.append(name, value);
	return form;
};
/** The form a browser sends for these quizzes as the editor shows them, with `changes` applied. */
function sent(quizzes: Quiz[], changes: Record<string, string | null> = {}, extra: [string, string][] = []) {
	const entries = quizFormEntries(quizEditorFields(quizzes))
		.filter(([name]) => changes[name] !== null)
		.map(([name, value]): [string, string] => [name, changes[name] ?? value]);
	for (const [name, value] of Object.entries(changes)) {
		if (value !== null && !entries.some(([n]) => n === name)) entries.push([name, value]);
	}
	return formOf([...entries, ...extra]);
}
const errorsOf = (form: FormData) => {
	const result = quizzesFromForm(form);
	return result.ok ? null : result.errors;
};

describe('a round trip through the editor', () => {
	it.each([SINGLE, MULTIPLE, ORDER, FILL])('gives back the $type quiz it showed', (quiz) => {
		expect(quizzesFromForm(sent([quiz]))).toEqual({ ok: true, quizzes: [quiz] });
	});

	it('keeps four quizzes of every type, in their order', () => {
		const quizzes = [FILL, SINGLE, ORDER, MULTIPLE];
		expect(quizzesFromForm(sent(quizzes))).toEqual({ ok: true, quizzes });
	});

	it('shows each quiz with an empty row to fill in, within the schema’s limits', () => {
		const [single, , order] = quizEditorFields([SINGLE, FILL, ORDER]);
		expect(single!.options).toHaveLength(4);
		expect(single!.options[3]).toEqual({ text: '', feedback: '', correct: false });
		expect(order!.rows).toEqual([...(ORDER as { items: string[] }).items, '']);
		const full = {
			...SINGLE,
			options: Array.from({ length: 6 }, (_, i) => ({ ...SINGLE.options[1]!, text: `${i}`, correct: i === 0 }))
		};
		const [shown] = quizEditorFields([full as Quiz]);
		expect([shown!.options.length, shown!.canAddRow]).toEqual([6, false]);
	});
});

describe('the content schema’s rules, each at its field', () => {
	const cases: [string, Quiz, Record<string, string | null>, Record<string, string>][] = [
		[
			'a single choice needs exactly one correct option',
			SINGLE,
			{ 'quiz-0-correct': null },
			{ 'quiz-0-correct': 'quizEditor.errors.oneCorrect' }
		],
		[
			'a multiple choice needs a correct option',
			MULTIPLE,
			{ 'quiz-0-option-0-correct': null, 'quiz-0-option-2-correct': null },
			{ 'quiz-0-correct': 'quizEditor.errors.someCorrect' }
		],
		[
			'every option needs feedback',
			SINGLE,
			{ 'quiz-0-option-1-feedback': ' ' },
			{ 'quiz-0-option-1-feedback': 'quizEditor.errors.feedbackRequired' }
		],
		[
			'a choice needs two options',
			SINGLE,
			{
				'quiz-0-option-1-text': '',
				'quiz-0-option-1-feedback': '',
				'quiz-0-option-2-text': '',
				'quiz-0-option-2-feedback': ''
			},
			{ 'quiz-0-options': 'quizEditor.errors.tooFewOptions' }
		],
		[
			'an option needs its text',
			MULTIPLE,
			{ 'quiz-0-option-1-text': '' },
			{ 'quiz-0-option-1-text': 'errors.required' }
		],
		['ids are kebab-case', SINGLE, { 'quiz-0-id': 'Enter_Key' }, { 'quiz-0-id': 'quizEditor.errors.id' }],
		['a quiz needs an id', ORDER, { 'quiz-0-id': '' }, { 'quiz-0-id': 'errors.required' }],
		['a quiz needs a question', FILL, { 'quiz-0-question': '' }, { 'quiz-0-question': 'errors.required' }],
		[
			'a question has at most 300 characters',
			ORDER,
			{ 'quiz-0-question': 'x'.repeat(301) },
			{ 'quiz-0-question': 'errors.tooLong' }
		],
		[
			'order items differ',
			ORDER,
			{ 'quiz-0-item-2': 'Betreff schreiben' },
			{ 'quiz-0-items': 'quizEditor.errors.itemsDiffer' }
		],
		[
			'order needs two items',
			ORDER,
			{ 'quiz-0-item-1': '', 'quiz-0-item-2': '' },
			{ 'quiz-0-items': 'quizEditor.errors.tooFewItems' }
		],
		[
			'a fill-in has ___ in its question',
			FILL,
			{ 'quiz-0-question': 'Womit öffnen Sie Internetseiten?' },
			{ 'quiz-0-question': 'quizEditor.errors.needsBlank' }
		],
		[
			'a fill-in has an answer',
			FILL,
			{ 'quiz-0-answer-0': '', 'quiz-0-answer-1': '' },
			{ 'quiz-0-answers': 'quizEditor.errors.answerRequired' }
		],
		[
			'an answer has at most 80 characters',
			FILL,
			{ 'quiz-0-answer-1': 'x'.repeat(81) },
			{ 'quiz-0-answer-1': 'errors.tooLong' }
		],
		[
			'order and fill-in need both feedbacks',
			ORDER,
			{ 'quiz-0-feedback-incorrect': '' },
			{ 'quiz-0-feedback-incorrect': 'errors.required' }
		]
	];
	it.each(cases)('%s', (_, quiz, changes, errors) => {
		expect(errorsOf(sent([quiz], changes))).toEqual(errors);
	});

	it('a lesson has at least one quiz: an editor left empty is refused', () => {
		expect(
			errorsOf(formOf(quizFormEntries(quizEditorFieldsFromForm(formOf([['quizEditor', 'add-quiz:single']])))))
		).toEqual({ quizzes: 'quizEditor.errors.noQuiz' });
		expect(errorsOf(formOf([]))).toEqual({ quizzes: 'quizEditor.errors.noQuiz' });
	});

	it('quiz ids are unique within the lesson', () => {
		expect(errorsOf(sent([SINGLE, { ...MULTIPLE, id: SINGLE.id }]))).toEqual({
			'quiz-1-id': 'quizEditor.errors.idTaken'
		});
	});

	it('the editor’s rules are the shipped lessons’: a quiz the schema accepts is accepted, trimmed as the schema trims', () => {
		const result = quizzesFromForm(sent([SINGLE], { 'quiz-0-question': '  Welche Taste schickt ab?  ' }));
		expect(result).toEqual({ ok: true, quizzes: [{ ...SINGLE, question: 'Welche Taste schickt ab?' }] });
	});

	it('reports every problem of every quiz at once', () => {
		const errors = errorsOf(
			sent([SINGLE, FILL], { 'quiz-0-correct': null, 'quiz-1-answer-0': '', 'quiz-1-answer-1': '' })
		);
		expect(errors).toEqual({
			'quiz-0-correct': 'quizEditor.errors.oneCorrect',
			'quiz-1-answers': 'quizEditor.errors.answerRequired'
		});
	});
});

describe('hostile forms', () => {
	it('refuses a second correct answer smuggled into a single choice', () => {
		expect(errorsOf(sent([SINGLE], {}, [['quiz-0-correct', '1']]))).toMatchObject({
			'quiz-0-correct': 'errors.invalid'
		});
	});

	it('refuses a field sent twice, a file instead of text, and an unknown type', () => {
		expect(errorsOf(sent([ORDER], {}, [['quiz-0-question', 'Noch eine Frage ___']]))).toEqual({
			'quiz-0-question': 'errors.invalid'
		});
		const withFile = sent([FILL]);
		withFile.set('quiz-0-question', new Blob(['<script>']), 'x.txt');
		expect(errorsOf(withFile)).toEqual({ 'quiz-0-question': 'errors.invalid' });
		expect(errorsOf(sent([FILL], { 'quiz-0-type': 'essay' }))).toEqual({ 'quiz-0-type': 'quizEditor.errors.type' });
	});

	it('refuses more quizzes or rows than any lesson may have, without reading them', () => {
		expect(errorsOf(sent([SINGLE], {}, [['quiz-99999-question', 'x']]))).toEqual({
			quizzes: 'quizEditor.errors.tooManyQuizzes'
		});
		expect(errorsOf(sent([SINGLE], {}, [['quiz-0-option-400-text', 'x']]))).toEqual({
			'quiz-0-options': 'quizEditor.errors.tooManyRows'
		});
		const seven = sent(
			[SINGLE],
			Object.fromEntries(
				[3, 4, 5, 6].flatMap((r) => [
					[`quiz-0-option-${r}-text`, `O${r}`],
					[`quiz-0-option-${r}-feedback`, 'f']
				])
			)
		);
		expect(errorsOf(seven)).toEqual({ 'quiz-0-options': 'quizEditor.errors.tooManyRows' });
	});

	it('refuses control characters and direction overrides, and keeps markup as the text it is', () => {
		expect(errorsOf(sent([SINGLE], { 'quiz-0-option-0-text': 'Enter\u0000' }))).toEqual({
			'quiz-0-option-0-text': 'errors.controlCharacters'
		});
		expect(errorsOf(sent([SINGLE], { 'quiz-0-option-0-text': '\u202Eretne' }))).toEqual({
			'quiz-0-option-0-text': 'errors.bidiControl'
		});
		const result = quizzesFromForm(sent([SINGLE], { 'quiz-0-option-0-text': '<img src=x onerror=alert(1)>' }));
		expect(result.ok && result.quizzes[0]!.type === 'single' && result.quizzes[0]!.options[0]!.text).toBe(
			'<img src=x onerror=alert(1)>'
		);
	});

	it('ignores fields that are not the editor’s (the rest of the lesson form)', () => {
		expect(
			quizzesFromForm(
				sent([ORDER], {}, [
					['title', 'Eine Lektion'],
					['quiz-x-id', 'y'],
					['quiz-0-secret', 'z']
				])
			)
		).toEqual({ ok: true, quizzes: [ORDER] });
	});
});

describe('changing the editor without JavaScript', () => {
	it('reads only the commands the editor has', () => {
		const command = (value: string) => quizEditorCommand(formOf([['quizEditor', value]]));
		expect(command('add-row:1')).toEqual({ kind: 'add-row', quiz: 1 });
		expect(command('add-quiz:fill')).toEqual({ kind: 'add-quiz', type: 'fill' });
		expect(command('remove-quiz:0')).toEqual({ kind: 'remove-quiz', quiz: 0 });
		for (const value of ['add-quiz:essay', 'add-row:x', 'drop-table:1', '']) expect(command(value)).toBeNull();
		expect(quizEditorCommand(formOf([]))).toBeNull();
	});

	it('shows one more row where asked, keeping what was typed, even when it is not valid yet', () => {
		const form = sent([SINGLE], { 'quiz-0-option-3-text': 'Strg', 'quiz-0-option-1-feedback': '' }, [
			['quizEditor', 'add-row:0']
		]);
		const [field] = quizEditorFieldsFromForm(form);
		expect(field!.options.map((o) => o.text)).toEqual(['Enter', 'Shift', 'Tab', 'Strg', '', '']);
		expect(field!.options[1]!.feedback).toBe('');
		expect(field!.options.filter((o) => o.correct).map((o) => o.text)).toEqual(['Enter']);
	});

	it('adds a quiz of the chosen type, and removes one, numbering the rest afresh', () => {
		const added = quizEditorFieldsFromForm(sent([SINGLE], {}, [['quizEditor', 'add-quiz:order']]));
		expect(added.map((f) => [f.index, f.type, f.rows.length])).toEqual([
			[0, 'single', 0],
			[1, 'order', 2]
		]);
		const removed = quizEditorFieldsFromForm(sent([SINGLE, FILL, ORDER], {}, [['quizEditor', 'remove-quiz:0']]));
		expect(removed.map((f) => [f.index, f.id])).toEqual([
			[0, FILL.id],
			[1, ORDER.id]
		]);
		expect(quizzesFromForm(formOf(quizFormEntries(removed)))).toEqual({ ok: true, quizzes: [FILL, ORDER] });
	});
});
