// Lesson authors write `import { Tip, Steps } from '$lib/components/lesson';`. A barrel
// import like that would pull every lesson component (simulations, code editor) into each
// lesson's JavaScript; this preprocessor turns it into one import per component file.
const BARREL = /import\s*\{([^}]*)\}\s*from\s*['"]\$lib\/components\/lesson['"];?/g;

export function directLessonImports() {
	return {
		name: 'direct-lesson-imports',
		/** @param {{ content: string, filename?: string }} input */
		markup({ content, filename }) {
			if (!filename?.endsWith('.svx')) return;
			const code = content.replace(BARREL, (_, names) =>
				names
					.split(',')
					.map((/** @type {string} */ name) => name.trim())
					.filter(Boolean)
					.map((/** @type {string} */ name) => `import ${name} from '$lib/components/lesson/${name}.svelte';`)
					.join('\n')
			);
			return code === content ? undefined : { code };
		}
	};
}
