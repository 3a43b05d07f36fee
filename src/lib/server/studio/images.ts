/**
 * Images for figures in studio lessons. An upload is trusted for nothing: its type is read
 * from its bytes (never its name or the browser's content type), a file that is something
 * else as well (a polyglot: bytes after the image's end, or markup inside it) is refused,
 * and what is kept is not the upload but a new WebP that sharp encodes from the decoded
 * pixels: no metadata (EXIF, GPS, comments) survives, and the long side is at most
 * MAX_LONG_SIDE. The WebP bytes are stored in the database (see README.md).
 */
import { and, count, desc, eq } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import type { Db } from '../db/database.ts';
import { newId } from '../db/ids.ts';

/** The largest upload accepted, in bytes (2 MiB). */
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;
/** Room for the rest of the upload form (boundaries, headers, the alt text, the CSRF-free fields). */
export const MAX_UPLOAD_REQUEST_BYTES = MAX_IMAGE_BYTES + 64 * 1024;
/** Stored images are scaled down (never up) so that their longer side is at most this. */
export const MAX_LONG_SIDE = 1600;
/** Decoding stops above this many pixels: a small file can describe an enormous image. */
export const MAX_INPUT_PIXELS = 40_000_000;
/** How many images one person may keep: enough for many lessons, a bound on what one account can store. */
export const MAX_IMAGES_PER_PERSON = 500;
/** The longest alt text, in characters. */
export const MAX_ALT_LENGTH = 300;

export type UploadedType = 'png' | 'jpeg' | 'webp';
const ACCEPTED: Readonly<Record<string, UploadedType>> = {
	'image/png': 'png',
	'image/jpeg': 'jpeg',
	'image/webp': 'webp'
};

/** Why an upload was refused, as i18n keys under `images.errors`. */
export type ImageRefusal =
	| 'images.errors.empty'
	| 'images.errors.tooLarge'
	| 'images.errors.notAnImage'
	| 'images.errors.polyglot'
	| 'images.errors.unreadable';

/** The image type the bytes themselves declare, or null when they are not PNG, JPEG or WebP. */
export async function detectImageType(bytes: Uint8Array): Promise<UploadedType | null> {
	const found = await fileTypeFromBuffer(bytes);
	return (found && ACCEPTED[found.mime]) ?? null;
}

const ascii = (bytes: Uint8Array, from: number, length: number) =>
	String.fromCharCode(...bytes.subarray(from, from + length));

/** Where a PNG's last chunk (IEND) ends, walking its chunks; null when the chunks are broken. */
function pngEnd(bytes: Uint8Array): number | null {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	let at = 8;
	while (at + 12 <= bytes.length) {
		const length = view.getUint32(at);
		const type = ascii(bytes, at + 4, 4);
		const next = at + 12 + length;
		if (next > bytes.length) return null;
		if (type === 'IEND') return next;
		at = next;
	}
	return null;
}

/** Where a WebP ends by its RIFF header (the size is of what follows the first 8 bytes, padded to even). */
function webpEnd(bytes: Uint8Array): number | null {
	if (bytes.length < 12) return null;
	const size = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4, true);
	return 8 + size + (size % 2);
}

/** A JPEG ends with its end-of-image marker; a file with anything after it carries something else. */
function jpegEnds(bytes: Uint8Array): boolean {
	return bytes.length >= 4 && bytes[bytes.length - 2] === 0xff && bytes[bytes.length - 1] === 0xd9;
}

/** Whether an end-of-image marker appears anywhere (a JPEG without one was cut short). */
function hasEndMarker(bytes: Uint8Array): boolean {
	for (let at = bytes.length - 2; at >= 2; at--) if (bytes[at] === 0xff && bytes[at + 1] === 0xd9) return true;
	return false;
}

// Markup a browser or an interpreter would act on. Seven given bytes appear by chance in
// compressed image data about once in 2^56 positions: a match is put there on purpose.
const MARKUP = /<(?:script|html|svg|iframe|object|embed|body|\?php|!doctype)\b/i;

/**
 * Whether the file is more than one image: data after the image's own end (an archive or a
 * page appended), or markup inside it (a page hidden in a comment or a text chunk).
 */
export function isPolyglot(bytes: Uint8Array, type: UploadedType): boolean {
	// A file that stops before its own end is damaged, not a polyglot: decoding refuses it.
	const end = type === 'png' ? pngEnd(bytes) : type === 'webp' ? webpEnd(bytes) : null;
	if (type === 'jpeg' ? !jpegEnds(bytes) && hasEndMarker(bytes) : end !== null && end < bytes.length) return true;
	return MARKUP.test(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'));
}

export interface EncodedImage {
	data: Buffer;
	width: number;
	height: number;
}

/**
 * A new WebP from the decoded pixels: turned upright by its orientation tag first (which is
 * then dropped with all other metadata), scaled to fit MAX_LONG_SIDE, only the first frame
 * of an animation.
 */
export async function reencodeImage(bytes: Uint8Array): Promise<EncodedImage> {
	const { data, info } = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
		.rotate()
		.resize({ width: MAX_LONG_SIDE, height: MAX_LONG_SIDE, fit: 'inside', withoutEnlargement: true })
		.webp({ quality: 82 })
		.toBuffer({ resolveWithObject: true });
	return { data, width: info.width, height: info.height };
}

export type PreparedImage = { ok: true; image: EncodedImage } | { ok: false; error: ImageRefusal };

/** Checks an upload's bytes and re-encodes them, or says why not. */
export async function prepareImage(bytes: Uint8Array): Promise<PreparedImage> {
	if (bytes.length === 0) return { ok: false, error: 'images.errors.empty' };
	if (bytes.length > MAX_IMAGE_BYTES) return { ok: false, error: 'images.errors.tooLarge' };
	const type = await detectImageType(bytes);
	if (!type) return { ok: false, error: 'images.errors.notAnImage' };
	if (isPolyglot(bytes, type)) return { ok: false, error: 'images.errors.polyglot' };
	try {
		return { ok: true, image: await reencodeImage(bytes) };
	} catch {
		// Truncated or corrupt data, or more pixels than MAX_INPUT_PIXELS.
		return { ok: false, error: 'images.errors.unreadable' };
	}
}

/** What the owner's list shows of an image (never its bytes). */
export interface ImageSummary {
	id: string;
	alt: string;
	width: number;
	height: number;
	byteSize: number;
	createdAt: Date;
}

/** Stores an image prepared by `prepareImage` for `userId`, with its default alt text. */
export async function saveImage(
	db: Db,
	userId: string,
	image: EncodedImage,
	alt: string,
	now = new Date()
): Promise<ImageSummary> {
	const row = {
		id: newId(),
		userId,
		alt,
		width: image.width,
		height: image.height,
		byteSize: image.data.length,
		data: image.data,
		createdAt: now
	};
	await db.orm.insert(db.t.studioImages).values(row);
	const { id, width, height, byteSize, createdAt } = row;
	return { id, alt, width, height, byteSize, createdAt };
}

const summaryColumns = (db: Db) => {
	const t = db.t.studioImages;
	return { id: t.id, alt: t.alt, width: t.width, height: t.height, byteSize: t.byteSize, createdAt: t.createdAt };
};

/** Whether the person may keep one more image (MAX_IMAGES_PER_PERSON). */
export async function hasRoomForImage(db: Db, userId: string): Promise<boolean> {
	const t = db.t.studioImages;
	const [row] = await db.orm.select({ n: count() }).from(t).where(eq(t.userId, userId));
	return Number(row?.n ?? 0) < MAX_IMAGES_PER_PERSON;
}

/** The person's own images, newest first. */
export async function listImages(db: Db, userId: string): Promise<ImageSummary[]> {
	const t = db.t.studioImages;
	return db.orm.select(summaryColumns(db)).from(t).where(eq(t.userId, userId)).orderBy(desc(t.createdAt), t.id);
}

/** One image's owner and summary, to check who may act on it; null when there is none. */
export async function findImage(db: Db, id: string): Promise<(ImageSummary & { userId: string }) | null> {
	const t = db.t.studioImages;
	const [row] = await db.orm
		.select({ ...summaryColumns(db), userId: t.userId })
		.from(t)
		.where(eq(t.id, id));
	return row ?? null;
}

/** The stored WebP bytes, for GET /media/studio/<id>; null when there is no such image. */
export async function imageData(db: Db, id: string): Promise<Buffer | null> {
	const t = db.t.studioImages;
	const [row] = await db.orm.select({ data: t.data }).from(t).where(eq(t.id, id));
	return row ? Buffer.from(row.data) : null;
}

/** Deletes the image if `userId` owns it; whether it did. */
export async function deleteImage(db: Db, userId: string, id: string): Promise<boolean> {
	const t = db.t.studioImages;
	const deleted = await db.orm
		.delete(t)
		.where(and(eq(t.id, id), eq(t.userId, userId)))
		.returning({ id: t.id });
	return deleted.length > 0;
}

/** The reference an author writes in a lesson, and the Markdown of a figure that shows it. */
export const imageReference = (id: string) => `image:${id}`;
export const imageMarkdown = (id: string, alt: string) =>
	`![${alt.replace(/[[\]\\]/g, (c) => `\\${c}`)}](${imageReference(id)})`;
