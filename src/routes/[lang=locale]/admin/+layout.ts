import { participationTranslator } from '$lib/i18n/participation-layout';
import type { LayoutLoad } from './$types';

export const load: LayoutLoad = ({ params }) => participationTranslator(params.lang);
