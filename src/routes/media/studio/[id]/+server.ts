import { error } from '@sveltejs/kit';
import { imageData } from '$lib/server/studio/images';
import type { RequestHandler } from './$types';

// Ids are random (120 bits) and an image never changes under its id (a new upload gets a new
// one), so browsers may keep it for a year. Anyone with the address may see it, as anyone who
// reads the lesson that shows it.
const ID = /^[a-z2-7]{24}$/;

export const GET: RequestHandler = async ({ params, locals }) => {
	const data = ID.test(params.id) ? await imageData(locals.db, params.id) : null;
	if (!data) error(404, 'errors.notFound');
	return new Response(new Uint8Array(data), {
		headers: {
			'content-type': 'image/webp',
			'content-length': String(data.length),
			'cache-control': 'public, max-age=31536000, immutable',
			'x-content-type-options': 'nosniff',
			// Opened on its own, the image is a document that may run nothing and load nothing.
			'content-security-policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
			'cross-origin-resource-policy': 'same-origin'
		}
	});
};
