// Builds the lesson islands (src/lib/islands) as a bundle of their own into static/_islands.
//
// Lesson pages are rendered on the server only (csr = false), so they do not ship SvelteKit's
// client or hydrate the whole page. What needs JavaScript there (quiz forms that answer in
// place, read-aloud, simulations, code exercises) is started by src/lib/islands/lesson.ts;
// the Svelte runtime is loaded only on lessons that contain a simulation or code exercise.
// The islands cannot use SvelteKit's $app modules, so $lib/i18n and $app/paths resolve to
// small browser versions in src/lib/islands/.
import { svelte, vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** @param {string} path */
const src = (path) => `${root}src/${path}`;
export const ISLANDS_OUT_DIR = 'static/_islands';

/**
 * @param {{ watch: boolean }} options
 * @returns {import('vite').InlineConfig}
 */
function islandsConfig({ watch }) {
	return {
		configFile: false,
		root,
		logLevel: 'warn',
		publicDir: false,
		// The page already has every component's CSS (from the server render): islands add none.
		plugins: [
			svelte({ configFile: false, preprocess: vitePreprocess(), emitCss: false, compilerOptions: { css: 'external' } })
		],
		resolve: {
			alias: [
				{ find: /^\$lib\/i18n$/, replacement: src('lib/islands/i18n.ts') },
				{ find: /^\$app\/paths$/, replacement: src('lib/islands/paths.ts') },
				{ find: /^\$lib\//, replacement: src('lib/') }
			]
		},
		build: {
			outDir: ISLANDS_OUT_DIR,
			emptyOutDir: true,
			target: 'es2022',
			modulePreload: false,
			copyPublicDir: false,
			reportCompressedSize: false,
			watch: watch ? {} : null,
			rollupOptions: {
				input: { lesson: src('lib/islands/lesson.ts') },
				output: { entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' }
			}
		}
	};
}

/**
 * Vite plugin: builds the islands once per `vite build`, and keeps them built in `vite dev`.
 * @returns {import('vite').Plugin}
 */
export function lessonIslands() {
	// SvelteKit runs a second, nested build (client) that loads this config again.
	const state = /** @type {{ islandsBuilt?: boolean }} */ (globalThis);
	let command = 'serve';
	return {
		name: 'lotse:lesson-islands',
		configResolved(config) {
			command = config.command;
		},
		async buildStart() {
			if (command !== 'build' || process.env.VITEST || state.islandsBuilt) return;
			state.islandsBuilt = true;
			await build(islandsConfig({ watch: false }));
		},
		async configureServer() {
			if (process.env.VITEST) return;
			await build(islandsConfig({ watch: true }));
		}
	};
}
