/**
 * What people write, made ready to show as plain text: paragraphs (split at blank lines),
 * lines, and web addresses as links. The result is data, never HTML: LinkedText.svelte
 * renders each part as text or as an <a>, so nothing a person writes becomes markup. Only
 * http(s) addresses become links; "javascript:", "data:", mail and other schemes stay text.
 */
import { LinkifyIt } from 'linkify-it';
import type { LinkedText, TextPart } from '../../linked-text.ts';

const linkify = new LinkifyIt({ fuzzyLink: true, fuzzyEmail: false, fuzzyIP: false })
	.add('mailto:', null)
	.add('ftp:', null)
	.add('//', null);

function partsOf(line: string): TextPart[] {
	const parts: TextPart[] = [];
	let at = 0;
	for (const match of linkify.match(line) ?? []) {
		if (!isWebAddress(match.url)) continue;
		if (match.index > at) parts.push({ text: line.slice(at, match.index) });
		parts.push({ text: match.text, href: match.url });
		at = match.lastIndex;
	}
	if (at < line.length) parts.push({ text: line.slice(at) });
	return parts;
}

function isWebAddress(url: string): boolean {
	try {
		const parsed = new URL(url);
		return parsed.protocol === 'https:' || parsed.protocol === 'http:';
	} catch {
		return false;
	}
}

export function linkedText(text: string): LinkedText {
	return text
		.replace(/\r\n?/g, '\n')
		.split(/\n\s*\n/)
		.map((paragraph) => paragraph.trim())
		.filter((paragraph) => paragraph.length > 0)
		.map((paragraph) => paragraph.split('\n').map(partsOf));
}
