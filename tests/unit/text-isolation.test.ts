import { describe, expect, it } from 'vitest';
import { firstStrongDirection } from '../../src/lib/i18n/first-strong-direction';
import { isolate } from '../../src/lib/i18n/isolate';

describe('firstStrongDirection, as dir="auto" decides', () => {
	it('takes the first letter that has a direction, after digits and punctuation', () => {
		expect(firstStrongDirection('Bus & Bahn!')).toBe('ltr');
		expect(firstStrongDirection('«20» حافلة Bus')).toBe('rtl');
		expect(firstStrongDirection('2024: Projekt')).toBe('ltr');
		expect(firstStrongDirection('(پروژه) Projekt')).toBe('rtl');
	});

	it('has none for text without letters', () => {
		expect(firstStrongDirection('12 / 30 !')).toBeNull();
		expect(firstStrongDirection('')).toBeNull();
	});
});

describe('isolate', () => {
	it('wraps a text in first-strong isolate and pop directional isolate', () => {
		expect(isolate('Bus & Bahn!')).toBe('\u2068Bus & Bahn!\u2069');
	});
});
