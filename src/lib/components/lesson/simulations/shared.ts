import { onMount, tick } from 'svelte';

// Script helpers the simulations share. This is a .svelte.ts file so it may use runes.

/**
 * Whether the component has mounted, i.e. JavaScript runs in the browser. False during
 * server rendering and until hydration, so the simulations can show their no-JS fallback.
 * Create it while the component initialises (it registers an onMount callback).
 */
export class IsMounted {
	#current = $state(false);

	constructor() {
		onMount(() => {
			this.#current = true;
		});
	}

	get current(): boolean {
		return this.#current;
	}
}

/**
 * Lets the DOM update, then moves focus to the element `target` returns at that moment.
 * A getter, because the element (a bind:this inside an {#if}) may only exist after the update.
 */
export async function focusAfterUpdate(target: () => HTMLElement | undefined): Promise<void> {
	await tick();
	target()?.focus();
}
