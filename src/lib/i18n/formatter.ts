/**
 * The browser's translation function: i18next's rules for what Lotse's texts use (nested
 * keys, {{placeholders}}, plural forms by Intl.PluralRules) in a few lines, so that pages
 * do not ship i18next. tests/unit/translator-parity.test.ts checks it against i18next.
 * It has no SvelteKit imports, so the lesson islands (src/lib/islands) can use it too.
 */
import type { Locale } from './locales.ts';

export type Messages = Record<string, unknown>;
export type TranslateOptions = Record<string, unknown> & { count?: number };
export type Translate = (key: string, options?: TranslateOptions) => string;

function lookup(node: unknown, key: string): unknown {
	if (key === '') return node;
	if (!node || typeof node !== 'object') return undefined;
	const parts = key.split('.');
	for (let take = 1; take <= parts.length; take++) {
		const name = parts.slice(0, take).join('.');
		if (name in (node as Record<string, unknown>)) {
			const found = lookup((node as Record<string, unknown>)[name], parts.slice(take).join('.'));
			if (found !== undefined) return found;
		}
	}
	return undefined;
}

export function createFormatter(locale: Locale, messages: Messages): Translate {
	const plural = new Intl.PluralRules(locale);
	return (key, options = {}) => {
		let text: unknown;
		if (typeof options.count === 'number') text = lookup(messages, `${key}_${plural.select(options.count)}`);
		if (typeof text !== 'string') text = lookup(messages, key);
		if (typeof text !== 'string') return key;
		return text.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (match, name: string) => {
			const value = options[name];
			return value === undefined || value === null ? match : String(value);
		});
	};
}
