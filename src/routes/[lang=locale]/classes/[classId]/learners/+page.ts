import { cardTranslator } from '$lib/components/classes/card-translator';
import type { PageLoad } from './$types';

// Login cards are printed in the class's language, whatever language the page is in.
export const load: PageLoad = async ({ data }) => ({ ...data, cardT: await cardTranslator(data.cardLocale) });
