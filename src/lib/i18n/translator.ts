/**
 * Translation functions. On the server, i18next: one instance per language, fixed to it. In the
 * browser, a small formatter with the same rules for what Lotse's texts use (nested keys,
 * {{placeholders}}, plural forms by Intl.PluralRules) keeps i18next's 13 KB out of every
 * page; tests/unit/translator-parity.test.ts checks both give the same text for every key.
 */
import { browser } from '$app/environment';
import { createFormatter, type Messages, type Translate, type TranslateOptions } from './formatter.ts';
import type { Locale } from './locales.ts';

export { createFormatter };
export type { Messages, Translate, TranslateOptions } from './formatter.ts';

/** Message parts every page needs; lessons add `simulations` or `exercises` when they use them. */
export const CORE_PARTS = ['shell', 'learn', 'lesson'] as const;
export type MessagePart =
	(typeof CORE_PARTS)[number] | 'simulations' | 'exercises' | ParticipationPart | ClassPart | typeof STUDIO_PART;

/**
 * Texts of the participation, moderation, notification and admin pages, loaded by the
 * layouts of those areas (one file each, so they can be written and translated apart).
 */
export const PARTICIPATION_PARTS = ['participate', 'discussion', 'moderation', 'admin'] as const;
export type ParticipationPart = (typeof PARTICIPATION_PARTS)[number];

/** Texts of the classes area: classes and assignments, learner accounts and login cards, reports. */
export const CLASS_PARTS = ['classes', 'learners', 'reports'] as const;
export type ClassPart = (typeof CLASS_PARTS)[number];

/** Texts of the lesson studio (its pages; learners' studio lessons use the lesson texts). */
export const STUDIO_PART = 'studio';

export async function createTranslator(locale: Locale, messages: Messages): Promise<Translate> {
	if (browser) return createFormatter(locale, messages);
	return serverTranslator(locale, messages);
}

// One i18next instance per language and message set, initialised once and never changed
// afterwards (no changeLanguage, no added resources): the language is fixed per instance,
// so requests can share it without one person's language leaking into another's page.
// Nor do its texts: each text (key and options) is worked out once and remembered.
const MAX_REMEMBERED_TEXTS = 5000;
const translators = new WeakMap<Messages, Map<Locale, Promise<Translate>>>();

function serverTranslator(locale: Locale, messages: Messages): Promise<Translate> {
	let byLocale = translators.get(messages);
	if (!byLocale) translators.set(messages, (byLocale = new Map()));
	let translator = byLocale.get(locale);
	if (!translator) {
		translator = import('i18next').then(async ({ default: i18next }) => {
			const instance = i18next.createInstance();
			await instance.init({
				lng: locale,
				resources: { [locale]: { translation: messages } },
				initAsync: false,
				// Svelte escapes everything it renders; escaping here too would show "&amp;".
				interpolation: { escapeValue: false },
				returnNull: false
			});
			const translate = instance.getFixedT(locale);
			const known = new Map<string, string>();
			return (key: string, options?: TranslateOptions) => {
				const id = options ? `${key}\u0000${JSON.stringify(options)}` : key;
				let text = known.get(id);
				if (text === undefined) {
					text = translate(key, options) as string;
					// Options can hold names and numbers without end; keep the memory bounded.
					if (known.size >= MAX_REMEMBERED_TEXTS) known.clear();
					known.set(id, text);
				}
				return text;
			};
		});
		byLocale.set(locale, translator);
	}
	return translator;
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
