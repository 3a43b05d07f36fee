import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalogue, chooseVersion } from '../../src/lib/server/learning/catalogue.ts';

// A catalogue of one real lesson written only in German and English, as a new lesson is
// before its translations arrive (every shipped lesson is now in all eight languages).
const root = resolve(import.meta.dirname, '../../content/courses/01-first-steps');
const source = (file: string) => readFileSync(resolve(root, file), 'utf8');
const catalogue = buildCatalogue(
	{
		'/content/courses/01-first-steps/03-keyboard/de.svx': source('03-keyboard/de.svx'),
		'/content/courses/01-first-steps/03-keyboard/en.svx': source('03-keyboard/en.svx')
	},
	{
		'/content/courses/01-first-steps/course.yaml': source('course.yaml'),
		'/content/courses/01-first-steps/de.yaml': source('de.yaml'),
		'/content/courses/01-first-steps/en.yaml': source('en.yaml')
	}
);
const lesson = catalogue.lesson('first-steps/keyboard')!;

describe('which version of a lesson a reader gets', () => {
	it('gives the reader’s own language when the lesson is written in it', () => {
		expect(chooseVersion(lesson, 'de')).toMatchObject({ contentLocale: 'de', isFallback: false });
		expect(chooseVersion(lesson, 'en')).toMatchObject({ contentLocale: 'en', isFallback: false });
	});

	it('falls back to English, marked as a fallback, for a language the lesson lacks', () => {
		for (const locale of ['tr', 'ar', 'uk', 'ru', 'fa', 'pl'] as const) {
			expect(chooseVersion(lesson, locale)).toMatchObject({ contentLocale: 'en', isFallback: true });
		}
	});

	it('gives standard German when easy German is asked for but not written', () => {
		expect(chooseVersion(lesson, 'de', true)).toMatchObject({ contentLocale: 'de', isFallback: false });
	});
});
