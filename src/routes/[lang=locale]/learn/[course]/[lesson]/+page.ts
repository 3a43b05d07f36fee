import type { Component } from 'svelte';
import type { PageLoad } from './$types';

// Each lesson is its own chunk: a page loads only the lesson it shows.
const lessons = import.meta.glob<{ default: Component }>('/content/courses/*/*/*.svx');

export const load: PageLoad = async ({ data }) => {
	const load = lessons[data.sourcePath];
	if (!load) throw new Error(`Lesson source missing: ${data.sourcePath}`);
	return { ...data, content: (await load()).default };
};
