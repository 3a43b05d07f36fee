/**
 * `npm run content:check`: finds mistakes in the curriculum under content/ before they reach
 * learners (content/README.md describes the rules to authors). Plain functions over the file
 * tree, so the CLI (scripts/content-check.ts, run by tsx) and the unit tests share them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import {
	courseStructureSchema,
	courseTextSchema,
	exerciseStructure,
	lessonFrontmatterSchema,
	quizStructure,
	CONTENT_LOCALES,
	type ContentLocale,
	type Exercise,
	type LessonFrontmatter,
	type Quiz
} from '../../content/schema.ts';
import { parseCourseFilePath, parseLessonPath, splitFrontmatter, type LessonPath } from '../../content/paths.ts';

export interface Problem {
	/** Path relative to the checked root, with forward slashes. */
	file: string;
	message: string;
}

export interface CoverageRow {
	courseId: string;
	/** Lesson folders in the course. */
	lessons: number;
	/** Per language: how many of those lessons have a file in it. */
	translated: Record<ContentLocale, number>;
}

/** Column order of the coverage table. */
export const COVERAGE_LOCALES = [
	'de',
	'de-easy',
	'en',
	'tr',
	'ar',
	'uk',
	'ru',
	'fa',
	'pl'
] as const satisfies readonly ContentLocale[];

export const SIMULATIONS = ['phishing-inbox', 'card-reader-pin', 'address-change-form'] as const;

const REFERENCE_LOCALE = 'de';

interface LessonFile {
	file: string;
	path: LessonPath;
	/** Set when the header passed the schema. */
	frontmatter?: LessonFrontmatter;
}

interface CourseFolder {
	dir: string;
	courseId: string;
	courseOrder: number;
}

export function checkContent(rootDir: string): { problems: Problem[]; coverage: CoverageRow[] } {
	const root = path.resolve(rootDir);
	const problems: Problem[] = [];
	const report = (file: string, message: string) => problems.push({ file, message });

	const files = listFiles(root);
	const lessons: LessonFile[] = [];
	const bodies = new Map<LessonFile, { body: string; firstLine: number; data: unknown }>();

	for (const file of files) {
		if (!file.endsWith('.svx')) continue;
		const lessonPath = parseLessonPath(path.join(root, file));
		if (!lessonPath) {
			report(
				file,
				`not a lesson file: lessons live at courses/<NN>-<course-id>/<NN>-<lesson-id>/<locale>.svx, with <locale> one of ${CONTENT_LOCALES.join(', ')}`
			);
			continue;
		}
		const lesson: LessonFile = { file, path: lessonPath };
		lessons.push(lesson);
		const source = fs.readFileSync(path.join(root, file), 'utf8');
		const parts = splitFrontmatter(source);
		if (!parts) {
			report(file, 'missing header: the file must start with YAML frontmatter between two "---" lines');
			continue;
		}
		const yaml = readYaml(parts.frontmatter, 2);
		if ('error' in yaml) report(file, `header: ${yaml.error}`);
		else {
			const parsed = lessonFrontmatterSchema.safeParse(yaml.data);
			if (parsed.success) lesson.frontmatter = parsed.data;
			else for (const message of formatIssues(parsed.error.issues, yaml.data)) report(file, `header: ${message}`);
		}
		const firstLine = source.slice(0, source.length - parts.body.length).split('\n').length;
		bodies.set(lesson, { body: parts.body, firstLine, data: 'data' in yaml ? yaml.data : undefined });
	}

	// What exists, in any language.
	const lessonKeys = new Set(lessons.map((l) => l.path.key));
	const courseIds = new Set(lessons.map((l) => l.path.courseId));
	const courses = listCourseFolders(root);
	for (const course of courses) courseIds.add(course.courseId);

	for (const lesson of lessons) {
		const parsed = bodies.get(lesson);
		if (parsed) {
			for (const message of checkBody(parsed.body, parsed.data, lessonKeys, courseIds)) {
				report(
					lesson.file,
					message.line ? `line ${parsed.firstLine + message.line - 1}: ${message.text}` : message.text
				);
			}
		}
		for (const prerequisite of lesson.frontmatter?.prerequisites ?? []) {
			if (prerequisite === lesson.path.key)
				report(lesson.file, `header: prerequisites lists the lesson itself ("${prerequisite}")`);
			else if (!lessonKeys.has(prerequisite))
				report(lesson.file, `header: prerequisite "${prerequisite}" is not an existing lesson (course-id/lesson-id)`);
		}
	}

	// Same lesson or course id in two numbered folders would give two pages one address.
	reportDuplicateIds(lessons, report);
	for (const [courseId, folders] of groupBy(courses, (c) => c.courseId)) {
		if (folders.length > 1) report(folders[1]!.dir, `course id "${courseId}" is also used by ${folders[0]!.dir}`);
	}

	// Translations keep the structure of the German reference.
	const byLesson = groupBy(lessons, (l) => lessonDir(l.file));
	for (const [dir, versions] of byLesson) {
		const reference = versions.find((v) => v.path.contentLocale === REFERENCE_LOCALE);
		if (!reference) {
			const present = versions.map((v) => path.posix.basename(v.file)).join(', ');
			report(
				`${dir}/de.svx`,
				`missing: every lesson needs de.svx (German is the reference version); this lesson has only ${present}`
			);
			continue;
		}
		if (!reference.frontmatter) continue;
		for (const version of versions) {
			if (version === reference || !version.frontmatter) continue;
			for (const message of compareQuizzes(version.frontmatter.quizzes, reference.frontmatter.quizzes))
				report(version.file, message);
			for (const message of compareExercises(version.frontmatter.exercises, reference.frontmatter.exercises))
				report(version.file, message);
		}
	}

	// Course files.
	for (const course of courses) {
		const courseLessons = lessons.filter((l) => l.file.startsWith(`${course.dir}/`));
		for (const message of checkCourse(root, course, courseLessons)) report(message.file, message.message);
	}

	problems.sort((a, b) => compareText(a.file, b.file));
	return { problems, coverage: buildCoverage(courses, lessons) };
}

/** The coverage as a text table: one row per course, "translated / lessons" per language. */
export function formatCoverage(coverage: CoverageRow[]): string {
	const header = ['course', ...COVERAGE_LOCALES];
	const rows = coverage.map((row) => [
		row.courseId,
		...COVERAGE_LOCALES.map((locale) => `${row.translated[locale]}/${row.lessons}`)
	]);
	const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((r) => r[i]!.length)));
	const line = (cells: string[]) =>
		cells
			.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
			.join('  ')
			.trimEnd();
	return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

// ---------------------------------------------------------------------------------------
// Files

function listFiles(root: string): string[] {
	const found: string[] = [];
	const walk = (dir: string, prefix: string) => {
		const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => compareText(a.name, b.name));
		for (const entry of entries) {
			if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
			const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
			if (entry.isDirectory()) walk(path.join(dir, entry.name), relative);
			else if (entry.isFile()) found.push(relative);
		}
	};
	walk(root, '');
	return found;
}

/** Folders directly under courses/ named like a course ("01-first-steps"). */
function listCourseFolders(root: string): CourseFolder[] {
	const coursesDir = path.join(root, 'courses');
	if (!fs.existsSync(coursesDir)) return [];
	const folders: CourseFolder[] = [];
	for (const entry of fs.readdirSync(coursesDir, { withFileTypes: true })) {
		if (!entry.isDirectory()) continue;
		const parsed = parseCourseFilePath(path.join(coursesDir, entry.name, 'course.yaml'));
		if (parsed)
			folders.push({ dir: `courses/${entry.name}`, courseId: parsed.courseId, courseOrder: parsed.courseOrder });
	}
	return folders.sort((a, b) => a.courseOrder - b.courseOrder || compareText(a.dir, b.dir));
}

const lessonDir = (file: string) => path.posix.dirname(file);
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
	const groups = new Map<string, T[]>();
	for (const item of items) {
		const k = key(item);
		const group = groups.get(k);
		if (group) group.push(item);
		else groups.set(k, [item]);
	}
	return groups;
}

function reportDuplicateIds(lessons: LessonFile[], report: (file: string, message: string) => void) {
	const dirsByKey = new Map<string, Set<string>>();
	for (const lesson of lessons) {
		const dirs = dirsByKey.get(lesson.path.key) ?? new Set<string>();
		dirs.add(lessonDir(lesson.file));
		dirsByKey.set(lesson.path.key, dirs);
	}
	for (const [key, dirs] of dirsByKey) {
		const [first, ...others] = [...dirs].sort(compareText);
		for (const other of others) report(other, `lesson address "${key}" is also used by ${first}`);
	}
}

/** Parses YAML; errors name the line in the file (`firstLine` is the file line of the YAML's line 1). */
function readYaml(text: string, firstLine: number): { data: unknown } | { error: string } {
	const doc = parseDocument(text);
	const error = doc.errors[0];
	if (error) {
		const where = error.linePos?.[0];
		const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
		return { error: `YAML syntax error${where ? ` (line ${where.line + firstLine - 1})` : ''}: ${message}` };
	}
	return { data: doc.toJS() as unknown };
}

// ---------------------------------------------------------------------------------------
// Schema messages

type Issue = z.core.$ZodIssue;

/** Turns zod issues into one line each, with the path named the way authors think of it. */
function formatIssues(issues: readonly Issue[], data: unknown, prefix: PropertyKey[] = []): string[] {
	const messages: string[] = [];
	for (const issue of issues) {
		const fullPath = [...prefix, ...issue.path];
		if (issue.code === 'invalid_union') {
			// A quiz is one of four shapes; report against the shape its `type` asks for.
			const matching = issue.errors.filter((branch) => !branch.some(isTypeMismatch));
			if (matching.length === 1) {
				messages.push(...formatIssues(matching[0]!, data, fullPath));
				continue;
			}
			const types = issue.errors.flatMap((branch) =>
				branch.filter(isTypeMismatch).flatMap((i) => (i.code === 'invalid_value' ? i.values : []))
			);
			if (matching.length === 0 && types.length > 0) {
				messages.push(
					`${describePath([...fullPath, 'type'], data)}: must be one of ${types.map((t) => `"${String(t)}"`).join(', ')}`
				);
				continue;
			}
		}
		const where = describePath(fullPath, data);
		messages.push(where ? `${where}: ${describeIssue(issue, fullPath, data)}` : describeIssue(issue, fullPath, data));
	}
	return messages;
}

const isTypeMismatch = (issue: Issue) =>
	issue.code === 'invalid_value' && issue.path.length === 1 && issue.path[0] === 'type';

function valueAt(data: unknown, at: readonly PropertyKey[]): unknown {
	let node = data;
	for (const key of at) {
		if (node === null || typeof node !== 'object') return undefined;
		node = (node as Record<PropertyKey, unknown>)[key];
	}
	return node;
}

const ITEM_NAMES: Record<string, string> = {
	quizzes: 'quiz',
	exercises: 'exercise',
	options: 'option',
	items: 'item',
	checks: 'check',
	objectives: 'objective',
	competences: 'competence',
	prerequisites: 'prerequisite',
	answers: 'answer',
	selfCheck: 'selfCheck'
};

/** ['quizzes', 0, 'options', 1, 'feedback'] → `quiz "enter-key", option 2, feedback` */
function describePath(at: readonly PropertyKey[], data: unknown): string {
	const parts: string[] = [];
	for (let i = 0; i < at.length; i++) {
		const key = at[i]!;
		const next = at[i + 1];
		if (typeof key === 'string' && typeof next === 'number' && ITEM_NAMES[key]) {
			const itemId = valueAt(data, [...at.slice(0, i + 2), 'id']);
			parts.push(
				typeof itemId === 'string' && itemId ? `${ITEM_NAMES[key]} "${itemId}"` : `${ITEM_NAMES[key]} ${next + 1}`
			);
			i++;
		} else parts.push(typeof key === 'number' ? `${key + 1}` : String(key));
	}
	return parts.join(', ');
}

function describeIssue(issue: Issue, at: readonly PropertyKey[], data: unknown): string {
	const missing = issue.code === 'invalid_type' && valueAt(data, at) === undefined;
	if (missing) {
		const last = at[at.length - 1];
		if (last === 'feedback' && at[at.length - 3] === 'options')
			return 'is missing (every option needs feedback that says why it is right or wrong)';
		return 'is missing';
	}
	if (at.length === 0 && issue.code === 'invalid_type') return `must be a YAML mapping of fields (${issue.message})`;
	if (issue.code === 'unrecognized_keys')
		return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
	return issue.message;
}

// ---------------------------------------------------------------------------------------
// Lesson text

interface BodyMessage {
	/** 1-based line in the body; 0 for the whole file. */
	line: number;
	text: string;
}

/**
 * Replaces what the checks must not look at with spaces, keeping line and column positions:
 * the leading <script> block(s), fenced code blocks and HTML comments.
 */
function maskBody(body: string): string {
	let text = body;
	const blank = (from: number, to: number) => {
		text = text.slice(0, from) + text.slice(from, to).replace(/[^\n]/g, ' ') + text.slice(to);
	};
	// Leading <script> blocks (also <script context="module">).
	const scriptAt = /^(?:\s*)<script\b[^>]*>[\s\S]*?<\/script\s*>/;
	let offset = 0;
	for (let match = scriptAt.exec(text); match; match = scriptAt.exec(text.slice(offset))) {
		blank(offset, offset + match[0].length);
		offset += match[0].length;
	}
	// Fenced code blocks, line by line (CommonMark: closing fence of the same character, at least as long).
	const lines = text.split('\n');
	let fence: { char: string; length: number } | null = null;
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i]!;
		const marker = /^\s*(`{3,}|~{3,})(.*)$/.exec(line);
		if (fence) {
			if (marker && marker[1]![0] === fence.char && marker[1]!.length >= fence.length && marker[2]!.trim() === '')
				fence = null;
			lines[i] = ' '.repeat(line.length);
		} else if (marker && !(marker[1]![0] === '`' && marker[2]!.includes('`'))) {
			fence = { char: marker[1]![0]!, length: marker[1]!.length };
			lines[i] = ' '.repeat(line.length);
		}
	}
	text = lines.join('\n');
	// HTML comments.
	for (const match of text.matchAll(/<!--[\s\S]*?-->/g)) blank(match.index, match.index + match[0].length);
	return text;
}

/** Blanks inline code spans (`code`), where Markdown and components are just text. */
function maskInlineCode(text: string): string {
	return text.replace(/(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g, (span) => span.replace(/[^\n]/g, ' '));
}

const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;

/** `<Name a="b" c='d' e={f} g />` → attributes; the regex allows ">" inside quoted values. */
function tagsNamed(text: string, name: string): { index: number; attributes: Map<string, string | null> }[] {
	const pattern = new RegExp(`<${name}(?=[\\s/>])((?:[^>"'{]|"[^"]*"|'[^']*'|\\{[^}]*\\})*)>`, 'g');
	return [...text.matchAll(pattern)].map((match) => {
		const attributes = new Map<string, string | null>();
		for (const attr of match[1]!.matchAll(
			/([A-Za-z_:][\w:.-]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|(\{[^}]*\})|([^\s"'>/]+)))?/g
		)) {
			attributes.set(attr[1]!, attr[2] ?? attr[3] ?? attr[4] ?? attr[5] ?? null);
		}
		return { index: match.index, attributes };
	});
}

function checkBody(body: string, data: unknown, lessonKeys: Set<string>, courseIds: Set<string>): BodyMessage[] {
	const messages: BodyMessage[] = [];
	const masked = maskBody(body);
	const prose = maskInlineCode(masked);
	const lines = prose.split('\n');

	// 4. Headings: the title is the page's h1, the text starts at ## and goes down one level at a time.
	let previous = 1;
	lines.forEach((line, i) => {
		const atx = /^ {0,3}(#{1,6})(?:[ \t]|$)/.exec(line);
		const html = /^\s*<h([1-6])[\s>]/i.exec(line);
		const setextH1 = i > 0 && /^ {0,3}=+\s*$/.test(line) && /^ {0,3}[^\s#>\-*+|<]/.test(lines[i - 1]!) ? 1 : 0;
		const level = atx ? atx[1]!.length : html ? Number(html[1]) : setextH1;
		if (!level) return;
		const shown = '#'.repeat(level);
		if (level === 1)
			messages.push({
				line: i + 1,
				text: 'heading "#" (level 1) in the text: the lesson title is the page\'s only level-1 heading; start at "##"'
			});
		else if (level > previous + 1) {
			messages.push({
				line: i + 1,
				text:
					previous === 1
						? `the first heading is "${shown}"; headings in the text start at "##"`
						: `heading "${shown}" skips a level after "${'#'.repeat(previous)}"; use "${'#'.repeat(previous + 1)}"`
			});
		}
		previous = level;
	});

	// 3. Images need alt text.
	for (const match of prose.matchAll(/!\[([^\]]*)\](?:\(\s*<?([^)\s>]*)[^)]*\)|\[[^\]]*\])/g)) {
		if (match[1]!.trim() === '')
			messages.push({
				line: lineOf(prose, match.index),
				text: `image${match[2] ? ` "${match[2]}"` : ''} has no alt text: write what it shows between the brackets, ![like this](${match[2] || 'src'})`
			});
	}
	for (const tag of tagsNamed(prose, 'Figure')) {
		const alt = tag.attributes.get('alt');
		if (alt === undefined || alt === null || alt.trim() === '') {
			const src = tag.attributes.get('src');
			messages.push({
				line: lineOf(prose, tag.index),
				text: `<Figure${src ? ` src="${src}"` : ''}> has no alt text: add alt="what the picture shows"`
			});
		}
	}
	for (const tag of tagsNamed(prose, 'img')) {
		if (!tag.attributes.has('alt')) {
			const src = tag.attributes.get('src');
			messages.push({
				line: lineOf(prose, tag.index),
				text: `<img${src ? ` src="${src}"` : ''}> has no alt attribute`
			});
		}
	}

	// 5. Links to lessons must lead somewhere.
	const linkTargets = [
		...[...prose.matchAll(/\]\(\s*<?(\/[^)\s>]*)/g)].map((m) => ({ index: m.index, href: m[1]! })),
		...[...prose.matchAll(/^ {0,3}\[[^\]]+\]:\s*<?(\/\S*?)>?(?:\s|$)/gm)].map((m) => ({ index: m.index, href: m[1]! })),
		...[...prose.matchAll(/\bhref\s*=\s*["'](\/[^"']*)["']/g)].map((m) => ({ index: m.index, href: m[1]! }))
	];
	for (const { index, href } of linkTargets) {
		const line = lineOf(prose, index);
		const address = href.replace(/[?#].*$/, '').replace(/\/$/, '');
		if (/^\/[a-z]{2}(?:-[a-z]+)?\/learn(?:\/|$)/.test(address)) {
			messages.push({
				line,
				text: `link "${href}" names a language: write /learn/… without it, Lotse adds the reader's language`
			});
			continue;
		}
		if (address !== '/learn' && !address.startsWith('/learn/')) continue;
		const segments = address.split('/').slice(2);
		if (segments.length === 1) {
			if (!courseIds.has(segments[0]!))
				messages.push({ line, text: `link "${href}" leads to a course that does not exist` });
		} else if (segments.length === 2) {
			if (!lessonKeys.has(segments.join('/')))
				messages.push({ line, text: `link "${href}" leads to a lesson that does not exist` });
		} else if (segments.length > 2)
			messages.push({ line, text: `link "${href}" is not a lesson address (/learn/course-id/lesson-id)` });
	}

	// 8. Components that name something.
	// (skipped while the header is unreadable: then its exercises are unknown)
	const exercises = valueAt(data, ['exercises']);
	const exerciseIds = Array.isArray(exercises)
		? exercises.map((e) => valueAt(e, ['id'])).filter((id): id is string => typeof id === 'string')
		: [];
	const placed = new Set<string>();
	for (const tag of tagsNamed(prose, 'CodeExercise')) {
		const id = tag.attributes.get('id');
		const line = lineOf(prose, tag.index);
		if (data === undefined) continue;
		if (typeof id !== 'string' || id === '' || id.startsWith('{'))
			messages.push({ line, text: '<CodeExercise> needs id="…" naming an exercise in the header' });
		else if (!exerciseIds.includes(id)) {
			messages.push({
				line,
				text: `<CodeExercise id="${id}" /> names no exercise in this file's header (${exerciseIds.length ? `exercises: ${exerciseIds.join(', ')}` : 'it has no exercises'})`
			});
		} else placed.add(id);
	}
	for (const id of exerciseIds) {
		if (!placed.has(id))
			messages.push({
				line: 0,
				text: `header: exercise "${id}" is never shown: place it in the text with <CodeExercise id="${id}" />`
			});
	}
	for (const tag of tagsNamed(prose, 'Simulation')) {
		const name = tag.attributes.get('name');
		if (typeof name !== 'string' || !(SIMULATIONS as readonly string[]).includes(name)) {
			messages.push({
				line: lineOf(prose, tag.index),
				text: `<Simulation name="${name ?? ''}" /> is not a simulation Lotse has; use one of ${SIMULATIONS.join(', ')}`
			});
		}
	}

	// 9. Curly braces are Svelte expressions outside code blocks (inline code included).
	masked.split('\n').forEach((line, i) => {
		const braces = [...new Set(line.match(/[{}]/g) ?? [])];
		if (braces.length) {
			messages.push({
				line: i + 1,
				text: `curly brace ${braces.map((b) => `"${b}"`).join(' and ')} outside a fenced code block: mdsvex reads it as Svelte code; move code into a \`\`\` block or reword`
			});
		}
	});

	return messages.sort((a, b) => a.line - b.line);
}

// ---------------------------------------------------------------------------------------
// Translations

function compareQuizzes(own: Quiz[], reference: Quiz[]): string[] {
	if (quizStructure(own) === quizStructure(reference)) return [];
	const intro = 'quiz structure differs from de.svx';
	if (own.length !== reference.length) {
		return [
			`${intro}: ${own.length} quizzes (${own.map((q) => q.id).join(', ')}), de.svx has ${reference.length} (${reference.map((q) => q.id).join(', ')})`
		];
	}
	const messages: string[] = [];
	own.forEach((quiz, i) => {
		const de = reference[i]!;
		if (quizStructure([quiz]) === quizStructure([de])) return;
		const label = `quiz ${i + 1} "${quiz.id}"`;
		if (quiz.id !== de.id)
			messages.push(`${intro}: ${label} has id "${quiz.id}", de.svx has "${de.id}" there (keep ids and their order)`);
		else if (quiz.type !== de.type) messages.push(`${intro}: ${label} is type "${quiz.type}", in de.svx "${de.type}"`);
		else if ((quiz.type === 'single' || quiz.type === 'multiple') && (de.type === 'single' || de.type === 'multiple')) {
			const flags = (q: typeof quiz) =>
				'options' in q ? q.options.map((o) => (o.correct ? 'correct' : 'wrong')).join(', ') : '';
			messages.push(
				`${intro}: ${label} options are [${flags(quiz)}], in de.svx [${flags(de)}] (same number of options, correct ones in the same positions)`
			);
		} else if (quiz.type === 'order' && de.type === 'order') {
			messages.push(`${intro}: ${label} has ${quiz.items.length} items, in de.svx ${de.items.length}`);
		} else messages.push(`${intro}: ${label}`);
	});
	return messages;
}

function compareExercises(own: Exercise[] | undefined, reference: Exercise[] | undefined): string[] {
	if (exerciseStructure(own) === exerciseStructure(reference)) return [];
	const mine = own ?? [];
	const de = reference ?? [];
	const intro = 'exercise structure differs from de.svx';
	if (mine.length !== de.length) {
		return [
			`${intro}: ${mine.length} exercises (${mine.map((e) => e.id).join(', ') || 'none'}), de.svx has ${de.length} (${de.map((e) => e.id).join(', ') || 'none'})`
		];
	}
	const messages: string[] = [];
	mine.forEach((exercise, i) => {
		const other = de[i]!;
		if (exerciseStructure([exercise]) === exerciseStructure([other])) return;
		const label = `exercise ${i + 1} "${exercise.id}"`;
		const differences: string[] = [];
		if (exercise.id !== other.id) differences.push(`id (de.svx: "${other.id}")`);
		if (exercise.language !== other.language) differences.push(`language (de.svx: "${other.language}")`);
		if (exercise.starter !== other.starter) differences.push('starter');
		if (JSON.stringify(exercise.checks.map((c) => c.test)) !== JSON.stringify(other.checks.map((c) => c.test)))
			differences.push('checks (number or test)');
		messages.push(
			`${intro}: ${label} differs in ${differences.join(', ')}; translations change only prompt and description`
		);
	});
	return messages;
}

// ---------------------------------------------------------------------------------------
// Courses

function checkCourse(root: string, course: CourseFolder, lessons: LessonFile[]): Problem[] {
	const problems: Problem[] = [];
	const read = (name: string) => {
		const file = `${course.dir}/${name}`;
		const full = path.join(root, file);
		return { file, text: fs.existsSync(full) ? fs.readFileSync(full, 'utf8') : null };
	};

	// course.yaml: the statements of the self-check.
	let statementIds: string[] | null = null;
	const structure = read('course.yaml');
	if (structure.text === null)
		problems.push({
			file: structure.file,
			message: 'missing: every course folder needs course.yaml (its self-check statements)'
		});
	else {
		const yaml = readYaml(structure.text, 1);
		if ('error' in yaml) problems.push({ file: structure.file, message: yaml.error });
		else {
			const parsed = courseStructureSchema.safeParse(yaml.data);
			if (!parsed.success)
				for (const message of formatIssues(parsed.error.issues, yaml.data))
					problems.push({ file: structure.file, message });
			else {
				statementIds = parsed.data.selfCheck.map((s) => s.id);
				const duplicates = statementIds.filter((id, i) => statementIds!.indexOf(id) !== i);
				for (const id of new Set(duplicates))
					problems.push({ file: structure.file, message: `selfCheck: id "${id}" is used more than once` });
			}
		}
	}

	// <locale>.yaml: the words, for German and every language the course has lessons in.
	const needed = new Set<ContentLocale>([REFERENCE_LOCALE, ...lessons.map((l) => l.path.contentLocale)]);
	for (const locale of CONTENT_LOCALES) {
		const texts = read(`${locale}.yaml`);
		if (texts.text === null) {
			if (locale === REFERENCE_LOCALE)
				problems.push({
					file: texts.file,
					message: 'missing: every course folder needs de.yaml (title, summary and self-check wording in German)'
				});
			else if (needed.has(locale)) {
				const count = new Set(lessons.filter((l) => l.path.contentLocale === locale).map((l) => l.path.key)).size;
				problems.push({
					file: texts.file,
					message: `missing: the course has ${count} lesson${count === 1 ? '' : 's'} in ${locale} but no ${locale}.yaml with its title and self-check wording`
				});
			}
			continue;
		}
		const yaml = readYaml(texts.text, 1);
		if ('error' in yaml) {
			problems.push({ file: texts.file, message: yaml.error });
			continue;
		}
		const parsed = courseTextSchema.safeParse(yaml.data);
		if (!parsed.success) {
			for (const message of formatIssues(parsed.error.issues, yaml.data)) problems.push({ file: texts.file, message });
			continue;
		}
		if (!statementIds) continue;
		const worded = Object.keys(parsed.data.selfCheck);
		const missing = statementIds.filter((id) => !worded.includes(id));
		const extra = worded.filter((id) => !statementIds!.includes(id));
		if (missing.length)
			problems.push({
				file: texts.file,
				message: `selfCheck: no wording for ${missing.map((id) => `"${id}"`).join(', ')} from course.yaml`
			});
		if (extra.length)
			problems.push({
				file: texts.file,
				message: `selfCheck: ${extra.map((id) => `"${id}"`).join(', ')} ${extra.length === 1 ? 'is' : 'are'} not in course.yaml`
			});
	}
	return problems;
}

function buildCoverage(courses: CourseFolder[], lessons: LessonFile[]): CoverageRow[] {
	return courses.map((course) => {
		const own = lessons.filter((l) => l.file.startsWith(`${course.dir}/`));
		const translated = Object.fromEntries(
			CONTENT_LOCALES.map((locale) => [
				locale,
				new Set(own.filter((l) => l.path.contentLocale === locale).map((l) => lessonDir(l.file))).size
			])
		) as Record<ContentLocale, number>;
		return { courseId: course.courseId, lessons: new Set(own.map((l) => lessonDir(l.file))).size, translated };
	});
}
