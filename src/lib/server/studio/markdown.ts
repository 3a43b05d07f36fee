/**
 * A studio lesson's body: Markdown in a plain syntax (below, and in the studio's help panel)
 * turned into a typed tree of known nodes, which Svelte components render with the shipped
 * lesson building blocks. Nothing an author writes becomes HTML: markdown-it runs with raw
 * HTML off and its tokens are only read, never rendered; what the tree does not know is
 * dropped (its words kept as text).
 *
 * The syntax, besides ordinary Markdown (headings from ##, paragraphs, lists, **bold**,
 * *italic*, `code`, > quotes, [links](/learn/course/lesson), fenced code blocks):
 *
 *     ::: tip                 ::: warning              ::: steps
 *     A helpful hint.         What can go wrong.       1. First do this.
 *     :::                     :::                      2. Then that.
 *                                                      :::
 *     [[Browser|The program that shows web pages]]     a glossary term with its explanation
 *     ![What the picture shows](image:IMAGE_ID "Caption")   a figure (alt text required), alone in its paragraph
 */
import MarkdownIt from 'markdown-it';
import container from 'markdown-it-container';
import type { StateInline, Token } from 'markdown-it';
import type { Block, Inline, LinkTarget } from '../../content/lesson-tree.ts';

export type { Block, Inline, LinkTarget };

/** Something the author wrote that the tree could not keep as written; checks.ts reports it. */
export interface BodyNotice {
	kind: 'heading-one' | 'image-not-alone' | 'image-source' | 'link-target' | 'nesting' | 'steps-without-list' | 'html';
	/** 1-based line in the body. */
	line: number;
	detail?: string;
}

export interface ParsedBody {
	blocks: Block[];
	/** Headings, figures and lesson links, with their lines, for the checks. */
	headings: { level: number; line: number }[];
	figures: { imageId: string; alt: string; line: number }[];
	lessonLinks: { path: string; line: number }[];
	notices: BodyNotice[];
}

/** Deeper quotes, lists and boxes than this are flattened into their parent (their text stays). */
export const MAX_DEPTH = 6;
/** Deeper bold, italic and links than this keep their words without the extra levels. */
export const MAX_INLINE_DEPTH = 8;
/**
 * markdown-it's own limit on nested blocks (its parser recurses): what lies deeper is left out,
 * and the `nesting` notice makes the lesson unpublishable until the author fixes it.
 */
const MAX_NESTING = 40;
const IMAGE_ID = /^[A-Za-z0-9_-]{1,64}$/;
const LESSON_PATH = /^\/learn\/[a-z0-9-]+\/[a-z0-9-]+$/;
// Embeddings and overrides (LRE … RLO, LRI … PDI) can make text read in a misleading order;
// marks (LRM, RLM, ALM) stay: they only nudge neutral characters.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

const markdown = createParser();

function createParser() {
	const md = new MarkdownIt('default', { html: false, linkify: false, typographer: false, maxNesting: MAX_NESTING });
	md.disable(['table', 'strikethrough']);
	// Every link and image reaches linkTarget/figure below, which refuse what is not allowed and
	// tell the author (markdown-it's own check would silently leave javascript: links as text).
	md.validateLink = () => true;
	for (const name of ['tip', 'warning', 'steps']) container(md, name, { validate: (params) => params.trim() === name });
	md.inline.ruler.before('link', 'studio_term', glossaryTerm);
	return md;
}

/** `[[word|explanation]]` on one line, both parts non-empty. */
function glossaryTerm(state: StateInline, silent: boolean): boolean {
	const start = state.pos;
	if (state.src.charCodeAt(start) !== 0x5b || state.src.charCodeAt(start + 1) !== 0x5b) return false;
	const end = state.src.indexOf(']]', start + 2);
	if (end < 0) return false;
	const inner = state.src.slice(start + 2, end);
	const bar = inner.indexOf('|');
	if (bar < 0 || inner.includes('\n')) return false;
	const word = inner.slice(0, bar).trim();
	const explain = inner.slice(bar + 1).trim();
	if (!word || !explain) return false;
	if (!silent) {
		const token = state.push('studio_term', '', 0);
		token.meta = { word, explain };
	}
	state.pos = end + 2;
	return true;
}

export function parseBody(source: string): ParsedBody {
	const result: ParsedBody = { blocks: [], headings: [], figures: [], lessonLinks: [], notices: [] };
	const tokens = markdown.parse(source, {});
	const reader = new BlockReader(tokens, result);
	result.blocks = reader.blocks(null, 0);
	return result;
}

const cleanText = (text: string) => text.replace(BIDI_CONTROLS, '');
const lineOf = (token: Token) => (token.map ? token.map[0] + 1 : 0);

class BlockReader {
	private index = 0;
	constructor(
		private readonly tokens: Token[],
		private readonly result: ParsedBody
	) {}

	/** Blocks up to the token of type `close` (consumed), or to the end. */
	blocks(close: string | null, depth: number): Block[] {
		const out: Block[] = [];
		while (this.index < this.tokens.length) {
			const token = this.tokens[this.index]!;
			if (close !== null && token.type === close) {
				this.index++;
				return out;
			}
			this.index++;
			out.push(...this.block(token, depth));
		}
		return out;
	}

	private nested(token: Token, close: string, depth: number, make: (children: Block[]) => Block): Block[] {
		const children = this.blocks(close, depth + 1);
		if (depth >= MAX_DEPTH) {
			this.nestingNotice(token);
			return children;
		}
		return [make(children)];
	}

	private nestingNotice(token: Token) {
		const line = lineOf(token);
		if (!this.result.notices.some((notice) => notice.kind === 'nesting'))
			this.result.notices.push({ kind: 'nesting', line });
	}

	private items(close: string, depth: number): Block[][] {
		const items: Block[][] = [];
		while (this.index < this.tokens.length) {
			const token = this.tokens[this.index]!;
			this.index++;
			if (token.type === close) break;
			if (token.type === 'list_item_open') items.push(this.blocks('list_item_close', depth + 1));
		}
		return items;
	}

	private block(token: Token, depth: number): Block[] {
		switch (token.type) {
			case 'paragraph_open': {
				const inline = this.tokens[this.index]!;
				this.index += 2; // inline, paragraph_close
				return this.paragraph(inline, lineOf(token));
			}
			case 'heading_open': {
				const inline = this.tokens[this.index]!;
				this.index += 2;
				const level = Number(token.tag.slice(1));
				const line = lineOf(token);
				this.result.headings.push({ level, line });
				const children = this.inline(inline.children ?? [], line);
				if (level === 1) {
					// The title is the page's only h1: a # heading becomes a ## one.
					this.result.notices.push({ kind: 'heading-one', line });
					return [{ type: 'heading', level: 2, line, children }];
				}
				return [{ type: 'heading', level: level as 2 | 3 | 4 | 5 | 6, line, children }];
			}
			case 'bullet_list_open':
			case 'ordered_list_open': {
				const ordered = token.type === 'ordered_list_open';
				const start = Number(token.attrGet('start') ?? 1);
				if (depth >= MAX_DEPTH) {
					this.nestingNotice(token);
					return this.items(ordered ? 'ordered_list_close' : 'bullet_list_close', depth).flat();
				}
				const items = this.items(ordered ? 'ordered_list_close' : 'bullet_list_close', depth);
				return [{ type: 'list', ordered, start: Number.isSafeInteger(start) ? start : 1, items }];
			}
			case 'blockquote_open':
				return this.nested(token, 'blockquote_close', depth, (children) => ({ type: 'quote', children }));
			case 'container_tip_open':
			case 'container_warning_open': {
				const kind = token.type === 'container_tip_open' ? 'tip' : 'warning';
				return this.nested(token, `container_${kind}_close`, depth, (children) => ({
					type: 'callout',
					kind,
					children
				}));
			}
			case 'container_steps_open':
				return this.nested(token, 'container_steps_close', depth, (children) => {
					const [list, ...rest] = children;
					if (children.length === 1 && list?.type === 'list' && list.ordered)
						return { type: 'steps', items: list.items };
					this.result.notices.push({ kind: 'steps-without-list', line: lineOf(token) });
					return { type: 'steps', items: list?.type === 'list' ? [...list.items, rest] : [children] };
				});
			case 'fence':
			case 'code_block': {
				const language = token.info.trim().split(/\s+/)[0] ?? '';
				return [
					{ type: 'code', language: /^[a-z0-9+#-]{1,20}$/i.test(language) ? language : null, text: token.content }
				];
			}
			case 'hr':
				return [{ type: 'rule' }];
			case 'html_block':
				// Not reached with html: false (raw HTML is read as text); kept as text should that change.
				this.result.notices.push({ kind: 'html', line: lineOf(token) });
				return [{ type: 'paragraph', children: [{ type: 'text', text: cleanText(token.content) }] }];
			default:
				// A token of a rule not listed here: its words, if any, as a paragraph.
				return token.content
					? [{ type: 'paragraph', children: [{ type: 'text', text: cleanText(token.content) }] }]
					: [];
		}
	}

	private paragraph(inline: Token, line: number): Block[] {
		const children = (inline.children ?? []).filter((child) => !(child.type === 'text' && child.content.trim() === ''));
		const [only] = children;
		if (children.length === 1 && only?.type === 'image') {
			const figure = this.figure(only, line);
			return figure ? [figure] : [];
		}
		return [{ type: 'paragraph', children: this.inline(inline.children ?? [], line) }];
	}

	private figure(token: Token, line: number): Block | null {
		const src = String(token.attrGet('src') ?? '');
		const alt = cleanText((token.children ?? []).map(plainText).join('')).trim();
		const title = cleanText(String(token.attrGet('title') ?? '')).trim();
		const imageId = src.startsWith('image:') ? src.slice('image:'.length) : '';
		if (!IMAGE_ID.test(imageId)) {
			this.result.notices.push({ kind: 'image-source', line, detail: src });
			return null;
		}
		this.result.figures.push({ imageId, alt, line });
		return { type: 'figure', imageId, alt, caption: title || null, line };
	}

	/** Inline tokens → inline nodes; markdown-it pairs *_open/*_close, so a stack suffices. */
	private inline(tokens: Token[], line: number): Inline[] {
		const root: Inline[] = [];
		// `real`: the entry is a node of the tree (a refused or too deep one only groups its words).
		const stack: { children: Inline[]; close: string; real: boolean }[] = [];
		const current = () => stack.at(-1)?.children ?? root;
		let open = 0;
		const enter = (node: Inline & { children: Inline[] }, close: string) => {
			if (open >= MAX_INLINE_DEPTH) {
				stack.push({ children: current(), close, real: false });
				return;
			}
			current().push(node);
			stack.push({ children: node.children, close, real: true });
			open++;
		};
		let lineOffset = 0;
		for (const token of tokens) {
			switch (token.type) {
				case 'text':
					current().push({ type: 'text', text: cleanText(token.content) });
					break;
				case 'code_inline':
					current().push({ type: 'code', text: cleanText(token.content) });
					break;
				case 'softbreak':
					lineOffset++;
					current().push({ type: 'text', text: ' ' });
					break;
				case 'hardbreak':
					lineOffset++;
					current().push({ type: 'break' });
					break;
				case 'studio_term': {
					const meta = token.meta as { word: string; explain: string };
					current().push({ type: 'term', word: cleanText(meta.word), explain: cleanText(meta.explain) });
					break;
				}
				case 'strong_open':
				case 'em_open': {
					const node = {
						type: token.type === 'strong_open' ? ('strong' as const) : ('em' as const),
						children: [] as Inline[]
					};
					enter(node, token.type.replace('_open', '_close'));
					break;
				}
				case 'link_open': {
					const href = String(token.attrGet('href') ?? '');
					const target = linkTarget(href);
					const here = line + lineOffset;
					if (!target) {
						// A refused link keeps its words, in the sentence around it.
						this.result.notices.push({ kind: 'link-target', line: here, detail: href });
						stack.push({ children: current(), close: 'link_close', real: false });
						break;
					}
					if (target.kind === 'lesson') this.result.lessonLinks.push({ path: target.path, line: here });
					const node = { type: 'link' as const, href: target, children: [] as Inline[] };
					enter(node, 'link_close');
					break;
				}
				case 'strong_close':
				case 'em_close':
				case 'link_close':
					if (stack.at(-1)?.close === token.type && stack.pop()?.real) open--;
					break;
				case 'image':
					// A figure stands alone in its paragraph; inside a sentence only its alt text is kept.
					this.result.notices.push({ kind: 'image-not-alone', line: line + lineOffset });
					current().push({ type: 'text', text: cleanText((token.children ?? []).map(plainText).join('')) });
					break;
				default:
					if (token.content) current().push({ type: 'text', text: cleanText(token.content) });
			}
		}
		return root;
	}
}

function plainText(token: Token): string {
	return token.type === 'text' || token.type === 'code_inline'
		? token.content
		: (token.children ?? []).map(plainText).join('');
}

/** http(s) and mailto addresses, and lesson paths of this site; anything else is refused (null). */
export function linkTarget(href: string): LinkTarget | null {
	if (LESSON_PATH.test(href)) return { kind: 'lesson', path: href };
	let url: URL;
	try {
		url = new URL(href);
	} catch {
		return null;
	}
	if (url.protocol === 'https:' || url.protocol === 'http:')
		return url.username || url.password ? null : { kind: 'external', url: url.href };
	if (url.protocol === 'mailto:') return { kind: 'external', url: url.href };
	return null;
}
