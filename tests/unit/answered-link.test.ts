import { describe, expect, it } from 'vitest';
import { answeredSearch, readAnswered } from '../../src/lib/server/learning/answered-link.ts';

describe('the address of a quiz answer (post/redirect/get)', () => {
	it('carries the quiz and its answer, and gives them back', () => {
		const search = answeredSearch(new URLSearchParams('/answer'), 'charging-signs', { answer: ['0', '2'] });
		expect(search).toBe('?answered=charging-signs&answer=0&answer=2');
		expect(readAnswered(new URLSearchParams(search))).toEqual({
			quizId: 'charging-signs',
			answers: { answer: ['0', '2'] }
		});
	});

	it('keeps easy German and the order fields, and drops everything else', () => {
		const search = answeredSearch(new URLSearchParams('version=easy&/answer'), 'order', {
			'position-0': ['2'],
			'position-1': ['1'],
			quizId: ['order'],
			evil: ['x']
		});
		const params = new URLSearchParams(search);
		expect(params.get('version')).toBe('easy');
		expect(readAnswered(params)).toEqual({ quizId: 'order', answers: { 'position-0': ['2'], 'position-1': ['1'] } });
	});

	it('names no answer on a plain lesson address', () => {
		expect(readAnswered(new URLSearchParams(''))).toBeNull();
		expect(readAnswered(new URLSearchParams('version=easy'))).toBeNull();
	});

	it('cuts very long answers (an address has a length limit)', () => {
		const search = answeredSearch(new URLSearchParams(), 'fill', { answer: ['x'.repeat(5000)] });
		expect(readAnswered(new URLSearchParams(search))!.answers.answer![0]).toHaveLength(300);
	});
});
