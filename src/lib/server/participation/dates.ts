/** Dates as the participation pages show them: a day in the reader's language, and the machine-readable form for <time>. */
import type { Locale } from '../../i18n/locales.ts';

export interface ShownDay {
	/** For the datetime attribute. */
	iso: string;
	/** "31. März 2026", "31 March 2026" … */
	text: string;
}

export function formatDay(date: Date, locale: Locale): ShownDay {
	return {
		iso: date.toISOString(),
		text: new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Europe/Berlin' }).format(date)
	};
}
