/**
 * Compresses the pages and data the app renders (HTML, JSON, text), for people on slow
 * networks: a lesson page of 40 KB travels as about 9 KB. Static files are compressed once
 * at build time instead (adapter-node `precompress`, served by its static handler).
 *
 * On by default; LOTSE_COMPRESS=0 leaves it to a reverse proxy in front (README.md). Brotli
 * when the browser takes it, else gzip; nothing for small bodies (below 1 KB the headers
 * cost as much as is saved), bodies already encoded, or types that are compressed already
 * (images, fonts, PDF, ZIP). Compression runs on libuv's thread pool, not the event loop.
 */
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** Below this many bytes a body is sent as it is. */
export const MIN_COMPRESSED_SIZE = 1024;
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|manifest\+json)|image\/svg\+xml)/;

export type Encoding = 'br' | 'gzip';

/** The encoding to answer in for an Accept-Encoding header, or null for none. */
export function chooseEncoding(acceptEncoding: string | null): Encoding | null {
	if (!acceptEncoding) return null;
	const weights = new Map<string, number>();
	for (const part of acceptEncoding.toLowerCase().split(',')) {
		const [name = '', ...params] = part.trim().split(';');
		const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		weights.set(name.trim(), q ? Number(q.slice(2)) || 0 : 1);
	}
	const weight = (name: Encoding) => weights.get(name) ?? weights.get('*') ?? 0;
	if (weight('br') > 0) return 'br';
	if (weight('gzip') > 0) return 'gzip';
	return null;
}

/** Whether compression is on: LOTSE_COMPRESS=0 (or "false", "off") turns it off. */
export function compressionEnabled(setting = process.env.LOTSE_COMPRESS): boolean {
	return !['0', 'false', 'off', 'no'].includes((setting ?? '').trim().toLowerCase());
}

/** `response`, compressed for `request` where that helps; otherwise `response` itself. */
export async function compressResponse(request: Request, response: Response): Promise<Response> {
	const { headers } = response;
	if (request.method === 'HEAD' || !response.body || response.status === 204 || response.status === 304) {
		return response;
	}
	if (headers.has('content-encoding') || !COMPRESSIBLE.test(headers.get('content-type') ?? '')) return response;
	// Whatever happens below, the answer depends on Accept-Encoding.
	const vary = headers.get('vary');
	const varies = vary ? vary.toLowerCase().includes('accept-encoding') || vary.trim() === '*' : false;
	const encoding = chooseEncoding(request.headers.get('accept-encoding'));
	const length = Number(headers.get('content-length') ?? NaN);
	if (!encoding || length < MIN_COMPRESSED_SIZE) return varies ? response : withVary(response);
	const body = Buffer.from(await response.arrayBuffer());
	const out = new Headers(headers);
	if (!varies) out.append('vary', 'Accept-Encoding');
	if (body.length < MIN_COMPRESSED_SIZE) {
		out.set('content-length', String(body.length));
		return new Response(body, { status: response.status, statusText: response.statusText, headers: out });
	}
	const compressed = await compressBytes(body, encoding);
	out.set('content-encoding', encoding);
	out.set('content-length', String(compressed.length));
	// A strong validator names these bytes, not the uncompressed ones.
	const etag = out.get('etag');
	if (etag && !etag.startsWith('W/')) out.set('etag', `W/${etag}`);
	return new Response(compressed, { status: response.status, statusText: response.statusText, headers: out });
}

/** `body` compressed in `encoding`, with the settings every response uses. */
export async function compressBytes(body: Uint8Array, encoding: Encoding): Promise<Uint8Array<ArrayBuffer>> {
	// zlib hands back a Buffer of its own (not a slice of Node's shared pool).
	const compressed: Buffer = await (encoding === 'br'
		? brotli(body, {
				params: {
					// Quality 5: close to gzip's best size at a fraction of brotli's top-quality time.
					[constants.BROTLI_PARAM_QUALITY]: 5,
					[constants.BROTLI_PARAM_SIZE_HINT]: body.length,
					[constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT
				}
			})
		: gzipped(body, { level: 6 }));
	return compressed as Uint8Array<ArrayBuffer>;
}

function withVary(response: Response): Response {
	try {
		response.headers.append('vary', 'Accept-Encoding');
		return response;
	} catch {
		// Headers of a fetched response cannot change: send the same body under new ones.
		const headers = new Headers(response.headers);
		headers.append('vary', 'Accept-Encoding');
		return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
	}
}
