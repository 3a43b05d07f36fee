// Participation pages ship at most 40 KB of JavaScript: this page needs none (its forms work as plain POSTs;
// the SvelteKit client alone is about 56 KB gzipped).
export const csr = false;
