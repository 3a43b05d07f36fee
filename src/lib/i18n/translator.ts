/**
 * Translation functions. On the server, one i18next instance per request, never shared
 * between requests, so one person's language cannot leak into another's page. In the
 * browser, a small formatter with the same rules for what Lotse's texts use (nested keys,
 * {{placeholders}}, plural forms by Intl.PluralRules) keeps i18next's 13 KB out of every
 * page; tests/unit/translator-parity.test.ts checks both give the same text for every key.
 */
import { browser } from '$app/environment';
import type { Locale } from './locales.ts';

export type Messages = Record<string, unknown>;
export type TranslateOptions = Record<string, unknown> & { count?: number };
export type Translate = (key: string, options?: TranslateOptions) => string;

/** Message parts every page needs; lessons add `simulations` or `exercises` when they use them. */
export const CORE_PARTS = ['shell', 'learn', 'lesson'] as const;
export type MessagePart = (typeof CORE_PARTS)[number] | 'simulations' | 'exercises';

export async function createTranslator(locale: Locale, messages: Messages): Promise<Translate> {
	if (browser) return createFormatter(locale, messages);
	const instance = (await baseInstance(locale, messages)).cloneInstance({ lng: locale });
	return (key, options) => instance.t(key, options) as string;
}

// One initialised i18next instance per language and message set; each request gets its own
// clone of it (cloneInstance shares the read-only resources, so a clone is cheap).
const bases = new WeakMap<Messages, Map<Locale, Promise<import('i18next').i18n>>>();

async function baseInstance(locale: Locale, messages: Messages) {
	let byLocale = bases.get(messages);
	if (!byLocale) bases.set(messages, (byLocale = new Map()));
	let base = byLocale.get(locale);
	if (!base) {
		base = import('i18next').then(async ({ default: i18next }) => {
			const instance = i18next.createInstance();
			await instance.init({
				lng: locale,
				resources: { [locale]: { translation: messages } },
				initAsync: false,
				// Svelte escapes everything it renders; escaping here too would show "&amp;".
				interpolation: { escapeValue: false },
				returnNull: false
			});
			return instance;
		});
		byLocale.set(locale, base);
	}
	return base;
}

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

/** The browser's formatter: i18next's rules for keys, plurals and {{placeholders}}. */
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

// translations/<locale>/<part>.json: each part holds its own top-level keys (shell, learn,
// simulations …) so that several people can translate different parts at once.
const loaders = import.meta.glob<Messages>('./translations/*/*.json', { import: 'default' });

// Merged message sets are built once per language and set of parts, and never changed.
const merged = new Map<string, Promise<Messages>>();

export function loadMessages(locale: Locale, parts: readonly MessagePart[] = CORE_PARTS): Promise<Messages> {
	const key = `${locale}:${parts.join(',')}`;
	let messages = merged.get(key);
	if (!messages) {
		messages = Promise.all(
			parts.map((part) => {
				const load = loaders[`./translations/${locale}/${part}.json`];
				if (!load) throw new Error(`No translations for ${locale}/${part}`);
				return load();
			})
		).then((loaded) => Object.freeze(Object.assign({}, ...loaded)));
		merged.set(key, messages);
	}
	return messages;
}
