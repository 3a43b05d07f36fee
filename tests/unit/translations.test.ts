import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/lib/i18n/locales.ts';

const dir = new URL('../../src/lib/i18n/translations/', import.meta.url);
const parts = readdirSync(new URL('de/', dir)).filter((f) => f.endsWith('.json'));

/** All parts of one language merged, as the app loads them; fails on a key defined twice. */
function load(locale: string): Record<string, unknown> {
	const merged: Record<string, unknown> = {};
	for (const part of readdirSync(new URL(`${locale}/`, dir)).filter((f) => f.endsWith('.json'))) {
		const messages = JSON.parse(readFileSync(new URL(`${locale}/${part}`, dir), 'utf8'));
		for (const key of Object.keys(messages)) {
			if (key in merged) throw new Error(`${locale}/${part} redefines the top-level key "${key}"`);
			merged[key] = messages[key];
		}
	}
	return merged;
}

function flatten(obj: Record<string, unknown>, prefix = ''): Record<string, string> {
	return Object.fromEntries(
		Object.entries(obj).flatMap(([key, value]) =>
			value && typeof value === 'object'
				? Object.entries(flatten(value as Record<string, unknown>, `${prefix}${key}.`))
				: [[`${prefix}${key}`, String(value)]]
		)
	);
}

const german = flatten(load('de'));

// German plurals come as key_one/key_other; each language needs the plural forms its own
// grammar uses (Russian: one/few/many/other, Arabic: zero/one/two/few/many/other …).
const PLURAL = /_(zero|one|two|few|many|other)$/;
function expectedKeys(locale: string): Set<string> {
	const forms = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
	const keys = new Set<string>();
	for (const key of Object.keys(german)) {
		if (PLURAL.test(key)) for (const form of forms) keys.add(key.replace(PLURAL, `_${form}`));
		else keys.add(key);
	}
	return keys;
}
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('UI translations', () => {
	it('exist for exactly the eight UI languages, each with the same parts', () => {
		const folders = readdirSync(dir).filter((f) => !f.includes('.'));
		expect(folders.sort()).toEqual([...LOCALES].sort());
		for (const locale of LOCALES) {
			expect(
				readdirSync(new URL(`${locale}/`, dir))
					.filter((f) => f.endsWith('.json'))
					.sort(),
				locale
			).toEqual(parts.sort());
		}
	});

	for (const locale of LOCALES.filter((l) => l !== 'de')) {
		describe(locale, () => {
			const messages = flatten(load(locale));

			it('has every key the German file has, and no others (plurals in the forms this language needs)', () => {
				const expected = expectedKeys(locale);
				const missing = [...expected].filter((key) => !(key in messages));
				const extra = Object.keys(messages).filter((key) => !expected.has(key));
				expect({ missing, extra }).toEqual({ missing: [], extra: [] });
			});

			it('keeps every {{placeholder}} of the German text', () => {
				const broken = Object.keys(german).filter(
					(key) =>
						!PLURAL.test(key) &&
						key in messages &&
						placeholders(messages[key]!).join() !== placeholders(german[key]!).join()
				);
				expect(broken).toEqual([]);
			});

			it('has no empty texts', () => {
				expect(Object.entries(messages).filter(([, text]) => !text.trim())).toEqual([]);
			});
		});
	}
});
