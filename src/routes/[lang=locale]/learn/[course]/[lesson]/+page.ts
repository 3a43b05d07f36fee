import type { Component } from 'svelte';
import { CORE_PARTS, createTranslator, loadMessages } from '$lib/i18n/translator';
import type { PageLoad } from './$types';

// Each lesson is its own chunk: a page loads only the lesson it shows.
const lessons = import.meta.glob<{ default: Component }>('/content/courses/*/*/*.svx');

export const load: PageLoad = async ({ data, parent }) => {
	const load = lessons[data.sourcePath];
	if (!load) throw new Error(`Lesson source missing: ${data.sourcePath}`);
	const [module, layout] = await Promise.all([load(), parent()]);
	// Texts of simulations and code exercises are loaded only for lessons that use them.
	if (data.translationParts.length === 0) return { ...data, content: module.default };
	const messages = await loadMessages(layout.locale, [...CORE_PARTS, ...data.translationParts]);
	return { ...data, content: module.default, t: await createTranslator(layout.locale, messages) };
};
