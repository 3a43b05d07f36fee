// Participation pages ship at most 40 KB of JavaScript: this page needs none.
export const csr = false;
