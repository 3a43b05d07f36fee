/**
 * Right-to-left that never scrambles: on every Arabic and Persian page, text in a
 * left-to-right script (a Latin address, code, an English name) that could be reordered —
 * it begins or ends with punctuation or a symbol, whose side the bidi algorithm takes from
 * the surroundings — sits inside an element whose direction is left-to-right (its own
 * `dir`, `<bdi>`, or an isolating `unicode-bidi`). Without that, "www.hamburg.de." comes
 * out as ".www.hamburg.de" in an Arabic sentence.
 */
import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures';

const COURSES = fileURLToPath(new URL('../../content/courses', import.meta.url));
const slug = (name: string) => name.replace(/^\d+-/, '');
const lessonPaths = readdirSync(COURSES)
	.filter((course) => statSync(`${COURSES}/${course}`).isDirectory())
	.flatMap((course) =>
		readdirSync(`${COURSES}/${course}`)
			.filter((lesson) => statSync(`${COURSES}/${course}/${lesson}`).isDirectory())
			.map((lesson) => `/learn/${slug(course)}/${slug(lesson)}`)
	);
const courses = [...new Set(lessonPaths.map((path) => path.split('/').slice(0, 3).join('/')))];

const PAGES = [
	'',
	'/learn',
	'/learn?q=e',
	...courses,
	...courses.map((course) => `${course}/self-check?phase=before`),
	...lessonPaths,
	'/learn/dashboard',
	'/signin',
	'/signup',
	'/recover',
	'/settings',
	'/accessibility',
	'/privacy',
	'/verify',
	'/classes'
];

/** Runs in the page: the text runs that are left-to-right, could be reordered, and are not in a left-to-right element. */
function unisolatedLeftToRightText(): string[] {
	const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
	const LATIN = /[A-Za-z\u00C0-\u024F\u0400-\u04FF]/;
	const EDGE_NEUTRAL = /^[^\p{L}\p{N}]|[^\p{L}\p{N}]$/u;
	const found: string[] = [];
	const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
	for (let node = walker.nextNode(); node; node = walker.nextNode()) {
		const text = (node.textContent ?? '').trim();
		if (!text || RTL.test(text) || !LATIN.test(text) || !EDGE_NEUTRAL.test(text)) continue;
		const parent = node.parentElement;
		if (!parent || parent.closest('script, style, noscript, [hidden], [aria-hidden="true"]')) continue;
		if (!parent.checkVisibility()) continue;
		// The nearest element that sets its own direction or isolates its content.
		let isolating: Element | null = parent;
		while (isolating && isolating !== document.documentElement) {
			const style = getComputedStyle(isolating);
			if (
				isolating.hasAttribute('dir') ||
				isolating.tagName === 'BDI' ||
				['isolate', 'plaintext', 'isolate-override'].includes(style.unicodeBidi)
			) {
				break;
			}
			isolating = isolating.parentElement;
		}
		if (!isolating || isolating === document.documentElement || getComputedStyle(isolating).direction !== 'ltr') {
			found.push(
				`<${parent.tagName.toLowerCase()}${parent.className ? ` class="${parent.className}"` : ''}> ${text.slice(0, 60)}`
			);
		}
	}
	return found;
}

for (const locale of ['ar', 'fa'] as const) {
	test(`${locale}: left-to-right text on every page sits in a left-to-right element`, async ({ page }) => {
		test.setTimeout(240_000);
		for (const path of PAGES) {
			const url = `/${locale}${path}`;
			const response = await page.goto(url);
			expect(response?.status(), url).toBe(200);
			await expect(page.locator('html'), url).toHaveAttribute('dir', 'rtl');
			expect.soft(await page.evaluate(unisolatedLeftToRightText), url).toEqual([]);
		}
	});
}

test('the check finds what it looks for: an address with a full stop in an Arabic paragraph', async ({ page }) => {
	await page.goto('/ar/privacy');
	await page.evaluate(() => {
		const p = document.createElement('p');
		p.textContent = 'www.hamburg.de.';
		document.querySelector('main')!.append(p);
		const isolated = document.createElement('p');
		isolated.innerHTML = '<bdi dir="ltr">www.hamburg.de.</bdi>';
		document.querySelector('main')!.append(isolated);
	});
	expect(await page.evaluate(unisolatedLeftToRightText)).toEqual(['<p> www.hamburg.de.']);
});
