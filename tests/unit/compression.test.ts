/**
 * Pages and data are sent compressed to browsers that take it, byte for byte the same once
 * decoded, with headers that say so; small, binary or already encoded bodies go as they are.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
	chooseEncoding,
	compressionEnabled,
	compressResponse,
	MIN_COMPRESSED_SIZE
} from '../../src/lib/server/http/compression.ts';

const page = `<!doctype html><html><body>${'<p>Eine Lektion über die Tastatur.</p>'.repeat(400)}</body></html>`;

const request = (acceptEncoding?: string, method = 'GET') =>
	new Request('http://localhost/de/learn', {
		method,
		headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}
	});

function html(body: string, headers: Record<string, string> = {}) {
	const response = new Response(body, {
		status: 200,
		headers: { 'content-type': 'text/html; charset=utf-8', ...headers }
	});
	response.headers.append('set-cookie', 'a=1; Path=/');
	response.headers.append('set-cookie', 'b=2; Path=/');
	return response;
}

describe('compressing responses', () => {
	it('sends a page in brotli to a browser that takes it, and it decodes to the same bytes', async () => {
		const response = await compressResponse(request('gzip, deflate, br, zstd'), html(page));
		expect(response.status).toBe(200);
		expect(response.headers.get('content-encoding')).toBe('br');
		expect(response.headers.get('vary')).toBe('Accept-Encoding');
		const body = Buffer.from(await response.arrayBuffer());
		expect(Number(response.headers.get('content-length'))).toBe(body.length);
		expect(body.length).toBeLessThan(Buffer.byteLength(page) / 10);
		expect(brotliDecompressSync(body).toString('utf8')).toBe(page);
		// Every cookie the page set is still set.
		expect(response.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
	});

	it('uses gzip where brotli is not taken, and JSON too', async () => {
		const json = JSON.stringify({ type: 'data', nodes: Array.from({ length: 200 }, (_, i) => ({ i, text: 'Hallo' })) });
		const response = await compressResponse(
			request('gzip, br;q=0'),
			new Response(json, { headers: { 'content-type': 'application/json', etag: '"abc"' } })
		);
		expect(response.headers.get('content-encoding')).toBe('gzip');
		expect(response.headers.get('etag')).toBe('W/"abc"');
		expect(gunzipSync(Buffer.from(await response.arrayBuffer())).toString('utf8')).toBe(json);
	});

	it.each([
		['no Accept-Encoding', request(), html(page)],
		['only encodings it does not speak', request('deflate, zstd'), html(page)],
		['a HEAD request', request('br', 'HEAD'), html(page)],
		['a small page', request('br'), html('<p>kurz</p>')],
		[
			'a small page of unknown length',
			request('br'),
			new Response(new Blob(['<p>kurz</p>']).stream(), { headers: { 'content-type': 'text/html' } })
		],
		['an image', request('br'), new Response(new Uint8Array(4096), { headers: { 'content-type': 'image/png' } })],
		['a font', request('br'), new Response(new Uint8Array(4096), { headers: { 'content-type': 'font/woff2' } })],
		['a body already encoded', request('br'), html(page, { 'content-encoding': 'gzip' })],
		['a redirect without a body', request('br'), new Response(null, { status: 303, headers: { location: '/de' } })]
	])('sends %s as it is', async (_name, req, original) => {
		const expected = Buffer.from(await original.clone().arrayBuffer());
		const contentEncoding = original.headers.get('content-encoding');
		const response = await compressResponse(req, original);
		expect(response.status).toBe(original.status);
		expect(response.headers.get('content-encoding')).toBe(contentEncoding);
		expect(Buffer.from(await response.arrayBuffer()).equals(expected)).toBe(true);
	});

	it('says the answer depends on Accept-Encoding even when it did not compress', async () => {
		const response = await compressResponse(request(), html(page));
		expect(response.headers.get('vary')).toBe('Accept-Encoding');
		expect(MIN_COMPRESSED_SIZE).toBeLessThan(Buffer.byteLength(page));
	});

	it('reads Accept-Encoding as browsers and proxies write it', () => {
		expect(chooseEncoding('gzip, deflate, br')).toBe('br');
		expect(chooseEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
		expect(chooseEncoding('*')).toBe('br');
		expect(chooseEncoding('identity')).toBeNull();
		expect(chooseEncoding('gzip;q=0')).toBeNull();
		expect(chooseEncoding(null)).toBeNull();
	});

	it('is on unless LOTSE_COMPRESS turns it off', () => {
		expect(compressionEnabled(undefined)).toBe(true);
		expect(compressionEnabled('1')).toBe(true);
		expect(compressionEnabled('0')).toBe(false);
		expect(compressionEnabled('off')).toBe(false);
	});
});
