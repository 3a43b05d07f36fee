// Participation pages ship at most 40 KB of JavaScript: this page needs none (its form works as a plain POST).
export const csr = false;
