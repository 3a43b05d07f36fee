import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { mdsvex } from 'mdsvex';
import { parse as parseYaml } from 'yaml';
import { directLessonImports } from './scripts/mdsvex/direct-lesson-imports.js';
import { highlightCode } from './scripts/mdsvex/highlight-code.js';
import { localizeLessonLinks } from './scripts/mdsvex/localize-lesson-links.js';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	extensions: ['.svelte', '.svx'],
	preprocess: [
		directLessonImports(),
		vitePreprocess(),
		mdsvex({
			extensions: ['.svx'],
			highlight: { highlighter: highlightCode },
			rehypePlugins: [localizeLessonLinks],
			smartypants: false,
			// Quizzes are graded on the server, which reads them from the source file; the
			// compiled lesson (shipped to browsers) gets the frontmatter without them.
			frontmatter: {
				type: 'yaml',
				marker: '-',
				parse: (text) => {
					const { quizzes: _quizzes, ...metadata } = parseYaml(text) ?? {};
					return metadata;
				}
			}
		})
	],
	compilerOptions: {
		// Highlighted code blocks in lessons get tabindex="0" so keyboard users can scroll
		// them (WCAG 2.1.1, axe "scrollable-region-focusable"); Svelte's generic warning
		// against tabindex on non-interactive elements does not apply to them.
		warningFilter: (warning) =>
			!(warning.code === 'a11y_no_noninteractive_tabindex' && warning.filename?.endsWith('.svx'))
	},
	kit: {
		adapter: adapter({ out: 'build', precompress: true }),
		// Origin check (CSRF) stays on: it is SvelteKit's default and we never turn it off.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				// Inline style attributes are needed by Svelte transitions; no inline scripts.
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				// Code exercises run learner code in a sandboxed iframe created from a blob.
				'frame-src': ['self', 'blob:'],
				'worker-src': ['self', 'blob:'],
				'form-action': ['self'],
				'base-uri': ['self'],
				'object-src': ['none'],
				'frame-ancestors': ['none']
			}
		},
		// On a slow network every stylesheet is another round trip before the page can show:
		// pages carry their CSS inline (about 5 KB compressed), so nothing waits for it.
		inlineStyleThreshold: 32 * 1024,
		alias: {
			$content: 'content'
		}
	}
};

export default config;
