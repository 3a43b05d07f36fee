import { createTranslator, loadMessages } from '$lib/i18n/translator';
import type { LayoutLoad } from './$types';

export const load: LayoutLoad = async ({ data }) => {
	const messages = await loadMessages(data.locale);
	return { ...data, t: await createTranslator(data.locale, messages) };
};
