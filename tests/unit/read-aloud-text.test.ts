import { describe, expect, it } from 'vitest';
import { MAX_CHUNK, pickVoice, splitForSpeech } from '../../src/lib/islands/read-aloud-text.ts';

describe('text for reading aloud', () => {
	it('keeps short text in one piece', () => {
		expect(splitForSpeech('Drücken Sie die Eingabetaste.', 'de')).toEqual(['Drücken Sie die Eingabetaste.']);
	});

	it('cuts long text at sentence ends into pieces no longer than the limit, losing nothing', () => {
		const sentence = 'Die Tastatur hat Buchstaben, Zahlen und einige Tasten mit besonderen Aufgaben. ';
		const text = sentence.repeat(8).trim();
		const pieces = splitForSpeech(text, 'de');
		expect(pieces.length).toBeGreaterThan(1);
		for (const piece of pieces) {
			expect(piece.length).toBeLessThanOrEqual(MAX_CHUNK);
			expect(piece.endsWith('.')).toBe(true);
		}
		expect(pieces.join(' ')).toBe(text);
	});

	it('cuts a very long sentence at commas, then at spaces', () => {
		const text = Array.from({ length: 40 }, (_, i) => `Teil ${i}`).join(', ');
		const pieces = splitForSpeech(text, 'de');
		for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(MAX_CHUNK);
		expect(pieces.join(' ')).toBe(text);
	});
});

describe('choosing a voice', () => {
	const voice = (lang: string, extra: Partial<{ default: boolean; localService: boolean }> = {}) => ({
		lang,
		default: false,
		localService: false,
		...extra
	});

	it('prefers the exact language tag, then the default voice of the language', () => {
		const voices = [voice('en-US', { default: true }), voice('de-AT'), voice('de-DE')];
		expect(pickVoice(voices, 'de-DE')?.lang).toBe('de-DE');
		expect(pickVoice([voice('de-AT'), voice('de-CH', { default: true })], 'de')?.lang).toBe('de-CH');
		expect(pickVoice([voice('tr_TR')], 'tr')?.lang).toBe('tr_TR');
	});

	it('finds none when no voice speaks the language', () => {
		expect(pickVoice([voice('de-DE'), voice('en-GB')], 'ar')).toBeNull();
	});
});
