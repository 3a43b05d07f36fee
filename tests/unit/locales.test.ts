import { describe, expect, it } from 'vitest';
import { localizedPath, negotiateLocale, textDirection } from '../../src/lib/i18n/locales.ts';

describe('choosing a language', () => {
	it('takes the first supported language by preference from Accept-Language', () => {
		expect(negotiateLocale('fr-FR,fr;q=0.9,tr;q=0.8,en;q=0.5')).toBe('tr');
		expect(negotiateLocale('en-GB,en;q=0.9')).toBe('en');
		expect(negotiateLocale('de;q=0.2,uk;q=0.9')).toBe('uk');
		expect(negotiateLocale('fa-IR')).toBe('fa');
	});

	it('finds nothing for unsupported or empty headers', () => {
		expect(negotiateLocale('fr-FR,ja')).toBeNull();
		expect(negotiateLocale('')).toBeNull();
		expect(negotiateLocale(null)).toBeNull();
		expect(negotiateLocale('en;q=0')).toBeNull();
	});

	it('writes Arabic and Farsi right to left, all others left to right', () => {
		expect(textDirection('ar')).toBe('rtl');
		expect(textDirection('fa')).toBe('rtl');
		expect(['de', 'en', 'tr', 'uk', 'ru', 'pl'].map((l) => textDirection(l as 'de'))).toEqual(Array(6).fill('ltr'));
	});

	it('keeps the page when switching language', () => {
		expect(localizedPath('/de/learn/first-steps', 'ar')).toBe('/ar/learn/first-steps');
		expect(localizedPath('/en', 'de')).toBe('/de');
		expect(localizedPath('/verify/ABC', 'tr')).toBe('/tr/verify/ABC');
	});
});
