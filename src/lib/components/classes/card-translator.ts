/** The texts of login cards in the class's language, which may differ from the page's. */
import type { Locale } from '$lib/i18n/locales';
import { createTranslator, loadMessages, type Translate } from '$lib/i18n/translator';

export async function cardTranslator(locale: Locale): Promise<Translate> {
	return createTranslator(locale, await loadMessages(locale, ['learners']));
}
