import { describe, expect, it } from 'vitest';
import type { Quiz } from '../../src/lib/content/schema.ts';
import { displayOrder, gradeQuiz, normaliseWord, publicQuiz } from '../../src/lib/server/learning/grading.ts';

const single: Quiz = {
	id: 'enter',
	type: 'single',
	question: 'Which key sends?',
	options: [
		{ text: 'Enter', correct: true, feedback: 'Yes, Enter.' },
		{ text: 'Space', correct: false, feedback: 'Space makes a gap.' }
	]
};
const multiple: Quiz = {
	id: 'signs',
	type: 'multiple',
	question: 'Signs of phishing?',
	options: [
		{ text: 'Urgency', correct: true, feedback: 'Pressure is a sign.' },
		{ text: 'Odd sender', correct: true, feedback: 'Check the sender.' },
		{ text: 'Your name', correct: false, feedback: 'Real mails use it too.' }
	]
};
const order: Quiz = {
	id: 'steps',
	type: 'order',
	question: 'Order the steps',
	items: ['Open browser', 'Type address', 'Press Enter'],
	feedback: { correct: 'Right order.', incorrect: 'Browser first.' }
};
const fill: Quiz = {
	id: 'shift',
	type: 'fill',
	question: 'Hold ___ for capitals',
	answers: ['Shift', 'Umschalt'],
	feedback: { correct: 'Yes.', incorrect: 'It is Shift.' }
};

describe('grading a single-choice question', () => {
	it('gives full marks and that option’s feedback for the right option', () => {
		expect(gradeQuiz(single, { answer: ['0'] })).toMatchObject({
			score: 100,
			correct: true,
			options: [{ index: 0, feedback: 'Yes, Enter.' }]
		});
	});
	it('gives no marks and explains the wrong option', () => {
		expect(gradeQuiz(single, { answer: ['1'] })).toMatchObject({
			score: 0,
			correct: false,
			options: [{ feedback: 'Space makes a gap.' }]
		});
	});
	it('refuses no answer, two answers or an option that does not exist', () => {
		expect(gradeQuiz(single, {})).toBeNull();
		expect(gradeQuiz(single, { answer: ['0', '1'] })).toBeNull();
		expect(gradeQuiz(single, { answer: ['7'] })).toBeNull();
		expect(gradeQuiz(single, { answer: ['<script>'] })).toBeNull();
	});
});

describe('grading a multiple-choice question', () => {
	it('is correct only with all right options and no wrong one', () => {
		expect(gradeQuiz(multiple, { answer: ['0', '1'] })).toMatchObject({ score: 100, correct: true });
	});
	it('gives partial marks, minus wrong picks, and shows the missed right option', () => {
		const result = gradeQuiz(multiple, { answer: ['0'] })!;
		expect(result).toMatchObject({ score: 50, correct: false });
		expect(result.options.map((o) => [o.index, o.chosen])).toEqual([
			[0, true],
			[1, false]
		]);
		expect(gradeQuiz(multiple, { answer: ['0', '2'] })).toMatchObject({ score: 0, correct: false });
	});
});

describe('grading a put-in-order question', () => {
	it('is correct when every item has its place', () => {
		expect(gradeQuiz(order, { 'position-0': ['1'], 'position-1': ['2'], 'position-2': ['3'] })).toMatchObject({
			score: 100,
			correct: true,
			message: 'Right order.'
		});
	});
	it('scores the share of items in the right place', () => {
		expect(gradeQuiz(order, { 'position-0': ['1'], 'position-1': ['3'], 'position-2': ['2'] })).toMatchObject({
			score: 33,
			correct: false,
			message: 'Browser first.'
		});
	});
	it('refuses missing or out-of-range places', () => {
		expect(gradeQuiz(order, { 'position-0': ['1'], 'position-1': ['2'] })).toBeNull();
		expect(gradeQuiz(order, { 'position-0': ['1'], 'position-1': ['2'], 'position-2': ['9'] })).toBeNull();
	});
	it('shows the items shuffled the same way every time, never in the solved order', () => {
		expect(displayOrder('steps', 3)).toEqual(displayOrder('steps', 3));
		for (const id of ['a', 'b', 'steps', 'order-quiz', 'xyz']) {
			const shown = displayOrder(id, 4);
			expect([...shown].sort()).toEqual([0, 1, 2, 3]);
			expect(shown).not.toEqual([0, 1, 2, 3]);
		}
	});
});

describe('grading a fill-in question', () => {
	it('accepts any listed answer, ignoring case, spaces and final punctuation', () => {
		expect(gradeQuiz(fill, { answer: ['  shift. '] })).toMatchObject({ correct: true, score: 100 });
		expect(gradeQuiz(fill, { answer: ['UMSCHALT'] })).toMatchObject({ correct: true });
		expect(gradeQuiz(fill, { answer: ['Alt'] })).toMatchObject({ correct: false, message: 'It is Shift.' });
		expect(gradeQuiz(fill, { answer: ['  '] })).toBeNull();
	});
	it('compares Unicode text in normalised form', () => {
		expect(normaliseWord('Mo\u0308we')).toBe(normaliseWord('Möwe'));
	});
});

describe('what the browser sees before answering', () => {
	it('contains no correct flags, no feedback and no accepted answers', () => {
		const shown = JSON.stringify([single, multiple, order, fill].map(publicQuiz));
		expect(shown).not.toMatch(/correct|feedback|answers|Umschalt/);
	});
});
