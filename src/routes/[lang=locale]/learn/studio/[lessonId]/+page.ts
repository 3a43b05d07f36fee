// Rendered on the server only, as shipped lessons are: no SvelteKit client, no hydration;
// the interactive parts are the lesson islands (src/lib/islands), loaded by the page.
export const csr = false;
