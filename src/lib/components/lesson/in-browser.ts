/**
 * Whether this render runs in the browser. Lesson pages are rendered on the server only, and
 * their interactive parts are mounted afresh in the browser (src/lib/islands), never
 * hydrated; so a component can pick its no-JavaScript or its live form once, from this.
 */
export const inBrowser = typeof window !== 'undefined';
