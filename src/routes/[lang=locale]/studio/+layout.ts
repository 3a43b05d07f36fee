import { studioTranslator } from '$lib/i18n/studio-layout';
import type { LayoutLoad } from './$types';

export const load: LayoutLoad = ({ params }) => studioTranslator(params.lang);
