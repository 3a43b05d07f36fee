/**
 * One i18next instance per request (server) or per page load (browser): instances are
 * never shared between requests, so one person's language cannot leak into another's page.
 */
import i18next, { type TOptions } from 'i18next';
import type { Locale } from './locales.ts';

export type Messages = Record<string, unknown>;
export type Translate = (key: string, options?: TOptions) => string;

export function createTranslator(locale: Locale, messages: Messages): Translate {
	const instance = i18next.createInstance();
	void instance.init({
		lng: locale,
		resources: { [locale]: { translation: messages } },
		initAsync: false,
		// Svelte escapes everything it renders; escaping here too would show "&amp;".
		interpolation: { escapeValue: false },
		returnNull: false
	});
	return (key, options) => instance.t(key, options) as string;
}

// translations/<locale>/<part>.json: each part holds its own top-level keys (shell, learn,
// simulations …) so that several people can translate different parts at once.
const loaders = import.meta.glob<Messages>('./translations/*/*.json', { import: 'default' });

export async function loadMessages(locale: Locale): Promise<Messages> {
	const parts = Object.entries(loaders).filter(([path]) => path.startsWith(`./translations/${locale}/`));
	if (parts.length === 0) throw new Error(`No translations for ${locale}`);
	const loaded = await Promise.all(parts.map(([, load]) => load()));
	return Object.assign({}, ...loaded);
}
