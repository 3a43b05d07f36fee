import { classesTranslator } from '$lib/i18n/classes-layout';
import type { LayoutLoad } from './$types';

export const load: LayoutLoad = ({ params }) => classesTranslator(params.lang);
