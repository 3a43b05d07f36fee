/**
 * $lib/i18n for the lesson islands (the islands build points that import here). Islands run
 * without SvelteKit's client, so the texts come from the page: the lesson page renders the
 * message parts its islands need into #island-messages (see IslandMessages.svelte).
 */
import { createFormatter, type Translate, type TranslateOptions } from '$lib/i18n/formatter';
import { DEFAULT_LOCALE, isLocale, type Locale } from '$lib/i18n/locales';

let translate: Translate | undefined;

export function currentLocale(): Locale {
	const lang = document.documentElement.lang;
	return isLocale(lang) ? lang : DEFAULT_LOCALE;
}

export function t(key: string, options?: TranslateOptions): string {
	if (!translate) {
		const source = document.getElementById('island-messages')?.dataset.messages;
		translate = createFormatter(currentLocale(), source ? JSON.parse(source) : {});
	}
	return translate(key, options);
}

export function href(path: string): string {
	return `/${currentLocale()}${path === '/' ? '' : path}`;
}
