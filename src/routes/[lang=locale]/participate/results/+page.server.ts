import { textDirection } from '$lib/i18n/locales';
import { strategyResults } from '$lib/server/participation/results';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const results = await strategyResults(locals.db, locals.locale);
	return { ...results, rtl: textDirection(locals.locale) === 'rtl' };
};
