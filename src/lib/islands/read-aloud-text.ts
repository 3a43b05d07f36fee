/** Chrome cuts off long utterances (≈ 15 s), so text is spoken in short pieces. */
export const MAX_CHUNK = 180;

/** What is not read: hidden things, form controls' option lists, and the read-aloud controls. */
const SKIP =
	'script, style, template, noscript, svg, select, textarea, [hidden], [aria-hidden="true"], .visually-hidden, [data-read-aloud="skip"]';

function sentences(text: string, lang: string): string[] {
	if (typeof Intl !== 'undefined' && 'Segmenter' in Intl) {
		const segmenter = new Intl.Segmenter(lang, { granularity: 'sentence' });
		return Array.from(segmenter.segment(text), (s) => s.segment.trim()).filter(Boolean);
	}
	return text.split(/(?<=[.!?…])\s+/);
}

/** Cuts text into pieces of at most MAX_CHUNK characters: at sentence ends, then commas, then spaces. */
export function splitForSpeech(text: string, lang: string): string[] {
	if (text.length <= MAX_CHUNK) return [text];
	const parts = sentences(text, lang).flatMap((sentence) =>
		sentence.length <= MAX_CHUNK
			? [sentence]
			: sentence.split(/(?<=[,;:])\s+/).flatMap((part) => (part.length <= MAX_CHUNK ? [part] : part.split(' ')))
	);
	const pieces: string[] = [];
	let piece = '';
	for (const part of parts) {
		if (piece && piece.length + 1 + part.length > MAX_CHUNK) {
			pieces.push(piece);
			piece = part;
		} else {
			piece = piece ? `${piece} ${part}` : part;
		}
	}
	if (piece) pieces.push(piece);
	return pieces;
}

/** The visible text of root, one piece per paragraph, heading, list item … */
export function collectSpeechChunks(root: Element, lang: string): string[] {
	const cache = new Map<Element, boolean>();
	const isBlock = (element: Element): boolean => {
		let block = cache.get(element);
		if (block === undefined) {
			block = !getComputedStyle(element).display.startsWith('inline');
			cache.set(element, block);
		}
		return block;
	};
	const blockOf = (node: Node): Element => {
		for (let el = node.parentElement; el && el !== root; el = el.parentElement) if (isBlock(el)) return el;
		return root;
	};
	const chunks: string[] = [];
	let block: Element | null = null;
	let buffer = '';
	const flush = (): void => {
		const text = buffer.replace(/\s+/g, ' ').trim();
		if (/[\p{L}\p{N}]/u.test(text)) chunks.push(...splitForSpeech(text, lang));
		buffer = '';
	};
	const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
		acceptNode: (node) =>
			node instanceof Element && (node.matches(SKIP) || getComputedStyle(node).display === 'none')
				? NodeFilter.FILTER_REJECT
				: NodeFilter.FILTER_ACCEPT
	});
	for (let node = walker.nextNode(); node; node = walker.nextNode()) {
		if (node.nodeType !== Node.TEXT_NODE) continue;
		const owner = blockOf(node);
		if (owner !== block) {
			flush();
			block = owner;
		}
		buffer += node.textContent ?? '';
	}
	flush();
	return chunks;
}

const primaryTag = (tag: string): string => tag.toLowerCase().replace('_', '-').split('-')[0] ?? '';

/** The best voice for a language: the exact tag, else the default, a local one, or any with its primary tag. */
export function pickVoice<V extends { lang: string; default: boolean; localService: boolean }>(
	voices: readonly V[],
	language: string
): V | null {
	const wanted = primaryTag(language);
	const matching = voices.filter((v) => primaryTag(v.lang) === wanted);
	const exact = matching.find((v) => v.lang.toLowerCase().replace('_', '-') === language.toLowerCase());
	return exact ?? matching.find((v) => v.default) ?? matching.find((v) => v.localService) ?? matching[0] ?? null;
}
