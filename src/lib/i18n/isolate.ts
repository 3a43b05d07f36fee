/**
 * A name written by a person, to put into a translated sentence: wrapped in Unicode's
 * first-strong isolate, so a German class name in an Arabic sentence (or the other way
 * round) keeps its own direction and does not move the sentence's quotation marks.
 */
export function isolate(text: string): string {
	return `\u2068${text}\u2069`;
}
