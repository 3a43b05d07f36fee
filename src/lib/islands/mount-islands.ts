import type { Component } from 'svelte';
import { isIslandName, ISLANDS } from './registry';

/**
 * Replaces each server-rendered island ([data-island]) with its live Svelte component. The
 * server render stays as it is (and usable) if the component fails to load.
 */
export async function mountIslands(root: ParentNode): Promise<void> {
	const targets = [...root.querySelectorAll<HTMLElement>('[data-island]')];
	if (targets.length === 0) return;
	const { mount } = await import('svelte');
	await Promise.all(
		targets.map(async (target) => {
			const name = target.dataset.island;
			if (!isIslandName(name)) return;
			// The props are the JSON the server rendered for this very component (Island.svelte).
			const component = (await ISLANDS[name]()).default as Component<Record<string, unknown>>;
			const props = JSON.parse(target.dataset.islandProps ?? '{}') as Record<string, unknown>;
			target.replaceChildren();
			mount(component, { target, props });
		})
	);
}
