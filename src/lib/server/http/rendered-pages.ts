/**
 * Rendered pages kept in memory, for pages whose HTML depends only on what their key says.
 * Bounded by size: when the pages together pass `maxBytes`, the least recently used go.
 * Nothing goes stale: pages come from the build's own content, and a new build is a new
 * process.
 */
export interface RenderedPage {
	status: number;
	/** The response's headers without Set-Cookie, which belong to one request. */
	headers: [string, string][];
	body: string;
}

export class RenderedPages {
	readonly #pages = new Map<string, RenderedPage>();
	#bytes = 0;

	constructor(readonly maxBytes: number) {}

	get size(): number {
		return this.#pages.size;
	}

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

	/** Keeps a 200 HTML response for key and gives back one to send (its body is read here). */
	async keep(key: string, response: Response): Promise<Response> {
		if (response.status !== 200 || !response.headers.get('content-type')?.startsWith('text/html')) return response;
		const body = await response.text();
		const headers = [...response.headers].filter(([name]) => name !== 'set-cookie');
		this.#remove(key);
		this.#pages.set(key, { status: response.status, headers, body });
		this.#bytes += Buffer.byteLength(body);
		for (const oldest of this.#pages.keys()) {
			if (this.#bytes <= this.maxBytes) break;
			this.#remove(oldest);
		}
		return new Response(body, { status: response.status, headers: withCache(response.headers, 'MISS') });
	}

	#remove(key: string): void {
		const page = this.#pages.get(key);
		if (!page) return;
		this.#bytes -= Buffer.byteLength(page.body);
		this.#pages.delete(key);
	}
}

/** The kept page as a response to one request, with the cookies that request set. */
export function respondWithKeptPage(page: RenderedPage, setCookies: readonly string[]): Response {
	const headers = withCache(new Headers(page.headers), 'HIT');
	for (const cookie of lastPerName(setCookies)) headers.append('set-cookie', cookie);
	return new Response(page.body, { status: page.status, headers });
}

// Tells (tests and operators) whether a page came from memory, as HTTP caches do.
function withCache(headers: Headers, state: 'HIT' | 'MISS'): Headers {
	const copy = new Headers(headers);
	copy.set('x-cache', state);
	return copy;
}

/** A cookie set twice in one request is sent once, with its last value (as SvelteKit does). */
function lastPerName(setCookies: readonly string[]): string[] {
	const byName = new Map<string, string>();
	for (const cookie of setCookies) byName.set(cookie.slice(0, cookie.indexOf('=')), cookie);
	return [...byName.values()];
}
