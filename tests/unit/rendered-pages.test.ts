import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { RenderedPages } from '../../src/lib/server/http/rendered-pages.ts';

const html = (body: string, init: ResponseInit = {}) =>
	new Response(body, {
		status: 200,
		...init,
		headers: { 'content-type': 'text/html', ...(init.headers as Record<string, string>) }
	});
const request = (acceptEncoding?: string) =>
	new Request('http://localhost/de/learn/x', { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('rendered pages kept in memory', () => {
	it('keeps a page without the cookies of the request it was rendered for', async () => {
		const pages = new RenderedPages(10_000, false);
		const headers = new Headers({ 'content-type': 'text/html', etag: '"abc"' });
		headers.append('set-cookie', 'lotse_progress=first; Path=/');
		const sent = await pages.keep('a', request(), new Response('<p>A</p>', { status: 200, headers }));
		expect(await sent.text()).toBe('<p>A</p>');
		expect(sent.headers.get('set-cookie')).toBe('lotse_progress=first; Path=/');
		expect(sent.headers.get('x-cache')).toBe('MISS');

		const kept = pages.get('a')!;
		expect(kept.headers.some(([name]) => name === 'set-cookie')).toBe(false);
		const again = await pages.respond('a', kept, request(), [
			'lotse_locale=de; Path=/',
			'lotse_progress=old; Path=/',
			'lotse_progress=new; Path=/'
		]);
		expect(await again.text()).toBe('<p>A</p>');
		expect(again.headers.get('etag')).toBe('"abc"');
		expect(again.headers.get('x-cache')).toBe('HIT');
		expect(again.headers.get('content-length')).toBe('8');
		expect(again.headers.getSetCookie()).toEqual(['lotse_locale=de; Path=/', 'lotse_progress=new; Path=/']);
	});

	it('keeps the body as UTF-8 bytes, so Arabic text is counted and sent as it is', async () => {
		const pages = new RenderedPages(100_000, false);
		const arabic = '<p>مرحبا بكم في لوتسه</p>';
		await pages.keep('ar', request(), html(arabic));
		const kept = pages.get('ar')!;
		expect(kept.body).toBeInstanceOf(Uint8Array);
		expect(kept.body.byteLength).toBe(Buffer.byteLength(arabic));
		expect(text(kept.body)).toBe(arabic);
		expect(await (await pages.respond('ar', kept, request(), [])).text()).toBe(arabic);
	});

	it('keeps only successful HTML pages', async () => {
		const pages = new RenderedPages(10_000, false);
		await pages.keep('missing', request(), html('<p>Not found</p>', { status: 404 }));
		await pages.keep(
			'json',
			request(),
			new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } })
		);
		expect(pages.get('missing')).toBeUndefined();
		expect(pages.get('json')).toBeUndefined();
		expect(pages.size).toBe(0);
		expect(pages.bytes).toBe(0);
	});

	it('compresses a page once per encoding, keeps that, and counts it against the limit', async () => {
		const pages = new RenderedPages(1_000_000, true);
		const page = `<main>${'Willkommen bei Lotse. '.repeat(200)}</main>`;
		const first = await pages.keep('p', request('gzip, deflate, br'), html(page, { headers: { etag: '"v1"' } }));
		expect(first.headers.get('content-encoding')).toBe('br');
		expect(first.headers.get('vary')).toBe('Accept-Encoding');
		expect(first.headers.get('etag')).toBe('W/"v1"');
		expect(brotliDecompressSync(Buffer.from(await first.arrayBuffer())).toString()).toBe(page);
		const kept = pages.get('p')!;
		const withBrotli = pages.bytes;
		expect(withBrotli).toBeGreaterThan(Buffer.byteLength(page) + kept.encoded.br!.byteLength);

		// Another brotli request gets the very bytes kept; gzip is made once, then kept too.
		const second = await pages.respond('p', kept, request('br'), []);
		expect(Buffer.from(await second.arrayBuffer()).equals(Buffer.from(kept.encoded.br!))).toBe(true);
		expect(pages.bytes).toBe(withBrotli);
		const gzipped = await pages.respond('p', kept, request('gzip'), []);
		expect(gunzipSync(Buffer.from(await gzipped.arrayBuffer())).toString()).toBe(page);
		expect(pages.bytes).toBe(withBrotli + kept.encoded.gzip!.byteLength);
		await pages.respond('p', kept, request('gzip'), []);
		expect(pages.bytes).toBe(withBrotli + kept.encoded.gzip!.byteLength);

		// A browser that takes no compression gets the plain bytes.
		const plain = await pages.respond('p', kept, request(), []);
		expect(plain.headers.get('content-encoding')).toBeNull();
		expect(plain.headers.get('etag')).toBe('"v1"');
		expect(await plain.text()).toBe(page);
	});

	it('lets the least recently used pages go when they pass the size limit', async () => {
		const probe = new RenderedPages(1_000_000, false);
		await probe.keep('a', request(), html('A'.repeat(1000)));
		const onePage = probe.bytes;
		expect(onePage).toBeGreaterThan(1000);

		const pages = new RenderedPages(onePage * 2.5, false);
		await pages.keep('a', request(), html('A'.repeat(1000)));
		await pages.keep('b', request(), html('B'.repeat(1000)));
		pages.get('a');
		await pages.keep('c', request(), html('C'.repeat(1000)));
		expect(pages.size).toBe(2);
		expect(pages.bytes).toBe(onePage * 2);
		expect(pages.get('b')).toBeUndefined();
		expect(text(pages.get('a')!.body)).toBe('A'.repeat(1000));
		expect(text(pages.get('c')!.body)).toBe('C'.repeat(1000));
		// Keeping a key again replaces its page instead of counting it twice.
		await pages.keep('c', request(), html('c'.repeat(500)));
		expect(pages.bytes).toBe(onePage * 2 - 500);
	});
});
