import { redirect } from '@sveltejs/kit';
import { isLocale, LOCALE_COOKIE, negotiateLocale, DEFAULT_LOCALE } from '$lib/i18n/locales';
import type { PageServerLoad } from './$types';

/** "/" sends people to their language: the one they chose before, else their browser's. */
export const load: PageServerLoad = ({ cookies, request }) => {
	const chosen = cookies.get(LOCALE_COOKIE);
	const locale = isLocale(chosen)
		? chosen
		: (negotiateLocale(request.headers.get('accept-language')) ?? DEFAULT_LOCALE);
	redirect(303, `/${locale}`);
};
