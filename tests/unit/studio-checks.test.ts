/**
 * Saving a studio lesson runs the rules of content:check that apply to it; each problem names
 * its field, language and line and a translation key the editor shows next to it.
 */
import { describe, expect, it } from 'vitest';
import { checkLesson, readQuizzes, type LessonMeta, type LessonText } from '../../src/lib/server/studio/checks.ts';

const known = new Set(['first-steps/keyboard']);
const meta: LessonMeta = {
	minutes: 5,
	level: 'foundation',
	competences: ['1.1'],
	prerequisites: ['first-steps/keyboard']
};
const singleQuiz = (correct: [boolean, boolean]) =>
	[
		'- id: enter-key',
		'  type: single',
		'  question: Mit welcher Taste schicken Sie eine Eingabe ab?',
		'  options:',
		'    - text: Eingabetaste',
		`      correct: ${correct[0]}`,
		'      feedback: Richtig.',
		'    - text: Leertaste',
		`      correct: ${correct[1]}`,
		'      feedback: Die Leertaste macht einen Abstand.'
	].join('\n');
const text = (overrides: Partial<LessonText> = {}): LessonText => ({
	locale: 'de',
	title: 'Die Eingabetaste',
	summary: 'Eine Eingabe abschicken.',
	body: '## Die Taste\n\nDrücken Sie sie. Mehr in [Die Tastatur](/learn/first-steps/keyboard).\n\n![Eine Tastatur](image:keys)',
	quizzes: singleQuiz([true, false]),
	...overrides
});

describe('studio lesson checks', () => {
	it('finds nothing wrong with a good lesson', () => {
		expect(checkLesson(meta, 'de', [text()], known)).toEqual([]);
	});

	it('checks the shared fields with the shipped header schema, and prerequisites against existing lessons', () => {
		const problems = checkLesson(
			{ minutes: 11, level: 'expert', competences: ['9.9'], prerequisites: ['first-steps/nowhere'] },
			'de',
			[text()],
			known
		);
		expect(problems).toEqual([
			{ field: 'minutes', key: 'minutes' },
			{ field: 'level', key: 'level' },
			{ field: 'competences', key: 'competences' },
			{ field: 'prerequisites', key: 'prerequisiteUnknown', params: { lesson: 'first-steps/nowhere' } }
		]);
	});

	it('places body problems on their line: heading levels, alt text, lesson links, refused links, too deep nesting', () => {
		const body = [
			'### Zu tief begonnen', // 1
			'',
			'![](image:keys)', // 3
			'',
			'[weg](/learn/first-steps/nowhere) und [böse](javascript:alert(1))', // 5
			'',
			'## Gut',
			'',
			'#### Übersprungen', // 9
			'',
			'>>>>>>>>>>>> tief' // 11
		].join('\n');
		const problems = checkLesson(meta, 'de', [text({ body })], known);
		expect(problems.map((p) => [p.field, p.locale, p.line, p.key])).toEqual([
			['body', 'de', 1, 'headingStart'],
			['body', 'de', 3, 'figureAlt'],
			['body', 'de', 5, 'linkTarget'],
			['body', 'de', 5, 'lessonLink'],
			['body', 'de', 9, 'headingSkip'],
			['body', 'de', 11, 'nesting']
		]);
	});

	it('checks quizzes with the shipped quiz schema and names the quiz and the rule', () => {
		expect(checkLesson(meta, 'de', [text({ quizzes: singleQuiz([true, true]) })], known)).toEqual([
			{ field: 'quizzes', locale: 'de', key: 'quizSingleCorrect', params: { number: 1 } }
		]);
		expect(
			readQuizzes(
				'- id: x\n  type: fill\n  question: Ohne Lücke\n  answers: [Wort]\n  feedback: {correct: Ja, incorrect: Nein}'
			)
		).toEqual({
			problems: [{ field: 'quizzes', key: 'quizFillBlank', params: { number: 1 } }]
		});
		expect(
			readQuizzes('- id: x\n  type: order\n  question: Q\n  items: [a]\n  feedback: {correct: Ja, incorrect: Nein}')
		).toEqual({
			problems: [{ field: 'quizzes', key: 'quizField', params: { number: 1, place: 'items' } }]
		});
		expect(readQuizzes('')).toEqual({ problems: [{ field: 'quizzes', key: 'quizNone' }] });
		expect(readQuizzes('- id: x\n  type: [unclosed')).toEqual({
			problems: [{ field: 'quizzes', key: 'quizYaml', line: 2 }]
		});
	});

	it('needs the source language, and translations keep the source quizzes’ structure', () => {
		expect(checkLesson(meta, 'de', [text({ locale: 'en' })], known)).toEqual([
			{ field: 'title', locale: 'de', key: 'sourceMissing' }
		]);
		expect(
			checkLesson(meta, 'de', [text(), text({ locale: 'en', quizzes: singleQuiz([false, true]) })], known)
		).toEqual([{ field: 'quizzes', locale: 'en', key: 'quizStructure' }]);
	});

	it('checks title and summary length per language', () => {
		expect(checkLesson(meta, 'de', [text({ title: ' ', summary: 'x'.repeat(201) })], known)).toEqual([
			{ field: 'title', locale: 'de', key: 'title' },
			{ field: 'summary', locale: 'de', key: 'summary' }
		]);
	});
});
