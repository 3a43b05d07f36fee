/**
 * What components use to translate: `t('nav.learn')`. It reads the translator that the root
 * layout created for this request (server) or this page (browser), so components need no props.
 */
import { page } from '$app/state';
import type { DisplaySettings } from '$lib/display-settings';
import type { Role } from '$lib/roles';
import type { Locale } from './locales';
import type { Translate, TranslateOptions } from './translator';

/** What the root layout puts into every page's data. */
export interface RootData {
	locale: Locale;
	t: Translate;
	user: { username: string; role: Role } | null;
	display: DisplaySettings;
	/** The signed-in person's unread notifications (0 for guests). */
	unread: number;
}

export function rootData(): RootData {
	return page.data as RootData;
}

export function t(key: string, options?: TranslateOptions): string {
	return rootData().t(key, options);
}

export function currentLocale(): Locale {
	return rootData().locale;
}

/** A path inside the current language, e.g. href('/learn') → "/de/learn". */
export function href(path: string): string {
	return `/${rootData().locale}${path === '/' ? '' : path}`;
}
