import { json } from '@sveltejs/kit';
import { OPEN_DATA_LICENCE_URL, participationOpenData } from '$lib/server/participation/open-data';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) => {
	const data = await participationOpenData(locals.db);
	return json(data, {
		headers: {
			'access-control-allow-origin': '*',
			link: `<${OPEN_DATA_LICENCE_URL}>; rel="license"`,
			'cache-control': 'public, max-age=60'
		}
	});
};
