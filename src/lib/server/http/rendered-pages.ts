/**
 * Rendered pages kept in memory, for pages whose HTML depends only on what their key says.
 * Bounded by size: when the pages together pass `maxBytes`, the least recently used go.
 * Nothing goes stale: pages come from the build's own content, and a new build is a new
 * process.
 *
 * A page is kept as the bytes that go out: its UTF-8 body, and each compressed version the
 * first time a browser asks for it. So a hit neither re-encodes a string nor compresses
 * again, and the size limit counts what is really held (bytes outside the JavaScript heap,
 * not strings in it).
 */
import {
	chooseEncoding,
	compressBytes,
	compressionEnabled,
	MIN_COMPRESSED_SIZE,
	type Encoding
} from './compression.ts';

export interface RenderedPage {
	status: number;
	/** The response's headers without Set-Cookie, which belong to one request. */
	headers: [string, string][];
	/** The HTML as UTF-8 bytes. */
	body: Uint8Array<ArrayBuffer>;
	/** The body compressed, per encoding, made when a browser first asks for it. */
	encoded: Partial<Record<Encoding, Uint8Array<ArrayBuffer>>>;
}

/** Roughly what a kept page holds besides its bytes: the key, the headers, the objects. */
const OVERHEAD_PER_PAGE = 512;

export class RenderedPages {
	readonly #pages = new Map<string, RenderedPage>();
	#bytes = 0;

	/** `compress`: whether pages go out compressed (the app's setting, LOTSE_COMPRESS). */
	constructor(
		readonly maxBytes: number,
		readonly compress = compressionEnabled()
	) {}

	get size(): number {
		return this.#pages.size;
	}

	/** The bytes held: bodies, their compressed versions, keys and headers. */
	get bytes(): number {
		return this.#bytes;
	}

	/** The page kept for key, now the most recently used; or undefined. */
	get(key: string): RenderedPage | undefined {
		const page = this.#pages.get(key);
		if (page) {
			this.#pages.delete(key);
			this.#pages.set(key, page);
		}
		return page;
	}

	/** Keeps a 200 HTML response for key and answers the request with it (its body is read here). */
	async keep(key: string, request: Request, response: Response): Promise<Response> {
		if (response.status !== 200 || !response.headers.get('content-type')?.startsWith('text/html')) return response;
		const body = new Uint8Array(await response.arrayBuffer());
		const headers = [...response.headers].filter(([name]) => name !== 'set-cookie');
		this.#remove(key);
		const page: RenderedPage = { status: response.status, headers, body, encoded: {} };
		this.#pages.set(key, page);
		this.#add(sizeOf(key, page));
		return this.respond(key, page, request, response.headers.getSetCookie(), 'MISS');
	}

	/** The kept page as the answer to one request, with the cookies that request set. */
	async respond(
		key: string,
		page: RenderedPage,
		request: Request,
		setCookies: readonly string[],
		cache: 'HIT' | 'MISS' = 'HIT'
	): Promise<Response> {
		const headers = new Headers(page.headers);
		// Tells (tests and operators) whether a page came from memory, as HTTP caches do.
		headers.set('x-cache', cache);
		for (const cookie of lastPerName(setCookies)) headers.append('set-cookie', cookie);
		let body = page.body;
		if (this.compress && body.byteLength >= MIN_COMPRESSED_SIZE) {
			if (!headers.get('vary')?.toLowerCase().includes('accept-encoding')) headers.append('vary', 'Accept-Encoding');
			const encoding = chooseEncoding(request.headers.get('accept-encoding'));
			if (encoding) {
				body = page.encoded[encoding] ?? (await this.#encode(key, page, encoding));
				headers.set('content-encoding', encoding);
				// A strong validator names the uncompressed bytes.
				const etag = headers.get('etag');
				if (etag && !etag.startsWith('W/')) headers.set('etag', `W/${etag}`);
			}
		}
		headers.set('content-length', String(body.byteLength));
		return new Response(body, { status: page.status, headers });
	}

	async #encode(key: string, page: RenderedPage, encoding: Encoding): Promise<Uint8Array<ArrayBuffer>> {
		const compressed = await compressBytes(page.body, encoding);
		// Kept only while the page is (it may have been let go or replaced meanwhile).
		if (this.#pages.get(key) === page && !page.encoded[encoding]) {
			page.encoded[encoding] = compressed;
			this.#add(compressed.byteLength);
		}
		return compressed;
	}

	#add(bytes: number): void {
		this.#bytes += bytes;
		for (const oldest of this.#pages.keys()) {
			if (this.#bytes <= this.maxBytes) break;
			this.#remove(oldest);
		}
	}

	#remove(key: string): void {
		const page = this.#pages.get(key);
		if (!page) return;
		this.#bytes -= sizeOf(key, page);
		this.#pages.delete(key);
	}
}

function sizeOf(key: string, page: RenderedPage): number {
	const encoded = Object.values(page.encoded).reduce((sum, bytes) => sum + bytes.byteLength, 0);
	const headers = page.headers.reduce((sum, [name, value]) => sum + name.length + value.length, 0);
	return page.body.byteLength + encoded + key.length * 2 + headers * 2 + OVERHEAD_PER_PAGE;
}

/** A cookie set twice in one request is sent once, with its last value (as SvelteKit does). */
function lastPerName(setCookies: readonly string[]): string[] {
	const byName = new Map<string, string>();
	for (const cookie of setCookies) byName.set(cookie.slice(0, cookie.indexOf('=')), cookie);
	return [...byName.values()];
}
