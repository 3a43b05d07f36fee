/** The UI languages. German is the default and the reference for every translation. */
export const LOCALES = ['de', 'en', 'tr', 'ar', 'uk', 'ru', 'fa', 'pl'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'de';
export const LOCALE_COOKIE = 'lotse_locale';

const RIGHT_TO_LEFT: ReadonlySet<Locale> = new Set(['ar', 'fa']);

/** Each language's name in that language, for the switcher. */
export const LOCALE_NAMES: Record<Locale, string> = {
	de: 'Deutsch',
	en: 'English',
	tr: 'Türkçe',
	ar: 'العربية',
	uk: 'Українська',
	ru: 'Русский',
	fa: 'فارسی',
	pl: 'Polski'
};

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function textDirection(locale: Locale): 'ltr' | 'rtl' {
	return RIGHT_TO_LEFT.has(locale) ? 'rtl' : 'ltr';
}

/** Picks the best UI language from an Accept-Language header. */
export function negotiateLocale(acceptLanguage: string | null): Locale | null {
	if (!acceptLanguage) return null;
	const ranked = acceptLanguage
		.split(',')
		.map((part) => {
			const [tag = '', ...params] = part.trim().split(';');
			const q = params.find((p) => p.trim().startsWith('q='));
			return { tag: tag.trim().toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
		})
		.filter((entry) => entry.tag && Number.isFinite(entry.q) && entry.q > 0)
		.sort((a, b) => b.q - a.q);
	for (const { tag } of ranked) {
		const base = tag.split('-')[0];
		if (isLocale(base)) return base;
	}
	return null;
}

/** The same page in another language: swaps the first path segment. */
export function localizedPath(pathname: string, locale: Locale): string {
	const [, first, ...rest] = pathname.split('/');
	if (isLocale(first)) return ['', locale, ...rest].join('/');
	return `/${locale}${pathname === '/' ? '' : pathname}`;
}
