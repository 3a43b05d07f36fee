import { tick } from 'svelte';

// Script helpers the simulations share.

/**
 * Lets the DOM update, then moves focus to the element `target` returns at that moment.
 * A getter, because the element (a bind:this inside an {#if}) may only exist after the update.
 */
export async function focusAfterUpdate(target: () => HTMLElement | undefined): Promise<void> {
	await tick();
	target()?.focus();
}
