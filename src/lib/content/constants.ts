/** Curriculum vocabulary shared by pages and the server (no validation code, so pages stay light). */
export const LEVELS = ['foundation', 'intermediate', 'advanced'] as const;
export const COMPETENCES = [
	'1.1', '1.2', '1.3',
	'2.1', '2.2', '2.3', '2.4', '2.5', '2.6',
	'3.1', '3.2', '3.3', '3.4',
	'4.1', '4.2', '4.3', '4.4',
	'5.1', '5.2', '5.3', '5.4'
] as const;
export const DIGCOMP_AREAS = ['1', '2', '3', '4', '5'] as const;
export const CONTENT_LOCALES = ['de', 'en', 'tr', 'ar', 'uk', 'ru', 'fa', 'pl', 'de-easy'] as const;
export type ContentLocale = (typeof CONTENT_LOCALES)[number];
