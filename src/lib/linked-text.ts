/** Plain text prepared for display (server/text/linked-text.ts): paragraphs of lines of parts. */
export interface TextPart {
	text: string;
	/** Set only for http(s) addresses. */
	href?: string;
}
export type LinkedText = TextPart[][][];
