import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { isOwner, requirePermission, requireRole } from '$lib/server/auth/policy';
import {
	deleteImage,
	findImage,
	hasRoomForImage,
	imageMarkdown,
	imageReference,
	listImages,
	MAX_ALT_LENGTH,
	MAX_IMAGE_BYTES,
	MAX_UPLOAD_REQUEST_BYTES,
	prepareImage,
	saveImage,
	type ImageRefusal
} from '$lib/server/studio/images';
import { formFailure, parseForm, readForm, type FieldErrors } from '$lib/server/validation/form';
import { plainText } from '$lib/server/validation/text';
import type { Actions, PageServerLoad } from './$types';

const DONE = ['uploaded', 'deleted'] as const;
type Done = (typeof DONE)[number];

/** The signed-in instructor's (or admin's) own images, with what they write to use each. */
export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'instructor', 'admin');
	const done = event.url.searchParams.get('done');
	return {
		images: (await listImages(event.locals.db, user.id)).map((image) => ({
			...image,
			src: `/media/studio/${image.id}`,
			reference: imageReference(image.id),
			markdown: imageMarkdown(image.id, image.alt)
		})),
		maxMegabytes: MAX_IMAGE_BYTES / 1024 / 1024,
		done: (DONE as readonly (string | null)[]).includes(done) ? (done as Done) : null
	};
};

const altForm = z.object({ alt: plainText({ max: MAX_ALT_LENGTH }) });
const deleteForm = z.object({ id: z.string({ error: 'errors.invalid' }).min(1).max(64) });

const STATUS: Record<ImageRefusal, number> = {
	'images.errors.empty': 400,
	'images.errors.tooLarge': 413,
	'images.errors.notAnImage': 415,
	'images.errors.polyglot': 415,
	'images.errors.unreadable': 422
};

const refused = (errors: FieldErrors, status: number, values: Record<string, string> = {}) =>
	formFailure(errors, { status, formId: 'upload', values });

/** The upload's body is read only when its declared size allows (a 20 MB upload is a 413, never buffered). */
async function readUpload(request: Request): Promise<FormData | number> {
	const declared = Number(request.headers.get('content-length'));
	if (Number.isFinite(declared) && declared > MAX_UPLOAD_REQUEST_BYTES) return 413;
	try {
		return await request.formData();
	} catch (failure) {
		// The server's BODY_SIZE_LIMIT stopped a body sent without a length; anything else is not a form.
		return (failure as { status?: number }).status === 413 ? 413 : 400;
	}
}

async function upload(event: RequestEvent) {
	const user = requireRole(event, 'instructor', 'admin');
	const form = await readUpload(event.request);
	if (typeof form === 'number') {
		return refused({ file: form === 413 ? 'images.errors.tooLarge' : 'errors.badRequest' }, form);
	}
	const alt = parseForm(form, altForm);
	const file = form.get('file');
	const errors: FieldErrors = alt.ok ? {} : { ...alt.failure.data.errors };
	const values = alt.ok ? alt.values : alt.failure.data.values;
	let status = alt.ok ? 400 : alt.failure.status;
	if (!(file instanceof File) || file.size === 0) errors.file = 'images.errors.empty';
	else if (file.size > MAX_IMAGE_BYTES) [errors.file, status] = ['images.errors.tooLarge', 413];
	if (!alt.ok || !(file instanceof File) || Object.keys(errors).length) return refused(errors, status, values);
	if (!(await hasRoomForImage(event.locals.db, user.id)))
		return refused({ file: 'images.errors.tooMany' }, 409, values);
	const prepared = await prepareImage(new Uint8Array(await file.arrayBuffer()));
	if (!prepared.ok) return refused({ file: prepared.error }, STATUS[prepared.error], values);
	const saved = await saveImage(event.locals.db, user.id, prepared.image, alt.data.alt);
	redirect(303, `/${event.locals.locale}/studio/images?done=uploaded#image-${saved.id}`);
}

async function remove(event: RequestEvent) {
	const user = requireRole(event, 'instructor', 'admin');
	const form = await readForm(event.request, deleteForm);
	if (!form.ok) return form.failure;
	const image = await findImage(event.locals.db, form.data.id);
	if (!image) error(404, 'errors.notFound');
	requirePermission(event, isOwner, image);
	await deleteImage(event.locals.db, user.id, image.id);
	redirect(303, `/${event.locals.locale}/studio/images?done=deleted`);
}

export const actions: Actions = { upload, delete: remove };
