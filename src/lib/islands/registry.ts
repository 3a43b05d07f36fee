/**
 * The Svelte components a lesson page can start in the browser, by the name its server
 * render gives them (<Island name="…">). Each is a chunk of its own, loaded only by lessons
 * that use it; so is the Svelte runtime they share.
 */
import type { Component } from 'svelte';

// Any component fits here: islands get JSON props from a data attribute (see mount-islands.ts).
type IslandModule = { default: Component<never> };

export const ISLANDS = {
	'phishing-inbox': () => import('$lib/components/lesson/simulations/PhishingInbox.svelte'),
	'card-reader-pin': () => import('$lib/components/lesson/simulations/CardReaderPin.svelte'),
	'address-change-form': () => import('$lib/components/lesson/simulations/AddressChangeForm.svelte'),
	'code-exercise': () => import('$lib/components/lesson/CodeExerciseEditor.svelte')
} satisfies Record<string, () => Promise<IslandModule>>;

export type IslandName = keyof typeof ISLANDS;

export function isIslandName(name: string | undefined): name is IslandName {
	return name !== undefined && Object.hasOwn(ISLANDS, name);
}
