/**
 * What happens to an uploaded image: its type is read from its bytes, files that are more
 * than an image are refused, and what is kept is a new WebP without metadata, at most
 * 1600 pixels on its long side. Every file here is made by the test.
 */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
	detectImageType,
	isPolyglot,
	MAX_IMAGE_BYTES,
	MAX_LONG_SIDE,
	prepareImage,
	reencodeImage
} from '../../src/lib/server/studio/images.ts';
import {
	jpegWithLocation,
	pictureBytes,
	pngClaiming,
	pngWithPageAppended,
	pngWithText,
	SCRIPTED_SVG
} from '../helpers/image-factories.ts';

describe('the type of an upload', () => {
	it.each(['png', 'jpeg', 'webp'] as const)('is read from the bytes of a %s', async (format) => {
		expect(await detectImageType(await pictureBytes(format))).toBe(format);
	});

	it('is not an image for an SVG, a GIF, a PDF or text, whatever the file was called', async () => {
		expect(await detectImageType(SCRIPTED_SVG)).toBeNull();
		expect(await detectImageType(await pictureBytes('gif' as 'png'))).toBeNull();
		expect(await detectImageType(Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n'))).toBeNull();
		expect(await detectImageType(Buffer.from('just some words'))).toBeNull();
	});
});

describe('a polyglot', () => {
	it('is a PNG or WebP with anything after its end, or a JPEG that does not end with its end marker', async () => {
		expect(isPolyglot(await pngWithPageAppended(), 'png')).toBe(true);
		const zip = Buffer.from('PK\u0003\u0004 an archive', 'latin1');
		expect(isPolyglot(Buffer.concat([await pictureBytes('webp'), zip]), 'webp')).toBe(true);
		expect(isPolyglot(Buffer.concat([await pictureBytes('jpeg'), zip]), 'jpeg')).toBe(true);
	});

	it('is an image with markup inside it', async () => {
		expect(isPolyglot(await pngWithText('<script>alert(1)</script>'), 'png')).toBe(true);
		expect(isPolyglot(await pngWithText('<SVG onload=alert(1)>'), 'png')).toBe(true);
	});

	it('is not a plain picture, nor one with an ordinary comment', async () => {
		for (const format of ['png', 'jpeg', 'webp'] as const) {
			expect(isPolyglot(await pictureBytes(format), format), format).toBe(false);
		}
		expect(isPolyglot(await pngWithText('Made with an image program; 3 < 4'), 'png')).toBe(false);
	});
});

describe('preparing an upload', () => {
	it('refuses an empty file, a file over 2 MB, an SVG, a polyglot and a damaged image, each with its reason', async () => {
		const png = await pictureBytes('png');
		const tooLarge = Buffer.concat([png, Buffer.alloc(MAX_IMAGE_BYTES + 1 - png.length)]);
		const cases: [Uint8Array, string][] = [
			[new Uint8Array(0), 'images.errors.empty'],
			[tooLarge, 'images.errors.tooLarge'],
			[SCRIPTED_SVG, 'images.errors.notAnImage'],
			[await pngWithPageAppended(), 'images.errors.polyglot'],
			[png.subarray(0, png.length - 20), 'images.errors.unreadable']
		];
		for (const [bytes, error] of cases) expect(await prepareImage(bytes)).toEqual({ ok: false, error });
	});

	it('refuses an image that claims more pixels than it may decode, without decoding them', async () => {
		expect(await prepareImage(await pngClaiming(20_000, 20_000))).toEqual({
			ok: false,
			error: 'images.errors.unreadable'
		});
	});

	it('keeps a WebP of each accepted format, of the same size when it is small', async () => {
		for (const format of ['png', 'jpeg', 'webp'] as const) {
			const prepared = await prepareImage(await pictureBytes(format, 30, 20));
			expect(prepared.ok, format).toBe(true);
			if (!prepared.ok) continue;
			const stored = await sharp(prepared.image.data).metadata();
			expect([stored.format, stored.width, stored.height]).toEqual(['webp', 30, 20]);
			expect([prepared.image.width, prepared.image.height]).toEqual([30, 20]);
		}
	});
});

describe('re-encoding', () => {
	it('scales a large picture down to 1600 pixels on its long side, keeping its proportions', async () => {
		const wide = await reencodeImage(await pictureBytes('png', 3200, 1000));
		expect([wide.width, wide.height]).toEqual([MAX_LONG_SIDE, 500]);
		const tall = await reencodeImage(await pictureBytes('jpeg', 900, 2400));
		expect([tall.width, tall.height]).toEqual([600, MAX_LONG_SIDE]);
	});

	it('drops camera details and location, and whatever a text chunk said', async () => {
		const photo = await jpegWithLocation();
		expect((await sharp(photo).metadata()).exif, 'the test photo has EXIF to strip').toBeDefined();
		const stored = await reencodeImage(photo);
		const metadata = await sharp(stored.data).metadata();
		expect([metadata.exif, metadata.xmp, metadata.icc, metadata.iptc]).toEqual([
			undefined,
			undefined,
			undefined,
			undefined
		]);
		expect(stored.data.toString('latin1')).not.toMatch(/Lotse Test Camera|Mustermann/);
		const commented = await reencodeImage(await pngWithText('Aufgenommen in der Bücherhalle Altona'));
		expect(commented.data.toString('latin1')).not.toContain('Altona');
	});
});
