/**
 * The tree a studio lesson's body is read into (server/studio/markdown.ts builds it) and the
 * lesson components render: only these node types exist, so nothing else can reach a page.
 */
export type Inline =
	| { type: 'text'; text: string }
	| { type: 'strong'; children: Inline[] }
	| { type: 'em'; children: Inline[] }
	| { type: 'code'; text: string }
	| { type: 'link'; href: LinkTarget; children: Inline[] }
	| { type: 'term'; word: string; explain: string }
	| { type: 'break' };

/** Where a link may go: the web, an e-mail address, or a lesson of this site (without language). */
export type LinkTarget = { kind: 'external'; url: string } | { kind: 'lesson'; path: string };

export type Block =
	| { type: 'paragraph'; children: Inline[] }
	| { type: 'heading'; level: 2 | 3 | 4 | 5 | 6; line: number; children: Inline[] }
	| { type: 'list'; ordered: boolean; start: number; items: Block[][] }
	| { type: 'quote'; children: Block[] }
	| { type: 'callout'; kind: 'tip' | 'warning'; children: Block[] }
	| { type: 'steps'; items: Block[][] }
	| { type: 'code'; language: string | null; text: string }
	| { type: 'figure'; imageId: string; alt: string; caption: string | null; line: number }
	| { type: 'rule' };


/** Where the images module serves an uploaded figure. */
export const imageAddress = (imageId: string) => `/media/studio/${encodeURIComponent(imageId)}`;
