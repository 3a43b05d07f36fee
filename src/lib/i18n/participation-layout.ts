/**
 * The load of the participation, moderation, admin and account layouts: the core texts and
 * the participation parts, so their pages can use `participate.*`, `discussion.*`,
 * `moderation.*` and `admin.*` keys.
 */
import { DEFAULT_LOCALE, isLocale } from './locales';
import { CORE_PARTS, createTranslator, loadMessages, PARTICIPATION_PARTS, type Translate } from './translator';

export async function participationTranslator(lang: string): Promise<{ t: Translate }> {
	// The [lang=locale] matcher has already refused any other value.
	const locale = isLocale(lang) ? lang : DEFAULT_LOCALE;
	const messages = await loadMessages(locale, [...CORE_PARTS, ...PARTICIPATION_PARTS]);
	return { t: await createTranslator(locale, messages) };
}
