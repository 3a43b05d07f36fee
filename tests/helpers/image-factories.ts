/**
 * Images made in the test, a few bytes each (no binary fixtures in the repository): plain
 * pictures from sharp, and hand-made files that only look like images.
 */
import sharp from 'sharp';
import { reencodeImage, type EncodedImage } from '../../src/lib/server/studio/images.ts';

export type Format = 'png' | 'jpeg' | 'webp';

/** A picture of one colour in `format`, `width` × `height` pixels. */
export async function pictureBytes(format: Format, width = 8, height = 6, colour = '#1f5fbf'): Promise<Buffer> {
	const picture = sharp({ create: { width, height, channels: 3, background: colour } });
	return picture.toFormat(format).toBuffer();
}

/** What the studio stores for a small blue square: ready for saveImage. */
export async function tinyImage(): Promise<EncodedImage> {
	return reencodeImage(await pictureBytes('png'));
}

/** An SVG with a script: what an attacker would upload, under any name. */
export const SCRIPTED_SVG = Buffer.from(
	'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script><rect width="10" height="10"/></svg>'
);

/** A real PNG with a web page after its end: an image to a decoder, a page to a sniffing browser. */
export async function pngWithPageAppended(): Promise<Buffer> {
	return Buffer.concat([await pictureBytes('png'), Buffer.from('<html><script>alert(1)</script></html>')]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
	let c = 0xffffffff;
	for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

/** A PNG chunk (length, type, data, CRC) to put into a PNG. */
export function pngChunk(type: string, data: Uint8Array): Buffer {
	const head = Buffer.alloc(8);
	head.writeUInt32BE(data.length, 0);
	head.write(type, 4, 'latin1');
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
	return Buffer.concat([head, data, crc]);
}

/** A PNG with a text chunk (as image programs write comments) holding `text`, placed before IEND. */
export async function pngWithText(text: string): Promise<Buffer> {
	const png = await pictureBytes('png');
	const iend = png.length - 12;
	const chunk = pngChunk('tEXt', Buffer.from(`Comment\0${text}`, 'latin1'));
	return Buffer.concat([png.subarray(0, iend), chunk, png.subarray(iend)]);
}

/** A small PNG whose header claims `width` × `height` pixels (a decompression bomb's shape). */
export async function pngClaiming(width: number, height: number): Promise<Buffer> {
	const png = Buffer.from(await pictureBytes('png'));
	// Signature (8), then the IHDR chunk: length (4), type (4), width, height, …
	const ihdr = Buffer.from(png.subarray(16, 29));
	ihdr.writeUInt32BE(width, 0);
	ihdr.writeUInt32BE(height, 4);
	return Buffer.concat([png.subarray(0, 8), pngChunk('IHDR', ihdr), png.subarray(33)]);
}

/** A JPEG that carries camera details and a location (EXIF), as phone photos do. */
export async function jpegWithLocation(): Promise<Buffer> {
	return sharp({ create: { width: 12, height: 9, channels: 3, background: '#c0392b' } })
		.withExif({
			IFD0: { Make: 'Lotse Test Camera', Copyright: 'Erika Mustermann' },
			IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '53/1 33/1 0/1' }
		})
		.jpeg()
		.toBuffer();
}
