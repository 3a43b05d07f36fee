// A page to read: server-rendered only, so a class of 300 does not send its report twice
// (as HTML and again as data for the browser). Printing is the browser's own (Ctrl + P).
export const csr = false;
