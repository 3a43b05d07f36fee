// The proposal pages ship no JavaScript: with the SvelteKit client they loaded about 55–59 KB
// gzipped, over the participation budget of 40 KB, and every form on them is a plain form
// action that works without it (Post/Redirect/Get, <details>, confirmation by link).
export const csr = false;
