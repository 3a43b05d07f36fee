/** The load of the studio's pages: the core texts and the studio's (`studio.*`, `images.*`, `quizEditor.*`). */
import { DEFAULT_LOCALE, isLocale } from './locales';
import { CORE_PARTS, createTranslator, loadMessages, STUDIO_PART, type Translate } from './translator';

export async function studioTranslator(lang: string): Promise<{ t: Translate }> {
	// The [lang=locale] matcher has already refused any other value.
	const locale = isLocale(lang) ? lang : DEFAULT_LOCALE;
	const messages = await loadMessages(locale, [...CORE_PARTS, STUDIO_PART]);
	return { t: await createTranslator(locale, messages) };
}
