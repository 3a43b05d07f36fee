import { describe, expect, it } from 'vitest';
import { RenderedPages, respondWithKeptPage } from '../../src/lib/server/http/rendered-pages.ts';

const html = (body: string, init: ResponseInit = {}) =>
	new Response(body, {
		status: 200,
		...init,
		headers: { 'content-type': 'text/html', ...(init.headers as Record<string, string>) }
	});

describe('rendered pages kept in memory', () => {
	it('keeps a page without the cookies of the request it was rendered for', async () => {
		const pages = new RenderedPages(10_000);
		const headers = new Headers({ 'content-type': 'text/html', etag: '"abc"' });
		headers.append('set-cookie', 'lotse_progress=first; Path=/');
		const sent = await pages.keep('a', new Response('<p>A</p>', { status: 200, headers }));
		expect(await sent.text()).toBe('<p>A</p>');
		expect(sent.headers.get('set-cookie')).toBe('lotse_progress=first; Path=/');
		expect(sent.headers.get('x-cache')).toBe('MISS');

		const kept = pages.get('a')!;
		expect(kept.headers.some(([name]) => name === 'set-cookie')).toBe(false);
		const again = respondWithKeptPage(kept, [
			'lotse_locale=de; Path=/',
			'lotse_progress=old; Path=/',
			'lotse_progress=new; Path=/'
		]);
		expect(await again.text()).toBe('<p>A</p>');
		expect(again.headers.get('etag')).toBe('"abc"');
		expect(again.headers.get('x-cache')).toBe('HIT');
		expect(again.headers.getSetCookie()).toEqual(['lotse_locale=de; Path=/', 'lotse_progress=new; Path=/']);
	});

	it('keeps only successful HTML pages', async () => {
		const pages = new RenderedPages(10_000);
		await pages.keep('missing', html('<p>Not found</p>', { status: 404 }));
		await pages.keep('json', new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } }));
		expect(pages.get('missing')).toBeUndefined();
		expect(pages.get('json')).toBeUndefined();
		expect(pages.size).toBe(0);
	});

	it('lets the least recently used pages go when they pass the size limit', async () => {
		const pages = new RenderedPages(250);
		await pages.keep('a', html('A'.repeat(100)));
		await pages.keep('b', html('B'.repeat(100)));
		pages.get('a');
		await pages.keep('c', html('C'.repeat(100)));
		expect(pages.size).toBe(2);
		expect(pages.bytes).toBe(200);
		expect(pages.get('b')).toBeUndefined();
		expect(pages.get('a')?.body).toBe('A'.repeat(100));
		expect(pages.get('c')?.body).toBe('C'.repeat(100));
		// Keeping a key again replaces its page instead of counting it twice.
		await pages.keep('c', html('c'.repeat(50)));
		expect(pages.bytes).toBe(150);
	});
});
