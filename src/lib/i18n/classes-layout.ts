/**
 * The load of the classes layout: the core texts and the class parts, so its pages can use
 * `classes.*`, `learners.*` and `reports.*` keys.
 */
import { DEFAULT_LOCALE, isLocale } from './locales';
import { CLASS_PARTS, CORE_PARTS, createTranslator, loadMessages, type Translate } from './translator';

export async function classesTranslator(lang: string): Promise<{ t: Translate }> {
	// The [lang=locale] matcher has already refused any other value.
	const locale = isLocale(lang) ? lang : DEFAULT_LOCALE;
	const messages = await loadMessages(locale, [...CORE_PARTS, ...CLASS_PARTS]);
	return { t: await createTranslator(locale, messages) };
}
