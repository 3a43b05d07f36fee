/**
 * A due date as people read it: the day, in the city's time zone (a due date ends with the
 * day in Berlin), in the page's language. The same on the server and in the browser.
 */
export function formatDueDate(date: Date | string, locale: string): string {
	return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Europe/Berlin' }).format(new Date(date));
}

/** As the value of a date input ("2026-03-01"), in the city's time zone. */
export function dueDateInput(date: Date | string | null): string {
	if (!date) return '';
	// en-CA formats dates as YYYY-MM-DD.
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date(date));
}
