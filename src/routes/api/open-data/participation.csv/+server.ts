import { OPEN_DATA_LICENCE_URL, openDataCsv, participationOpenData } from '$lib/server/participation/open-data';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) => {
	const data = await participationOpenData(locals.db);
	return new Response(openDataCsv(data), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'inline; filename="participation.csv"',
			'access-control-allow-origin': '*',
			'last-modified': new Date(data.generatedAt).toUTCString(),
			link: `<${OPEN_DATA_LICENCE_URL}>; rel="license"`,
			'cache-control': 'public, max-age=60'
		}
	});
};
