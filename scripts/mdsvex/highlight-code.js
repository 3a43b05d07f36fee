// Build-time syntax highlighting for fenced code in lessons (no highlighter ships to the browser).
// The result is inserted into Svelte markup, so `{` and `}` must become entities: otherwise
// Svelte reads them as expressions (mdsvex #747).
import Prism from 'prismjs';
import loadLanguages from 'prismjs/components/index.js';

loadLanguages(['javascript', 'markup', 'css']);

const aliases = { js: 'javascript', javascript: 'javascript', html: 'markup', markup: 'markup', css: 'css' };

const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeSvelte = (html) => html.replace(/\{/g, '&#123;').replace(/\}/g, '&#125;');

/** @param {string} code @param {string | undefined} lang */
export function highlightCode(code, lang) {
	const language = aliases[/** @type {keyof typeof aliases} */ (lang ?? '')];
	const body = language ? Prism.highlight(code, Prism.languages[language], language) : escapeHtml(code);
	const label = lang ? ` data-language="${escapeHtml(lang)}"` : '';
	// tabindex makes a scrollable block reachable by keyboard (axe: scrollable-region-focusable).
	return `<pre class="code-block language-${language ?? 'text'}"${label} tabindex="0"><code>${escapeSvelte(body)}</code></pre>`;
}
