import { describe, expect, it } from 'vitest';
import { DEFAULT_DISPLAY, displayClasses, serializeDisplayCookie } from '../../src/lib/display-settings.ts';
import { parseDisplayCookie } from '../../src/lib/server/site/display-settings.ts';

describe('display settings', () => {
	it('survive the round trip through the cookie', () => {
		const settings = { textSize: '200', contrast: 'high', spacing: 'wide', motion: 'reduce' } as const;
		expect(parseDisplayCookie(serializeDisplayCookie(settings))).toEqual(settings);
	});

	it('fall back to defaults for a missing or tampered cookie', () => {
		expect(parseDisplayCookie(undefined)).toEqual(DEFAULT_DISPLAY);
		expect(parseDisplayCookie('textSize-9000.contrast-<script>')).toEqual(DEFAULT_DISPLAY);
	});

	it('become classes on <html>', () => {
		expect(displayClasses({ textSize: '150', contrast: 'high', spacing: 'normal', motion: 'reduce' })).toBe(
			'text-150 contrast-high motion-reduce'
		);
	});
});
