import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

// The form on this page asks for a code; a submitted code goes to /verify/CODE.
export const load: PageServerLoad = ({ url, locals }) => {
	const code = url.searchParams.get('code')?.trim();
	if (code && /^[A-Za-z0-9-]{1,40}$/.test(code))
		redirect(303, `/${locals.locale}/verify/${encodeURIComponent(code.toUpperCase())}`);
	return { code: code ?? '' };
};
