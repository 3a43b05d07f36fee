/**
 * A studio lesson's body can never carry markup or script to a learner: markdown-it reads it
 * with raw HTML off, the tree keeps only known nodes and allowed addresses, and the lesson
 * components draw that tree as text. These hostile lessons go the whole way, to the HTML a
 * learner's browser would get.
 */
import { render } from 'svelte/server';
import { describe, expect, it, vi } from 'vitest';
import type { Block } from '../../src/lib/content/lesson-tree.ts';
import { MAX_DEPTH, parseBody } from '../../src/lib/server/studio/markdown.ts';

vi.mock('$app/state', () => ({ page: { data: { locale: 'de', t: (key: string) => key } } }));
const { default: LessonBody } = await import('../../src/lib/components/studio/LessonBody.svelte');

const ALLOWED_TAGS = new Set(
	'p h2 h3 h4 h5 h6 ul ol li blockquote strong em code pre a hr br figure img figcaption div span dfn button svg circle path'.split(
		' '
	)
);
const ALLOWED_ATTRIBUTES =
	/^(class|role|id|href|src|alt|start|hidden|type|viewbox|d|cx|cy|r|focusable|loading|decoding|dir|width|height|data-term|aria-[a-z]+)$/;

/** The page HTML of a body, with every tag and attribute in it. */
function renderBody(source: string) {
	const html = render(LessonBody, { props: { blocks: parseBody(source).blocks } }).body.replace(/<!--[^]*?-->/g, '');
	const tags = [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=>/]+(?:="[^"]*")?)*)\s*\/?>/g)].map((match) => ({
		name: match[1]!.toLowerCase(),
		attributes: [...match[2]!.matchAll(/([^\s=]+)(?:="([^"]*)")?/g)].map((a) => ({
			name: a[1]!.toLowerCase(),
			value: a[2] ?? ''
		}))
	}));
	return { html, tags };
}

function expectInert(source: string) {
	const { html, tags } = renderBody(source);
	// Every "<" that opens a tag is one of ours; anything the author typed is text (&lt;).
	expect(html.match(/</g)?.length ?? 0).toBe(tags.length + (html.match(/<\//g)?.length ?? 0));
	for (const tag of tags) {
		expect(ALLOWED_TAGS, `tag <${tag.name}>`).toContain(tag.name);
		for (const attribute of tag.attributes) {
			expect(attribute.name, `attribute ${attribute.name} on <${tag.name}>`).toMatch(ALLOWED_ATTRIBUTES);
			if (attribute.name === 'href') expect(attribute.value).toMatch(/^(https?:\/\/|mailto:|\/de\/learn\/)/);
			if (attribute.name === 'src') expect(attribute.value).toMatch(/^\/media\/studio\/[A-Za-z0-9_-]+$/);
		}
	}
	return html;
}

function depth(blocks: Block[]): number {
	let deepest = 0;
	for (const block of blocks) {
		const children =
			block.type === 'quote' || block.type === 'callout'
				? [block.children]
				: block.type === 'list' || block.type === 'steps'
					? block.items
					: [];
		for (const child of children) deepest = Math.max(deepest, 1 + depth(child));
	}
	return deepest;
}

describe('hostile lessons', () => {
	it('shows <script> and event handlers as text', () => {
		const html = expectInert(
			'<script>alert(1)</script>\n\nText <img src=x onerror=alert(1)> und <a href="javascript:alert(1)">x</a>\n\n<svg onload=alert(1)>'
		);
		expect(html).toContain('&lt;script>alert(1)&lt;/script>');
		expect(html).toContain('&lt;img src=x onerror=alert(1)>');
		expect(html).not.toMatch(/<script|<img src="x"|<svg onload/i);
	});

	it('turns javascript:, data: and other links into their words, and keeps http(s), mailto and lesson links', () => {
		const source = [
			'[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](data:text/html;base64,PHNjcmlwdD4=) [d](vbscript:x)',
			'<javascript:alert(1)> [e](//evil.example) [f](/de/learn/x/y) [g](https://user:pw@evil.example)',
			'[ok1](https://hamburg.de/) [ok2](mailto:kurs@example.org) [ok3](/learn/first-steps/keyboard)'
		].join('\n');
		const html = expectInert(source);
		const hrefs = renderBody(source).tags.flatMap((tag) =>
			tag.attributes.filter((a) => a.name === 'href').map((a) => a.value)
		);
		expect(hrefs).toEqual(['https://hamburg.de/', 'mailto:kurs@example.org', '/de/learn/first-steps/keyboard']);
		for (const words of ['a', 'b', 'c', 'd', 'e', 'f', 'g']) expect(html).toContain(words);
		const kinds = parseBody(source).notices.map((notice) => notice.kind);
		expect(kinds.filter((kind) => kind === 'link-target')).toHaveLength(8);
	});

	it('shows only uploaded images, never data: or outside addresses', () => {
		const source =
			'![a](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)\n\n![b](https://evil.example/x.png)\n\n![c](image:../../etc)\n\n![Die Maus](image:abc_123 "Eine Maus")';
		const { tags } = renderBody(source);
		expectInert(source);
		expect(
			tags.filter((tag) => tag.name === 'img').map((tag) => tag.attributes.find((a) => a.name === 'src')?.value)
		).toEqual(['/media/studio/abc_123']);
		expect(parseBody(source).notices.filter((notice) => notice.kind === 'image-source')).toHaveLength(3);
	});

	it('keeps quotes in attributes and code as text', () => {
		const html = expectInert(
			'![x" onerror="alert(1)](image:abc "cap\\" onload=\\"x")\n\n```html\n</code></pre><script>alert(1)</script>\n```\n\n[[Wort|<b onmouseover=alert(1)>]]'
		);
		expect(html).toContain('alt="x&quot; onerror=&quot;alert(1)"');
		expect(html).toContain('&lt;/code>&lt;/pre>&lt;script>');
		expect(html).toContain('&lt;b onmouseover=alert(1)>');
	});

	it.each([
		['quotes', '>'.repeat(10_000) + ' tief'],
		['bullet lists', '- '.repeat(10_000) + 'tief'],
		['numbered lists', '1. '.repeat(10_000) + 'tief'],
		['tips', '::: tip\n'.repeat(10_000) + 'tief'],
		['emphasis', '*'.repeat(10_000) + 'tief' + '*'.repeat(10_000)]
	])('reads 10,000 nested %s without failing, flattened past a few levels', (_, source) => {
		const parsed = parseBody(source);
		expect(depth(parsed.blocks)).toBeLessThanOrEqual(MAX_DEPTH);
		expectInert(source);
	});

	it('drops text direction overrides that would reorder what the learner reads, and keeps direction marks', () => {
		const html = expectInert(
			'Datei\u202Egpj.exe\u202C und \u2067Text\u2069, Zeichen \u200F bleibt, [[\u202Eabc|\u202Ddef]]'
		);
		expect(html).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
		expect(html).toContain('\u200F');
	});
});

describe('the building blocks', () => {
	it('draws tips, warnings, steps, terms, figures and code with the shipped lesson components', () => {
		const source = [
			'## Erste Schritte',
			'',
			'::: tip',
			'Ein **Tipp**.',
			':::',
			'',
			'::: warning',
			'Vorsicht.',
			':::',
			'',
			'::: steps',
			'1. Browser öffnen',
			'2. Adresse eintippen',
			':::',
			'',
			'Der [[Browser|Programm für Internet-Seiten]] zeigt Seiten.',
			'',
			'![Ein Laptop](image:laptop "Ein Laptop auf dem Tisch")',
			'',
			'```js',
			'let name = "";',
			'```'
		].join('\n');
		const html = expectInert(source);
		expect(html).toMatch(/<h2>Erste Schritte<\/h2>/);
		expect(html).toContain('callout--tip');
		expect(html).toContain('callout--warning');
		expect(html).toMatch(/class="steps[^"]*"[^>]*><ol><li><p>Browser öffnen<\/p><\/li><li><p>Adresse eintippen/);
		expect(html).toMatch(/<dfn class="term__word[^"]*">Browser<\/dfn>/);
		expect(html).toContain('Programm für Internet-Seiten');
		expect(html).toMatch(/<img src="\/media\/studio\/laptop" alt="Ein Laptop"/);
		expect(html).toContain('<figcaption');
		expect(html).toMatch(/<pre dir="ltr"><code class="language-js">let name = "";/);
	});

	it('turns a # heading into ## (the title is the only h1) and tells the author', () => {
		const parsed = parseBody('# Titel');
		expect(parsed.blocks).toEqual([
			{ type: 'heading', level: 2, line: 1, children: [{ type: 'text', text: 'Titel' }] }
		]);
		expect(parsed.notices).toEqual([{ kind: 'heading-one', line: 1 }]);
	});
});
