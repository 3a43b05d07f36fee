/**
 * The direction of a text as `dir="auto"` would find it: from its first letter that has a
 * strong direction (Hebrew, Arabic and related scripts are right-to-left, other letters
 * left-to-right), or null when it has none (only digits and punctuation). For places where
 * `dir="auto"` is not available, such as SVG text.
 */
const STRONG = /[\p{L}]/u;
const RIGHT_TO_LEFT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

export function firstStrongDirection(text: string): 'ltr' | 'rtl' | null {
	const first = [...text].find((char) => STRONG.test(char));
	if (!first) return null;
	return RIGHT_TO_LEFT.test(first) ? 'rtl' : 'ltr';
}
