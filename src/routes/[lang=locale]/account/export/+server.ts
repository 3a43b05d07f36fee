import { error, json } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/policy';
import { exportPersonalData } from '$lib/server/privacy';
import type { RequestHandler } from './$types';

/** Download of everything stored about the signed-in person (others are sent to sign in). */
export const GET: RequestHandler = async (event) => {
	const user = requireUser(event);
	const data = await exportPersonalData(event.locals.db, user.id);
	if (!data) error(404, 'errors.notFound');
	return json(data, {
		headers: {
			'Content-Disposition': `attachment; filename="lotse-data-${user.username.replace(/[^\w.-]/g, '_')}.json"`,
			'Cache-Control': 'no-store'
		}
	});
};
