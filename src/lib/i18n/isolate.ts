/**
 * Wraps what someone wrote (a title, a name, a note) for use inside a translated sentence:
 * FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE, the plain-text form of `<bdi>`. A Latin
 * title ending in "!" inside an Arabic sentence keeps its "!" at its own end, and the
 * sentence around it keeps its order.
 */
export function isolate(text: string): string {
	return `\u2068${text}\u2069`;
}
