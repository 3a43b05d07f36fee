// The components lesson authors can use (see content/README.md).
export { default as Steps } from './Steps.svelte';
export { default as Tip } from './Tip.svelte';
export { default as Warning } from './Warning.svelte';
export { default as Term } from './Term.svelte';
export { default as Figure } from './Figure.svelte';
export { default as Simulation } from './Simulation.svelte';
export { default as CodeExercise } from './CodeExercise.svelte';
