/**
 * The quiz editor as the server renders it: the form controls it writes are the ones
 * quizzesFromForm reads (a form sent unchanged gives back the quizzes it showed), every control
 * has a label, and the buttons that change the editor without JavaScript are there.
 */
import { render } from 'svelte/server';
import { describe, expect, it, vi } from 'vitest';
import QuizEditor from '../../src/lib/components/studio/QuizEditor.svelte';
import type { Quiz } from '../../src/lib/content/schema.ts';
import { quizEditorFields, quizzesFromForm } from '../../src/lib/server/studio/quiz-form.ts';

// Translations are checked elsewhere (tests/unit/translations.test.ts); here a key stands for its text.
vi.mock('$lib/i18n', () => ({ t: (key: string) => key }));

const QUIZZES: Quiz[] = [
	{
		id: 'enter-key',
		type: 'single',
		question: 'Welche Taste schickt ein Formular ab? <b>',
		options: [
			{ text: 'Enter', correct: true, feedback: 'Richtig: "Enter" schickt ab.' },
			{ text: 'Tab', correct: false, feedback: 'Tab springt weiter & wählt nichts.' }
		]
	},
	{
		id: 'strong',
		type: 'multiple',
		question: 'Welche sind stark?',
		options: [
			{ text: 'Möwe Teekanne Fahrrad', correct: true, feedback: 'Lang.' },
			{ text: '123456', correct: false, feedback: 'Zu kurz.' },
			{ text: 'Hafen Regen Kaffee', correct: true, feedback: 'Lang.' }
		]
	},
	{
		id: 'send-email',
		type: 'order',
		question: 'Reihenfolge?',
		items: ['Empfänger', 'Betreff', 'Senden'],
		feedback: { correct: 'Gut.', incorrect: 'Erst der Empfänger.' }
	},
	{
		id: 'browser',
		type: 'fill',
		question: 'Ein ___ öffnet Seiten.',
		answers: ['Browser'],
		feedback: { correct: 'Ja.', incorrect: "Gesucht: 'Browser'." }
	}
];

const decode = (text: string) =>
	text
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&amp;/g, '&');
const attribute = (tag: string, name: string) => {
	const match = new RegExp(`\\s${name}(?:="([^"]*)")?[\\s/>]`).exec(tag);
	return match ? decode(match[1] ?? '') : null;
};

/** What a browser sends for the rendered controls, untouched: text fields, hidden fields, checked boxes. */
function sentForm(html: string): FormData {
	const form = new FormData();
	for (const [control] of html.matchAll(/<input\b[^>]*>|<textarea\b[^>]*>[\s\S]*?<\/textarea>/g)) {
		const name = attribute(control, 'name');
		if (name === null) continue;
		if (control.startsWith('<textarea')) {
			form.append(name, decode(/>([\s\S]*?)<\/textarea>$/.exec(control)![1]!));
			continue;
		}
		const type = attribute(control, 'type') ?? 'text';
		if ((type === 'radio' || type === 'checkbox') && attribute(control, 'checked') === null) continue;
		form.append(name, attribute(control, 'value') ?? (type === 'checkbox' ? 'on' : ''));
	}
	return form;
}

describe('the rendered quiz editor', () => {
	const { body } = render(QuizEditor, { props: { fields: quizEditorFields(QUIZZES) } });

	it('sends back, untouched, exactly the quizzes it showed', () => {
		const form = sentForm(body);
		expect(form.getAll('quiz-0-correct')).toEqual(['0']);
		expect(quizzesFromForm(form)).toEqual({ ok: true, quizzes: QUIZZES });
	});

	it('labels every control it shows', () => {
		const ids = [...body.matchAll(/<(?:input|textarea)\b[^>]*>/g)]
			.filter(([tag]) => attribute(tag, 'type') !== 'hidden')
			.map(([tag]) => attribute(tag, 'id'));
		expect(ids.length).toBeGreaterThan(30);
		for (const id of ids) expect(body, `a label for #${id}`).toContain(`for="${id}"`);
	});

	it('offers a row more per quiz, removing each quiz, and no new quiz once there are four', () => {
		for (const q of [0, 1, 2, 3]) {
			expect(body).toContain(`value="add-row:${q}"`);
			expect(body).toContain(`value="remove-quiz:${q}"`);
		}
		expect(body).not.toContain('add-quiz:');
		const fewer = render(QuizEditor, { props: { fields: quizEditorFields(QUIZZES.slice(0, 1)) } }).body;
		for (const type of ['single', 'multiple', 'order', 'fill']) expect(fewer).toContain(`value="add-quiz:${type}"`);
	});

	it('shows each error next to its field, tied to it for screen readers', () => {
		const errors = {
			'quiz-0-option-1-feedback': 'quizEditor.errors.feedbackRequired',
			'quiz-0-correct': 'quizEditor.errors.oneCorrect'
		};
		const html = render(QuizEditor, { props: { fields: quizEditorFields(QUIZZES), errors } }).body;
		expect(html).toMatch(/id="field-quiz-0-option-1-feedback-error"[^>]*>quizEditor\.errors\.feedbackRequired</);
		expect(html).toMatch(/aria-describedby="field-quiz-0-option-1-feedback-error"/);
		expect(html).toMatch(/aria-describedby="quiz-0-options-hint field-quiz-0-correct-error"/);
	});
});
