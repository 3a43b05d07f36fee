/**
 * Grading of the four quiz types. Runs on the server so quizzes work without JavaScript;
 * the answers never reach the browser before the learner has answered.
 */
import { z } from 'zod';
import type { Quiz } from '../../content/schema.ts';

export interface OptionFeedback {
	index: number;
	chosen: boolean;
	correct: boolean;
	feedback: string;
}

export interface QuizResult {
	quizId: string;
	/** 0–100 */
	score: number;
	correct: boolean;
	/** Feedback for each option a learner chose, and for correct options they missed. */
	options: OptionFeedback[];
	/** For order and fill questions. */
	message: string | null;
	/** The learner's answer as it came in, to show the form filled in again. */
	answer: string[];
}

/** A learner's raw answer: the form values (`answer` may repeat; order uses position-N). */
export type RawAnswer = Record<string, string[]>;

/**
 * An answer form: which quiz (one id), and every other field as the list of its values
 * (checkboxes repeat a name). What the answer means is gradeQuiz's business.
 */
export const answerForm = z.record(z.string(), z.union([z.string(), z.array(z.string())])).transform((form, ctx) => {
	const { quizId, ...fields } = form;
	// A form that names no quiz, or several, cannot be placed on the page: one message for it all.
	if (typeof quizId !== 'string' || quizId.length > 80) {
		ctx.addIssue({ code: 'custom', message: 'errors.invalid', path: [] });
		return z.NEVER;
	}
	const answers: RawAnswer = Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, [value].flat()]));
	return { quizId, answers };
});

export function normaliseWord(value: string): string {
	return value
		.normalize('NFC')
		.toLocaleLowerCase()
		.replace(/[\s\u200c]+/g, ' ')
		.replace(/^[\s"'„“«»]+|[\s"'„“«».,!?;:]+$/g, '')
		.trim();
}

/**
 * The order in which the items of an order question are shown: a fixed shuffle (the same
 * for everybody and every request, so that a form sent without JavaScript still matches),
 * never the solution itself.
 */
export function displayOrder(quizId: string, count: number): number[] {
	let seed = 0;
	for (const char of quizId) seed = (seed * 31 + char.charCodeAt(0)) >>> 0;
	const order = Array.from({ length: count }, (_, i) => i);
	for (let i = count - 1; i > 0; i--) {
		seed = (seed * 1103515245 + 12345) >>> 0;
		const j = seed % (i + 1);
		[order[i], order[j]] = [order[j]!, order[i]!];
	}
	if (order.every((value, i) => value === i) && count > 1) order.push(order.shift()!);
	return order;
}

export function gradeQuiz(quiz: Quiz, raw: RawAnswer): QuizResult | null {
	const answers = raw.answer ?? [];
	switch (quiz.type) {
		case 'single': {
			if (answers.length !== 1) return null;
			const index = Number(answers[0]);
			const option = quiz.options[index];
			if (!Number.isInteger(index) || !option) return null;
			return {
				quizId: quiz.id,
				score: option.correct ? 100 : 0,
				correct: option.correct,
				options: [{ index, chosen: true, correct: option.correct, feedback: option.feedback }],
				message: null,
				answer: answers
			};
		}
		case 'multiple': {
			const chosen = new Set<number>();
			for (const value of answers) {
				const index = Number(value);
				if (!Number.isInteger(index) || !quiz.options[index]) return null;
				chosen.add(index);
			}
			if (chosen.size === 0) return null;
			const rightOnes = quiz.options.filter((o) => o.correct).length;
			let hits = 0;
			let misses = 0;
			const options: OptionFeedback[] = [];
			quiz.options.forEach((option, index) => {
				const isChosen = chosen.has(index);
				if (isChosen && option.correct) hits++;
				if (isChosen && !option.correct) misses++;
				if (isChosen || option.correct)
					options.push({ index, chosen: isChosen, correct: option.correct, feedback: option.feedback });
			});
			const correct = hits === rightOnes && misses === 0;
			return {
				quizId: quiz.id,
				score: Math.round((Math.max(0, hits - misses) / rightOnes) * 100),
				correct,
				options,
				message: null,
				answer: [...chosen].map(String)
			};
		}
		case 'order': {
			// position-<item index> = the place (1…n) the learner gave that item.
			const count = quiz.items.length;
			const places: number[] = [];
			for (let item = 0; item < count; item++) {
				const place = Number(raw[`position-${item}`]?.[0]);
				if (!Number.isInteger(place) || place < 1 || place > count) return null;
				places.push(place);
			}
			const inPlace = places.filter((place, item) => place === item + 1).length;
			const correct = inPlace === count;
			return {
				quizId: quiz.id,
				score: Math.round((inPlace / count) * 100),
				correct,
				options: [],
				message: correct ? quiz.feedback.correct : quiz.feedback.incorrect,
				answer: places.map(String)
			};
		}
		case 'fill': {
			if (answers.length !== 1 || !answers[0]!.trim()) return null;
			const given = normaliseWord(answers[0]!);
			const correct = quiz.answers.some((accepted) => normaliseWord(accepted) === given);
			return {
				quizId: quiz.id,
				score: correct ? 100 : 0,
				correct,
				options: [],
				message: correct ? quiz.feedback.correct : quiz.feedback.incorrect,
				answer: [answers[0]!.slice(0, 80)]
			};
		}
	}
}

/** A quiz as the browser may see it before answering: no correct flags, no feedback. */
export function publicQuiz(quiz: Quiz) {
	switch (quiz.type) {
		case 'single':
		case 'multiple':
			return { id: quiz.id, type: quiz.type, question: quiz.question, options: quiz.options.map((o) => o.text) };
		case 'order': {
			const order = displayOrder(quiz.id, quiz.items.length);
			return {
				id: quiz.id,
				type: quiz.type,
				question: quiz.question,
				items: order.map((index) => ({ index, text: quiz.items[index]! }))
			};
		}
		case 'fill':
			return { id: quiz.id, type: quiz.type, question: quiz.question };
	}
}
export type PublicQuiz = ReturnType<typeof publicQuiz>;
