import type { Component } from 'svelte';
import { isIslandName, ISLANDS } from './registry';

/**
 * Replaces each server-rendered island ([data-island]) with its live Svelte component. The
 * component is mounted beside the server render first; if anything fails, the server render
 * (which works without JavaScript) stays.
 */
export async function mountIslands(root: ParentNode): Promise<void> {
	const targets = [...root.querySelectorAll<HTMLElement>('[data-island]')];
	if (targets.length === 0) return;
	const { mount } = await import('svelte');
	await Promise.all(
		targets.map(async (target) => {
			const name = target.dataset.island;
			if (!isIslandName(name)) return;
			try {
				// The props are the JSON the server rendered for this very component (Island.svelte).
				const component = (await ISLANDS[name]()).default as Component<Record<string, unknown>>;
				const props = JSON.parse(target.dataset.islandProps ?? '{}') as Record<string, unknown>;
				// The live component gets a container of its own (Svelte listens for events there).
				const live = document.createElement('div');
				live.hidden = true;
				target.append(live);
				try {
					mount(component, { target: live, props });
				} catch (error) {
					live.remove();
					throw error;
				}
				const focusWasInside = target.contains(document.activeElement);
				target.replaceChildren(live);
				live.hidden = false;
				if (focusWasInside) live.querySelector<HTMLElement>('button, input, select, textarea, a[href]')?.focus();
			} catch (error) {
				console.error(`The "${name}" exercise could not start; its version without JavaScript stays.`, error);
			}
		})
	);
}
