/** The seed files, bundled into the server build (the app does not read content/ at run time). */
import { parseSeedContent, type SeedContent } from './seed.ts';

const fields = import.meta.glob<unknown>('/content/participation/fields.json', { eager: true, import: 'default' });
const projects = import.meta.glob<unknown>('/content/participation/projects/*.json', {
	eager: true,
	import: 'default'
});

export function seedContent(): SeedContent {
	return parseSeedContent(Object.values(fields)[0] ?? [], projects);
}
