/**
 * Every text that shows a count has every plural form its language needs: German and English
 * one/other, Russian, Ukrainian and Polish one/few/many/other, Arabic all six. The forms come
 * from Intl.PluralRules (what i18next and the browser formatter choose by), never from a list
 * written here, so a language's needs cannot be forgotten.
 *
 * A text counts as "counted" when the code passes it a `count` (found in the source) or when
 * its text in any language has a {{count}} placeholder.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';

vi.mock('$app/environment', () => ({ browser: false }));
const { createFormatter, createTranslator } = await import('../../src/lib/i18n/translator.ts');
const { LOCALES } = await import('../../src/lib/i18n/locales.ts');

const translations = new URL('../../src/lib/i18n/translations/', import.meta.url);
const source = new URL('../../src/', import.meta.url);
const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(obj: Record<string, unknown>, prefix = ''): Record<string, string> {
	return Object.fromEntries(
		Object.entries(obj).flatMap(([key, value]) =>
			value && typeof value === 'object'
				? Object.entries(flatten(value as Record<string, unknown>, `${prefix}${key}.`))
				: [[`${prefix}${key}`, String(value)]]
		)
	);
}
function messagesOf(locale: string): Record<string, unknown> {
	return Object.assign(
		{},
		...readdirSync(new URL(`${locale}/`, translations))
			.filter((f) => f.endsWith('.json'))
			.map((f) => JSON.parse(readFileSync(new URL(`${locale}/${f}`, translations), 'utf8')))
	);
}
const texts = Object.fromEntries(LOCALES.map((locale) => [locale, flatten(messagesOf(locale))]));

function sourceFiles(dir: URL): URL[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const url = new URL(entry.isDirectory() ? `${entry.name}/` : entry.name, dir);
		if (entry.isDirectory()) return entry.name === 'translations' ? [] : sourceFiles(url);
		return /\.(svelte|ts)$/.test(entry.name) ? [url] : [];
	});
}

/** Keys the code translates with a `count`: t('some.key', { …, count… }). */
function keysTranslatedWithCount(): Set<string> {
	const keys = new Set<string>();
	const call = /\bt\(\s*(['"`])([\w.]+)\1\s*,\s*\{([^}]*)\}/g;
	for (const file of sourceFiles(source)) {
		for (const match of readFileSync(file, 'utf8').matchAll(call)) {
			if (/\bcount\b/.test(match[3]!)) keys.add(match[2]!);
		}
	}
	return keys;
}

/** Keys whose text, in some language, has a {{count}} placeholder (messages built at run time). */
function keysWithCountPlaceholder(): Set<string> {
	const keys = new Set<string>();
	for (const locale of LOCALES) {
		for (const [key, text] of Object.entries(texts[locale]!)) {
			if (/\{\{\s*count\s*\}\}/.test(text)) keys.add(key.replace(PLURAL, ''));
		}
	}
	return keys;
}

const fromCode = keysTranslatedWithCount();
const counted = new Set([...fromCode, ...keysWithCountPlaceholder()]);

describe('plural forms', () => {
	it('are found in the code and in the texts (the scan itself works)', () => {
		for (const key of ['learn.minutes', 'learn.catalogue.lessonCount', 'exercise.summary', 'nav.unread']) {
			expect(fromCode.has(key) || counted.has(key), key).toBe(true);
		}
		expect(counted.has('errors.signIn.locked')).toBe(true);
		expect(counted.size).toBeGreaterThanOrEqual(14);
	});

	for (const locale of LOCALES) {
		it(`exist in ${locale} for every counted text, in every form ${locale} needs`, () => {
			const forms = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
			const missing: string[] = [];
			const unsplit: string[] = [];
			for (const key of counted) {
				for (const form of forms) if (!(`${key}_${form}` in texts[locale]!)) missing.push(`${key}_${form}`);
				// A plain key next to the forms would be what a missing form silently falls back to.
				if (key in texts[locale]!) unsplit.push(key);
			}
			expect({ missing, unsplit }).toEqual({ missing: [], unsplit: [] });
		});
	}

	it('give the words each number needs (server and browser alike)', async () => {
		const cases: [string, string, Record<string, unknown>, string][] = [
			['de', 'errors.signIn.locked', { time: '10:30', count: 1 }, 'in etwa einer Minute'],
			['de', 'errors.signIn.locked', { time: '10:30', count: 4 }, 'in etwa 4 Minuten'],
			['de', 'learn.catalogue.lessonCount', { count: 1 }, '1 Lektion'],
			['en', 'learn.catalogue.resultCount', { count: 1 }, '1 lesson found'],
			['ar', 'learn.minutes', { count: 8 }, '8 دقائق'],
			['ar', 'learn.minutes', { count: 2 }, 'دقيقتان'],
			['ar', 'learn.minutes', { count: 1 }, 'دقيقة واحدة'],
			['ar', 'learn.minutes', { count: 11 }, '11 دقيقة'],
			['ru', 'learn.catalogue.lessonCount', { count: 5 }, '5 уроков'],
			['ru', 'learn.catalogue.lessonCount', { count: 3 }, '3 урока'],
			['pl', 'learn.catalogue.lessonCount', { count: 22 }, '22 lekcje'],
			['uk', 'learn.catalogue.lessonCount', { count: 21 }, '21 урок']
		];
		for (const [locale, key, options, expected] of cases) {
			const messages = messagesOf(locale);
			const server = await createTranslator(locale as (typeof LOCALES)[number], messages);
			const browser = createFormatter(locale as (typeof LOCALES)[number], messages);
			expect(server(key, options), `${locale} ${key}`).toContain(expected);
			expect(browser(key, options), `${locale} ${key}`).toBe(server(key, options));
		}
	});
});
