/**
 * The rules of `content:check` (server/learning/content-check.ts) that apply to a lesson
 * written in the studio: the header fields and the quizzes by the shipped lessons' own zod
 * schema, headings that start at ## and never skip a level, alt text on every figure, links
 * only to lessons that exist. Each problem names its place (field, language, line) and a
 * translation key, so the editor shows it next to what needs fixing, in the author's language.
 * A lesson with problems can be saved as a draft but not published.
 */
import { parseDocument } from 'yaml';
import { z } from 'zod';
import {
	lessonFrontmatterSchema,
	quizSchema,
	quizStructure,
	type ContentLocale,
	type Quiz
} from '../../content/schema.ts';
import { parseBody, type BodyNotice } from './markdown.ts';

export type ProblemField =
	'minutes' | 'level' | 'competences' | 'prerequisites' | 'title' | 'summary' | 'body' | 'quizzes';

export interface Problem {
	field: ProblemField;
	/** The language version the problem is in; none for the shared fields. */
	locale?: ContentLocale;
	/** 1-based line in the body or the quizzes text. */
	line?: number;
	/** A key under `studio.problems.` in the translations. */
	key: string;
	params?: Record<string, string | number>;
}

export interface LessonMeta {
	minutes: number;
	level: string;
	competences: string[];
	prerequisites: string[];
}

export interface LessonText {
	locale: ContentLocale;
	title: string;
	summary: string;
	body: string;
	/** The quizzes as the shipped lessons' frontmatter writes them: a YAML (or JSON) list. */
	quizzes: string;
}

const shape = lessonFrontmatterSchema.shape;
const metaSchemas = {
	minutes: shape.minutes,
	level: shape.level,
	competences: shape.competences,
	prerequisites: shape.prerequisites
} as const;
const quizListSchema = z
	.array(quizSchema)
	.min(1)
	.max(4)
	.superRefine((quizzes, ctx) => {
		const ids = quizzes.map((q) => q.id);
		if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', message: 'quiz ids must be unique' });
	});

// The shipped schema's own rule messages, each with the words an author reads instead.
const QUIZ_RULES: Record<string, string> = {
	'a single-choice quiz needs exactly one correct option': 'quizSingleCorrect',
	'a multiple-choice quiz needs at least one correct option': 'quizMultipleCorrect',
	'order items must differ from each other': 'quizOrderDistinct',
	'a fill-in quiz needs ___ in its question': 'quizFillBlank',
	'quiz ids must be unique': 'quizIdsUnique'
};

const NOTICE_KEYS: Record<BodyNotice['kind'], string> = {
	'heading-one': 'headingOne',
	'image-not-alone': 'imageNotAlone',
	'image-source': 'imageSource',
	'link-target': 'linkTarget',
	nesting: 'nesting',
	'steps-without-list': 'stepsWithoutList',
	html: 'html'
};

/** The shared fields: minutes, level, competences, prerequisites (each must be an existing lesson). */
export function checkMeta(meta: LessonMeta, knownLessons: ReadonlySet<string>): Problem[] {
	const problems: Problem[] = [];
	for (const field of Object.keys(metaSchemas) as (keyof typeof metaSchemas)[]) {
		if (!metaSchemas[field].safeParse(meta[field]).success) problems.push({ field, key: field });
	}
	for (const prerequisite of meta.prerequisites) {
		if (/^[a-z0-9-]+\/[a-z0-9-]+$/.test(prerequisite) && !knownLessons.has(prerequisite))
			problems.push({ field: 'prerequisites', key: 'prerequisiteUnknown', params: { lesson: prerequisite } });
	}
	return problems;
}

/** The quizzes text as a list, or the problem that stops it being read. */
export function readQuizzes(text: string): { quizzes: Quiz[] } | { problems: Omit<Problem, 'locale'>[] } {
	const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
	if (document.errors.length) {
		const [error] = document.errors;
		const line = text.slice(0, error!.pos[0]).split('\n').length;
		return { problems: [{ field: 'quizzes', key: 'quizYaml', line }] };
	}
	const data: unknown = document.toJS() ?? [];
	const parsed = quizListSchema.safeParse(data);
	if (parsed.success) return { quizzes: parsed.data };
	// The union's own issue only says "none of the four types": check each quiz against its type.
	const issues = parsed.error.issues.flatMap((issue) => {
		const [index] = issue.path;
		if (issue.code !== 'invalid_union' || typeof index !== 'number' || !Array.isArray(data)) return [issue];
		const item: unknown = data[index];
		const type = typeof item === 'object' && item !== null && 'type' in item ? item.type : undefined;
		const branch = quizSchema.options.find((option) => option.shape.type.value === type);
		if (!branch) return [{ ...issue, path: [index, 'type'] }];
		const result = branch.safeParse(item);
		return result.success ? [] : result.error.issues.map((inner) => ({ ...inner, path: [index, ...inner.path] }));
	});
	return { problems: dedupe(issues.map(quizProblem)) };
}

function quizProblem(issue: z.core.$ZodIssue): Omit<Problem, 'locale'> {
	const [index, ...rest] = issue.path;
	const number = typeof index === 'number' ? index + 1 : 0;
	const rule = QUIZ_RULES[issue.message];
	if (rule) return { field: 'quizzes', key: rule, params: { number } };
	if (issue.path.length === 0)
		return { field: 'quizzes', key: issue.code === 'too_small' ? 'quizNone' : 'quizTooMany' };
	// A field of a quiz: its name is the schema's own word (question, options, feedback …).
	const place = rest.filter((part) => typeof part === 'string').join('.') || 'type';
	return { field: 'quizzes', key: 'quizField', params: { number, place } };
}

/** One language version: title, summary, body and quizzes. */
export function checkText(
	text: LessonText,
	knownLessons: ReadonlySet<string>
): { problems: Problem[]; quizzes: Quiz[] } {
	const { locale } = text;
	const problems: Problem[] = [];
	if (!shape.title.safeParse(text.title).success) problems.push({ field: 'title', locale, key: 'title' });
	if (!shape.summary.safeParse(text.summary).success) problems.push({ field: 'summary', locale, key: 'summary' });
	for (const problem of checkBody(text.body, knownLessons)) problems.push({ ...problem, locale });
	const read = readQuizzes(text.quizzes);
	if ('problems' in read) for (const problem of read.problems) problems.push({ ...problem, locale });
	return { problems, quizzes: 'quizzes' in read ? read.quizzes : [] };
}

/** The body's rules (content:check's 3, 4 and 5), on the tree the learner will see. */
export function checkBody(body: string, knownLessons: ReadonlySet<string>): Omit<Problem, 'locale'>[] {
	const problems: Omit<Problem, 'locale'>[] = [];
	if (body.trim() === '') return [{ field: 'body', key: 'bodyEmpty' }];
	const parsed = parseBody(body);
	for (const notice of parsed.notices)
		problems.push({ field: 'body', line: notice.line, key: NOTICE_KEYS[notice.kind] });
	// Headings: the title is the page's h1; the text starts at ## and goes down one level at a time.
	let previous = 1;
	for (const heading of parsed.headings) {
		if (heading.level > 1 && heading.level > previous + 1)
			problems.push({
				field: 'body',
				line: heading.line,
				key: previous === 1 ? 'headingStart' : 'headingSkip',
				params: { level: '#'.repeat(heading.level), expected: '#'.repeat(previous + 1) }
			});
		previous = Math.max(heading.level, 2);
	}
	for (const figure of parsed.figures) {
		if (figure.alt === '') problems.push({ field: 'body', line: figure.line, key: 'figureAlt' });
	}
	for (const link of parsed.lessonLinks) {
		if (!knownLessons.has(link.path.slice('/learn/'.length)))
			problems.push({ field: 'body', line: link.line, key: 'lessonLink', params: { address: link.path } });
	}
	return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/**
 * Translations keep the source's quizzes: same ids, types, correct positions, item counts
 * (as content:check compares every language with de.svx).
 */
export function compareQuizStructure(locale: ContentLocale, quizzes: Quiz[], source: Quiz[]): Problem[] {
	return quizStructure(quizzes) === quizStructure(source) ? [] : [{ field: 'quizzes', locale, key: 'quizStructure' }];
}

/** The whole lesson: shared fields, every language version, translations against the source. */
export function checkLesson(
	meta: LessonMeta,
	sourceLocale: ContentLocale,
	texts: LessonText[],
	knownLessons: ReadonlySet<string>
): Problem[] {
	const problems = checkMeta(meta, knownLessons);
	const checked = texts.map((text) => ({ text, ...checkText(text, knownLessons) }));
	const source = checked.find((entry) => entry.text.locale === sourceLocale);
	if (!source) problems.push({ field: 'title', locale: sourceLocale, key: 'sourceMissing' });
	for (const entry of checked) {
		problems.push(...entry.problems);
		if (source && entry !== source && entry.problems.length === 0 && source.problems.length === 0)
			problems.push(...compareQuizStructure(entry.text.locale, entry.quizzes, source.quizzes));
	}
	return problems;
}

function dedupe<T>(problems: T[]): T[] {
	const seen = new Set<string>();
	return problems.filter((problem) => {
		const key = JSON.stringify(problem);
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}
