/**
 * Picking the text a reader sees from the languages it exists in. A missing translation
 * falls back to German, and says so: the page shows a label and sets `lang="de"` on it, as
 * lesson pages do.
 */
import { DEFAULT_LOCALE, type Locale } from '../../i18n/locales.ts';
import type { TextLocale } from './rules.ts';

export interface Localized<T> {
	value: T;
	/** The language the text is in (for the lang attribute): the reader's, or German. */
	lang: Locale;
	/** True when the reader's language was missing and German is shown instead. */
	fallback: boolean;
}

export function pickLocalized<T extends { locale: TextLocale }>(
	rows: readonly T[],
	locale: Locale
): Localized<T> | null {
	const own = rows.find((row) => row.locale === locale);
	if (own) return { value: own, lang: locale, fallback: false };
	const german = rows.find((row) => row.locale === DEFAULT_LOCALE);
	return german ? { value: german, lang: DEFAULT_LOCALE, fallback: true } : null;
}
