// A page to read, with links and no forms: it needs no JavaScript.
export const csr = false;
