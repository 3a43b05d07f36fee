// A page to read, with links and no forms: without the client it ships no JavaScript, well
// inside the participation pages' 40 KB budget (with it, the shell alone is about 56 KB).
export const csr = false;
