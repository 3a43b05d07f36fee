/**
 * Post/redirect/get for quiz answers. After an answer is graded and recorded, the browser is
 * sent (303) to the lesson page again, with the answer in the address; that page grades it
 * once more, only to show the feedback, and records nothing. So reloading the page or going
 * back to it never records a second attempt, with JavaScript or without (swap-forms.ts
 * follows the redirect and takes the quiz card from the page it gets).
 *
 * The address names the quiz and carries the answer's own form fields (`answer`, repeated
 * for checkboxes; `position-N` for order questions). Such addresses are not in the guest
 * page cache (guest-lesson-pages.ts keeps only the plain lesson addresses), so one guest's
 * feedback is never sent to another.
 */
import type { RawAnswer } from './grading.ts';

const QUIZ_PARAM = 'answered';
/** The page's own parameters, which are not part of an answer. */
const PAGE_PARAMS = new Set(['version', QUIZ_PARAM]);
const FIELD = /^(answer|position-\d{1,3})$/;

/** The query of the page that shows this answer's feedback (keeping ?version=easy). */
export function answeredSearch(pageParams: URLSearchParams, quizId: string, answers: RawAnswer): string {
	const search = new URLSearchParams();
	if (pageParams.get('version') === 'easy') search.set('version', 'easy');
	search.set(QUIZ_PARAM, quizId);
	for (const [field, values] of Object.entries(answers)) {
		if (!FIELD.test(field)) continue;
		for (const value of values) search.append(field, value.slice(0, 300));
	}
	return `?${search}`;
}

/** The answer an address carries, or null when it names none. */
export function readAnswered(search: URLSearchParams): { quizId: string; answers: RawAnswer } | null {
	const quizId = search.get(QUIZ_PARAM);
	if (!quizId) return null;
	const answers: RawAnswer = {};
	for (const [field, value] of search) {
		if (PAGE_PARAMS.has(field) || !FIELD.test(field)) continue;
		(answers[field] ??= []).push(value);
	}
	return { quizId, answers };
}
