import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent, formatCoverage, type Problem } from '../../src/lib/server/learning/content-check.ts';

// A tiny but complete curriculum: one course with two lessons in German and English.
const COURSE_YAML = `selfCheck:
  - id: use-keyboard
    competence: "5.1"
  - id: open-website
    competence: "1.1"
  - id: find-help
    competence: "5.2"
`;
const courseText = (title: string) => `title: ${title}
summary: A course for the tests.
selfCheck:
  use-keyboard: I can type.
  open-website: I can open a website.
  find-help: I know where to find help.
`;

const INTRO = `---
title: Einführung
summary: Der erste Schritt.
minutes: 5
level: foundation
competences: ["5.1"]
objectives:
  - Sie tippen ein Wort.
prerequisites: []
quizzes:
  - id: enter-key
    type: single
    question: Welche Taste schickt eine Eingabe ab?
    options:
      - text: Eingabetaste
        correct: true
        feedback: Richtig.
      - text: Leertaste
        correct: false
        feedback: Die Leertaste macht einen Abstand.
  - id: steps
    type: order
    question: Bringen Sie die Schritte in die richtige Reihenfolge.
    items:
      - Browser öffnen
      - Adresse eintippen
    feedback:
      correct: Genau.
      incorrect: Erst der Browser.
exercises:
  - id: greeting
    prompt: Speichern Sie Ihren Namen.
    starter: |
      let name = "";
    checks:
      - description: name ist ein Text.
        test: typeof name === "string"
---
<script>
  import { Figure, Simulation, CodeExercise } from '$lib/components/lesson';
</script>

## Die Tastatur

Text mit \`inline code\`, einem Bild ![Eine Tastatur](/lesson-images/keyboard.svg) und einem
[Link zur nächsten Lektion](/learn/basics/next#start).

<Figure src="/lesson-images/mouse.svg" alt="Eine Maus" />

<img src="/lesson-images/divider.svg" alt="" />

### Tasten im Einzelnen

\`\`\`js
# not a heading inside code
const settings = { size: 2 };
\`\`\`

## Üben

<Simulation name="phishing-inbox" />

<CodeExercise id="greeting" />
`;

const NEXT = `---
title: Weiter
summary: Der zweite Schritt.
minutes: 3
level: foundation
competences: ["1.1"]
objectives:
  - Sie öffnen eine Seite.
prerequisites: ["basics/intro"]
quizzes:
  - id: address
    type: fill
    question: "Die Adresse steht in der ___."
    answers: ["Adresszeile"]
    feedback:
      correct: Richtig.
      incorrect: Gesucht ist die Adresszeile.
---

## Eine Seite öffnen

Zurück zur [Einführung](/learn/basics/intro).
`;

const english = (german: string) =>
	german.replace('title: Einführung', 'title: Introduction').replace('title: Weiter', 'title: Next');

const BASE: Record<string, string> = {
	'README.md': '# Not a lesson\n\n{ braces } and ![](x.png) are fine here.\n',
	'courses/01-basics/course.yaml': COURSE_YAML,
	'courses/01-basics/de.yaml': courseText('Grundlagen'),
	'courses/01-basics/en.yaml': courseText('Basics'),
	'courses/01-basics/01-intro/de.svx': INTRO,
	'courses/01-basics/01-intro/en.svx': english(INTRO),
	'courses/01-basics/02-next/de.svx': NEXT,
	'courses/01-basics/02-next/en.svx': english(NEXT)
};

const INTRO_DE = 'courses/01-basics/01-intro/de.svx';
const INTRO_EN = 'courses/01-basics/01-intro/en.svx';

const made: string[] = [];
afterEach(() => {
	for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

type Change = string | null | ((text: string) => string);

/** Writes the base tree with some files changed (function), replaced (string) or removed (null). */
function contentTree(changes: Record<string, Change> = {}): string {
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-content-'));
	made.push(root);
	const files = { ...BASE };
	for (const [file, change] of Object.entries(changes)) {
		if (change === null) delete files[file];
		else if (typeof change === 'string') files[file] = change;
		else {
			const before = files[file]!;
			files[file] = change(before);
			if (files[file] === before) throw new Error(`change to ${file} changed nothing`);
		}
	}
	for (const [file, text] of Object.entries(files)) {
		fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
		fs.writeFileSync(path.join(root, file), text);
	}
	return root;
}

/** Asserts that checking the changed tree gives exactly one problem, in `file`, matching `message`. */
function expectOneProblem(changes: Record<string, Change>, file: string, message: RegExp | string): Problem {
	const { problems } = checkContent(contentTree(changes));
	expect(problems).toEqual([
		{ file, message: typeof message === 'string' ? expect.stringContaining(message) : expect.stringMatching(message) }
	]);
	return problems[0]!;
}

const inBody = (addition: string) => (text: string) => `${text}\n${addition}\n`;

describe('content check on a valid tree', () => {
	it('reports no problems, ignores README.md and counts the lessons per language', () => {
		const { problems, coverage } = checkContent(contentTree());
		expect(problems).toEqual([]);
		expect(coverage).toHaveLength(1);
		expect(coverage[0]).toMatchObject({ courseId: 'basics', lessons: 2 });
		expect(coverage[0]!.translated).toMatchObject({ de: 2, en: 2, tr: 0, 'de-easy': 0 });
	});

	it('formats the coverage as a table of courses × languages in the order de, de-easy, en, tr, ar, uk, ru, fa, pl', () => {
		const table = formatCoverage(
			checkContent(
				contentTree({ 'courses/01-basics/01-intro/tr.svx': INTRO, 'courses/01-basics/tr.yaml': courseText('Temeller') })
			).coverage
		);
		const [header, , row] = table.split('\n');
		expect(header!.split(/\s+/)).toEqual(['course', 'de', 'de-easy', 'en', 'tr', 'ar', 'uk', 'ru', 'fa', 'pl']);
		expect(row!.split(/\s+/)).toEqual(['basics', '2/2', '0/2', '2/2', '1/2', '0/2', '0/2', '0/2', '0/2', '0/2']);
	});
});

describe('content check: lesson headers', () => {
	it('fails on a schema error, naming the field', () => {
		expectOneProblem({ [INTRO_DE]: (t) => t.replace('minutes: 5', 'minutes: 12') }, INTRO_DE, /^header: minutes: /);
	});

	it('fails on an unknown field in the header', () => {
		expectOneProblem(
			{ [INTRO_DE]: (t) => t.replace('minutes: 5', 'minutes: 5\nduration: 5') },
			INTRO_DE,
			'unknown field "duration"'
		);
	});

	it('fails on a YAML syntax error, naming the line in the file', () => {
		expectOneProblem(
			{ [INTRO_DE]: (t) => t.replace('competences: ["5.1"]', 'competences: ["5.1"') },
			INTRO_DE,
			/^header: YAML syntax error \(line \d+\): /
		);
	});

	it('fails on a lesson file without a header', () => {
		expectOneProblem({ [INTRO_DE]: '## Nur Text\n\nKein Header.\n' }, INTRO_DE, 'missing header');
	});

	it('fails on a single-choice quiz without a correct answer, naming the quiz', () => {
		expectOneProblem(
			{ [INTRO_DE]: (t) => t.replace('correct: true', 'correct: false') },
			INTRO_DE,
			'header: quiz "enter-key": a single-choice quiz needs exactly one correct option'
		);
	});

	it('fails on a quiz option without feedback, naming the quiz and the option', () => {
		expectOneProblem(
			{ [INTRO_EN]: (t) => t.replace('        feedback: Die Leertaste macht einen Abstand.\n', '') },
			INTRO_EN,
			'header: quiz "enter-key", option 2, feedback: is missing'
		);
	});

	it('fails on a quiz of an unknown type, listing the types there are', () => {
		expectOneProblem(
			{ [INTRO_DE]: (t) => t.replace('type: single', 'type: choice') },
			INTRO_DE,
			'quiz "enter-key", type: must be one of "single", "multiple", "order", "fill"'
		);
	});
});

describe('content check: images', () => {
	it('fails on a Markdown image with empty alt text', () => {
		expectOneProblem(
			{ [INTRO_DE]: inBody('![](/lesson-images/x.svg)') },
			INTRO_DE,
			'image "/lesson-images/x.svg" has no alt text'
		);
	});

	it('fails on a <Figure> without alt or with an empty alt', () => {
		expectOneProblem(
			{ [INTRO_DE]: inBody('<Figure src="/lesson-images/x.svg" />') },
			INTRO_DE,
			'<Figure src="/lesson-images/x.svg"> has no alt text'
		);
		expectOneProblem(
			{ [INTRO_DE]: inBody('<Figure\n  src="/lesson-images/x.svg"\n  alt="  "\n/>') },
			INTRO_DE,
			'has no alt text'
		);
	});

	it('fails on a raw <img> without an alt attribute', () => {
		expectOneProblem(
			{ [INTRO_DE]: inBody('<img src="/lesson-images/x.svg">') },
			INTRO_DE,
			'<img src="/lesson-images/x.svg"> has no alt attribute'
		);
	});

	it('names the line of the problem in the file', () => {
		const problem = expectOneProblem({ [INTRO_DE]: inBody('![](/lesson-images/x.svg)') }, INTRO_DE, 'no alt text');
		const line = INTRO.split('\n').length + 1;
		expect(problem.message).toMatch(new RegExp(`^line ${line}: `));
	});
});

describe('content check: headings', () => {
	it("fails on a level-1 heading in the text, because the title is the page's h1", () => {
		expectOneProblem({ [INTRO_DE]: inBody('# Noch ein Titel') }, INTRO_DE, 'heading "#" (level 1)');
	});

	it('fails when the text starts below ##', () => {
		expectOneProblem(
			{ [INTRO_DE]: (t) => t.replace('## Die Tastatur', '### Die Tastatur') },
			INTRO_DE,
			'the first heading is "###"'
		);
	});

	it('fails when a heading skips a level', () => {
		expectOneProblem(
			{ [INTRO_DE]: inBody('#### Zu tief') },
			INTRO_DE,
			'heading "####" skips a level after "##"; use "###"'
		);
	});

	it('ignores # lines inside fenced code blocks', () => {
		expect(
			checkContent(contentTree({ [INTRO_DE]: inBody('```sh\n# comment\n#### also a comment\n```') })).problems
		).toEqual([]);
	});
});

describe('content check: links and prerequisites', () => {
	it('fails on a link to a lesson that does not exist', () => {
		expectOneProblem(
			{ [INTRO_DE]: inBody('Siehe [dort](/learn/basics/nowhere#part).') },
			INTRO_DE,
			'link "/learn/basics/nowhere#part" leads to a lesson that does not exist'
		);
	});

	it('accepts a link to a lesson that exists in another language only (reporting just its missing de.svx)', () => {
		const tree = contentTree({
			'courses/01-basics/03-extra/en.svx': english(NEXT),
			'courses/01-basics/03-extra/de.svx': NEXT,
			[INTRO_DE]: inBody('[Extra](/learn/basics/extra)')
		});
		fs.rmSync(path.join(tree, 'courses/01-basics/03-extra/de.svx'));
		expect(checkContent(tree).problems).toEqual([
			{ file: 'courses/01-basics/03-extra/de.svx', message: expect.stringContaining('missing') }
		]);
	});

	it('fails on a prerequisite that is not an existing lesson', () => {
		expectOneProblem(
			{
				'courses/01-basics/02-next/de.svx': (t) => t.replace('["basics/intro"]', '["basics/intro", "basics/missing"]')
			},
			'courses/01-basics/02-next/de.svx',
			'prerequisite "basics/missing" is not an existing lesson'
		);
	});
});

describe('content check: translations', () => {
	it('fails on a translation whose correct options differ from de.svx', () => {
		expectOneProblem(
			{
				[INTRO_EN]: (t) =>
					t
						.replace('correct: true', 'correct: TRUE_MARK')
						.replace('correct: false', 'correct: true')
						.replace('correct: TRUE_MARK', 'correct: false')
			},
			INTRO_EN,
			'quiz structure differs from de.svx: quiz 1 "enter-key" options are [wrong, correct], in de.svx [correct, wrong]'
		);
	});

	it('fails on a translation with a different number of order items', () => {
		expectOneProblem(
			{
				[INTRO_EN]: (t) =>
					t.replace('      - Adresse eintippen\n', '      - Adresse eintippen\n      - Enter drücken\n')
			},
			INTRO_EN,
			'quiz 2 "steps" has 3 items, in de.svx 2'
		);
	});

	it('fails on a translation that changes the starter code of an exercise', () => {
		expectOneProblem(
			{ [INTRO_EN]: (t) => t.replace('let name = "";', 'let name = "Ada";') },
			INTRO_EN,
			'exercise structure differs from de.svx: exercise 1 "greeting" differs in starter'
		);
	});

	it('fails on a lesson without de.svx', () => {
		expectOneProblem({ [INTRO_DE]: null }, INTRO_DE, 'missing: every lesson needs de.svx');
	});
});

describe('content check: course files', () => {
	it('fails on a course folder without course.yaml', () => {
		expectOneProblem(
			{ 'courses/01-basics/course.yaml': null },
			'courses/01-basics/course.yaml',
			'missing: every course folder needs course.yaml'
		);
	});

	it('fails on an invalid course.yaml', () => {
		expectOneProblem(
			{ 'courses/01-basics/course.yaml': (t) => t.replace('"5.1"', '"9.9"') },
			'courses/01-basics/course.yaml',
			/^selfCheck "use-keyboard", competence: /
		);
	});

	it('fails on a course folder without de.yaml', () => {
		expectOneProblem(
			{ 'courses/01-basics/de.yaml': null },
			'courses/01-basics/de.yaml',
			'missing: every course folder needs de.yaml'
		);
	});

	it('fails on self-check wording whose ids differ from course.yaml', () => {
		expectOneProblem(
			{ 'courses/01-basics/en.yaml': (t) => t.replace('  find-help: I know where to find help.\n', '') },
			'courses/01-basics/en.yaml',
			'selfCheck: no wording for "find-help"'
		);
		expectOneProblem(
			{ 'courses/01-basics/en.yaml': (t) => `${t}  extra: Something else.\n` },
			'courses/01-basics/en.yaml',
			'selfCheck: "extra" is not in course.yaml'
		);
	});

	it('fails on a course with lessons in a language but no <locale>.yaml for it', () => {
		expectOneProblem(
			{ 'courses/01-basics/02-next/tr.svx': NEXT },
			'courses/01-basics/tr.yaml',
			'the course has 1 lesson in tr but no tr.yaml'
		);
	});
});

describe('content check: components', () => {
	it('fails on <CodeExercise> naming an exercise that is not in the header', () => {
		expectOneProblem(
			{ [INTRO_DE]: inBody('<CodeExercise id="nope" />') },
			INTRO_DE,
			'<CodeExercise id="nope" /> names no exercise in this file\'s header (exercises: greeting)'
		);
	});

	it('fails on a <Simulation> Lotse does not have', () => {
		expectOneProblem(
			{ [INTRO_DE]: inBody('<Simulation name="bank-robbery" />') },
			INTRO_DE,
			'<Simulation name="bank-robbery" /> is not a simulation Lotse has'
		);
	});
});

describe('content check: curly braces', () => {
	it('fails on curly braces in running text', () => {
		expectOneProblem(
			{ [INTRO_DE]: inBody('Ein Objekt sieht so aus: { a: 1 }.') },
			INTRO_DE,
			'curly brace "{" and "}" outside a fenced code block'
		);
	});

	it('fails on curly braces in inline code, too', () => {
		expectOneProblem({ [INTRO_DE]: inBody('Schreiben Sie `if (x) {`.') }, INTRO_DE, 'curly brace "{"');
	});

	it('allows curly braces in fenced code blocks and the leading <script> block', () => {
		expect(
			checkContent(contentTree({ [INTRO_DE]: inBody('~~~js\nfunction f() { return 1; }\n~~~') })).problems
		).toEqual([]);
	});
});

describe('content check: file locations', () => {
	it('fails on an .svx file outside the lesson pattern', () => {
		expectOneProblem(
			{ 'courses/01-basics/01-intro/fr.svx': INTRO },
			'courses/01-basics/01-intro/fr.svx',
			'not a lesson file'
		);
		expectOneProblem({ 'courses/01-basics/draft.svx': INTRO }, 'courses/01-basics/draft.svx', 'not a lesson file');
	});
});

describe('the real curriculum', () => {
	it('has no problems', () => {
		const { problems } = checkContent(path.resolve(import.meta.dirname, '../../content'));
		expect(problems.map((p) => `${p.file}: ${p.message}`)).toEqual([]);
	});
});
