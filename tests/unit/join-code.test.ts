/** Join codes are read aloud and typed by people new to keyboards: short, unambiguous, forgiving. */
import { describe, expect, it } from 'vitest';
import { JOIN_CODE_LENGTH, newJoinCode, normalizeJoinCode } from '../../src/lib/server/classes/join-code.ts';
import { groupedJoinCode, joinQrSvg, joinUrl } from '../../src/lib/server/classes/join-qr.ts';
import { dueAtEndOfDay } from '../../src/lib/server/classes/assignments.ts';

describe('join codes', () => {
	it('are six characters without look-alikes (no 0/O, 1/I/l)', () => {
		const codes = Array.from({ length: 500 }, () => newJoinCode());
		for (const code of codes) {
			expect(code).toHaveLength(JOIN_CODE_LENGTH);
			expect(code).toMatch(/^[A-Z2-9]+$/);
			expect(code).not.toMatch(/[01OIL]/);
		}
		// Random, not one code over and over.
		expect(new Set(codes).size).toBeGreaterThan(490);
	});

	it('are looked up however they were typed: case, spaces and dashes do not matter', () => {
		expect(normalizeJoinCode(' abc-def ')).toBe('ABCDEF');
		expect(normalizeJoinCode('ab c\tdef')).toBe('ABCDEF');
		expect(normalizeJoinCode('ABCDEF')).toBe('ABCDEF');
	});

	it('are shown in groups of three for reading aloud', () => {
		expect(groupedJoinCode('ABCDEF')).toEqual(['ABC', 'DEF']);
	});

	it('lead to the join page of the language, drawn as an SVG QR code', async () => {
		const url = joinUrl('https://lotse.example', 'ar', 'ABCDEF');
		expect(url).toBe('https://lotse.example/ar/classes/join?code=ABCDEF');
		const svg = await joinQrSvg(url);
		expect(svg).toMatch(/^<svg[^>]*viewBox/);
		expect(svg).not.toMatch(/<script|href=/i);
	});
});

describe('due dates', () => {
	it('end when the day is over in the city (Berlin), in winter and summer time', () => {
		expect(dueAtEndOfDay('2026-01-15')?.toISOString()).toBe('2026-01-15T22:59:59.999Z');
		expect(dueAtEndOfDay('2026-07-15')?.toISOString()).toBe('2026-07-15T21:59:59.999Z');
		expect(dueAtEndOfDay('2026-02-30')).toBeNull();
	});
});
