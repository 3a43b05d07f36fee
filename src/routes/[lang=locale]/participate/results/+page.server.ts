import { textDirection } from '$lib/i18n/locales';
import { strategyResults } from '$lib/server/participation/results';
import type { PageServerLoad } from './$types';

// The SvelteKit client alone would go over the 40 KB budget of participation pages; every
// form here is a plain form action, so the page works the same without it.
export const csr = false;

export const load: PageServerLoad = async ({ locals }) => {
	const results = await strategyResults(locals.db, locals.locale);
	return { ...results, rtl: textDirection(locals.locale) === 'rtl' };
};
