/**
 * The shape of lesson frontmatter and course files (content/README.md explains it to
 * authors). Used by the app and by `npm run content:check`; types are derived from here.
 */
import { z } from 'zod';

import { COMPETENCES, LEVELS } from './constants.ts';

export { COMPETENCES, CONTENT_LOCALES, DIGCOMP_AREAS, LEVELS } from './constants.ts';
export type { ContentLocale } from './constants.ts';

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case words joined by hyphens');
const text = (max: number) => z.string().trim().min(1).max(max);
const feedbackPair = z.object({ correct: text(400), incorrect: text(400) }).strict();
const option = z.object({ text: text(200), correct: z.boolean(), feedback: text(400) }).strict();

const singleChoice = z
	.object({ id, type: z.literal('single'), question: text(300), options: z.array(option).min(2).max(6) })
	.strict()
	.refine((q) => q.options.filter((o) => o.correct).length === 1, 'a single-choice quiz needs exactly one correct option');
const multipleChoice = z
	.object({ id, type: z.literal('multiple'), question: text(300), options: z.array(option).min(2).max(8) })
	.strict()
	.refine((q) => q.options.some((o) => o.correct), 'a multiple-choice quiz needs at least one correct option');
const putInOrder = z
	.object({ id, type: z.literal('order'), question: text(300), items: z.array(text(200)).min(2).max(6), feedback: feedbackPair })
	.strict()
	.refine((q) => new Set(q.items).size === q.items.length, 'order items must differ from each other');
const fillInWord = z
	.object({ id, type: z.literal('fill'), question: text(300), answers: z.array(text(80)).min(1), feedback: feedbackPair })
	.strict()
	.refine((q) => q.question.includes('___'), 'a fill-in quiz needs ___ in its question');

export const quizSchema = z.union([singleChoice, multipleChoice, putInOrder, fillInWord]);
export type Quiz = z.output<typeof quizSchema>;

export const exerciseSchema = z
	.object({
		id,
		language: z.enum(['js', 'html']).default('js'),
		prompt: text(500),
		starter: z.string().max(4000),
		checks: z.array(z.object({ description: text(300), test: text(1000) }).strict()).min(1).max(10)
	})
	.strict();
export type Exercise = z.output<typeof exerciseSchema>;

const lessonAddress = z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'course-id/lesson-id');

export const lessonFrontmatterSchema = z
	.object({
		title: text(80),
		summary: text(200),
		minutes: z.number().int().min(1).max(10),
		level: z.enum(LEVELS),
		competences: z.array(z.enum(COMPETENCES)).min(1).max(3),
		objectives: z.array(text(300)).min(1).max(5),
		prerequisites: z.array(lessonAddress).default([]),
		quizzes: z.array(quizSchema).min(1).max(4),
		exercises: z.array(exerciseSchema).optional()
	})
	.strict()
	.superRefine((lesson, ctx) => {
		const ids = lesson.quizzes.map((q) => q.id);
		if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', message: 'quiz ids must be unique', path: ['quizzes'] });
	});
export type LessonFrontmatter = z.output<typeof lessonFrontmatterSchema>;

export const courseStructureSchema = z
	.object({
		selfCheck: z.array(z.object({ id, competence: z.enum(COMPETENCES) }).strict()).min(3).max(8)
	})
	.strict();

export const courseTextSchema = z
	.object({ title: text(80), summary: text(300), selfCheck: z.record(z.string(), text(300)) })
	.strict();
export type CourseText = z.output<typeof courseTextSchema>;

/** The structure a translation must keep: ids, types, correct positions, item counts. */
export function quizStructure(quizzes: Quiz[]): string {
	return JSON.stringify(
		quizzes.map((q) => {
			switch (q.type) {
				case 'single':
				case 'multiple':
					return [q.id, q.type, q.options.map((o) => o.correct)];
				case 'order':
					return [q.id, q.type, q.items.length];
				case 'fill':
					return [q.id, q.type];
			}
		})
	);
}

/** What a translation must keep of the code exercises: everything but the words. */
export function exerciseStructure(exercises: Exercise[] | undefined): string {
	return JSON.stringify((exercises ?? []).map((e) => [e.id, e.language, e.starter, e.checks.map((c) => c.test)]));
}
