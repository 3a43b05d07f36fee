// Lesson authors link to "/learn/course/lesson" without a language; this rehype plugin adds
// the language of the file being compiled ("…/de-easy.svx" → "/de/learn/…").
const LOCALE_FROM_FILE = /\/([a-z]{2})(?:-easy)?\.svx$/;

/** @param {any} node @param {(node: any) => void} fn */
function walk(node, fn) {
	fn(node);
	for (const child of node.children ?? []) walk(child, fn);
}

export function localizeLessonLinks() {
	/** @param {any} tree @param {{ filename?: string, path?: string }} file */
	return (tree, file) => {
		const name = (file.filename ?? file.path ?? '').replace(/\\/g, '/');
		const locale = LOCALE_FROM_FILE.exec(name)?.[1];
		if (!locale) return;
		walk(tree, (node) => {
			const href = node.type === 'element' && node.tagName === 'a' ? node.properties?.href : undefined;
			if (typeof href === 'string' && href.startsWith('/learn/')) node.properties.href = `/${locale}${href}`;
		});
	};
}
