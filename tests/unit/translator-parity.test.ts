/**
 * Pages are rendered on the server with i18next and updated in the browser with a small
 * formatter. Both must produce the same text for every key in every language, or pages
 * would change their words after loading.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';

vi.mock('$app/environment', () => ({ browser: false }));
const { createFormatter, createTranslator } = await import('../../src/lib/i18n/translator.ts');
const { LOCALES } = await import('../../src/lib/i18n/locales.ts');

const dir = new URL('../../src/lib/i18n/translations/', import.meta.url);
function messagesOf(locale: string) {
	return Object.assign(
		{},
		...readdirSync(new URL(`${locale}/`, dir))
			.filter((f) => f.endsWith('.json'))
			.map((f) => JSON.parse(readFileSync(new URL(`${locale}/${f}`, dir), 'utf8')))
	);
}
function keysOf(obj: Record<string, unknown>, prefix = ''): string[] {
	return Object.entries(obj).flatMap(([k, v]) =>
		v && typeof v === 'object' ? keysOf(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`]
	);
}

describe('server and browser translations', () => {
	for (const locale of LOCALES) {
		it(`give the same text for every ${locale} key, with placeholders and plural counts`, async () => {
			const messages = messagesOf(locale);
			const server = await createTranslator(locale, messages);
			const browser = createFormatter(locale, messages);
			const keys = new Set(keysOf(messages).map((key) => key.replace(/_(zero|one|two|few|many|other)$/, '')));
			let compared = 0;
			for (const key of keys) {
				for (const count of [0, 1, 2, 3, 5, 11, 21, 100]) {
					const options = {
						count,
						name: 'Ayşe',
						title: 'Titel',
						number: 3,
						of: 6,
						score: 80,
						place: 2,
						percent: 150,
						time: '10:30',
						minutes: 4
					};
					expect(browser(key, options), `${locale} ${key} count=${count}`).toBe(server(key, options));
					compared++;
				}
			}
			expect(compared).toBeGreaterThan(300);
			expect(browser('no.such.key')).toBe(server('no.such.key'));
			// Every key × eight counts in both translators: thousands of calls, seconds on a busy machine.
		}, 60_000);
	}
});
