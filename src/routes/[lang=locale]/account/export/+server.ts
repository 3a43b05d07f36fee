import { error, json } from '@sveltejs/kit';
import { exportAccountData } from '$lib/server/auth/account';
import type { RequestHandler } from './$types';

/** Download of everything stored about the signed-in person. */
export const GET: RequestHandler = async ({ locals }) => {
	if (!locals.user) error(401, 'errors.forbidden');
	const data = await exportAccountData(locals.db, locals.user.id);
	if (!data) error(404, 'errors.notFound');
	return json(data, {
		headers: {
			'Content-Disposition': `attachment; filename="lotse-data-${locals.user.username.replace(/[^\w.-]/g, '_')}.json"`,
			'Cache-Control': 'no-store'
		}
	});
};
