import { describe, expect, it } from 'vitest';
import { linkedText } from '../../src/lib/server/text/linked-text.ts';

describe('what people write, shown as text with links', () => {
	it('splits paragraphs at blank lines and keeps single line breaks', () => {
		expect(linkedText('Erster Absatz\nzweite Zeile\n\n\nZweiter Absatz')).toEqual([
			[[{ text: 'Erster Absatz' }], [{ text: 'zweite Zeile' }]],
			[[{ text: 'Zweiter Absatz' }]]
		]);
	});

	it('makes http(s) and www addresses links', () => {
		expect(linkedText('Siehe https://www.hamburg.de/digital und www.hamburg.de.')).toEqual([
			[
				[
					{ text: 'Siehe ' },
					{ text: 'https://www.hamburg.de/digital', href: 'https://www.hamburg.de/digital' },
					{ text: ' und ' },
					{ text: 'www.hamburg.de', href: 'http://www.hamburg.de' },
					{ text: '.' }
				]
			]
		]);
	});

	it('leaves javascript:, data:, mail and markup as plain text', () => {
		const text = 'javascript:alert(1) data:text/html,<script>x</script> a@b.de <a href="x">y</a>';
		const parts = linkedText(text).flat(2);
		expect(parts.filter((part) => part.href)).toEqual([]);
		expect(parts.map((part) => part.text).join('')).toBe(text);
	});
});
