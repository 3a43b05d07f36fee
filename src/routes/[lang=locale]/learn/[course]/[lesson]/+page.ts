import type { Component } from 'svelte';
import { CORE_PARTS, createTranslator, loadMessages } from '$lib/i18n/translator';
import type { PageLoad } from './$types';

// Lesson pages are rendered on the server only: no SvelteKit client, no hydration. Their
// interactive parts are islands (src/lib/islands, loaded by the page), which keeps the
// JavaScript a lesson ships small and lets everything work without it.
export const csr = false;

// Each lesson is its own module, loaded when first shown.
const lessons = import.meta.glob<{ default: Component }>('/content/courses/*/*/*.svx');

export const load: PageLoad = async ({ data, parent }) => {
	const load = lessons[data.sourcePath];
	if (!load) throw new Error(`Lesson source missing: ${data.sourcePath}`);
	const [module, layout] = await Promise.all([load(), parent()]);
	// Texts of simulations and code exercises are loaded only for lessons that use them,
	// for the server render and for the islands in the browser.
	if (data.translationParts.length === 0) return { ...data, content: module.default, islandMessages: null };
	const [messages, islandMessages] = await Promise.all([
		loadMessages(layout.locale, [...CORE_PARTS, ...data.translationParts]),
		loadMessages(layout.locale, data.translationParts)
	]);
	return { ...data, content: module.default, t: await createTranslator(layout.locale, messages), islandMessages };
};
