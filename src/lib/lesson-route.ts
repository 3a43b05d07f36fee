/**
 * The lesson page's route. Lesson pages are rendered on the server only (csr = false in
 * their +page.ts). SvelteKit's client router would render them in the browser all the same
 * if it navigated to one, so the rest of the site reaches them with a full page load: links
 * to lessons carry data-sveltekit-reload, and the root layout turns any other navigation to
 * a lesson into one.
 */
export const LESSON_ROUTE_ID = '/[lang=locale]/learn/[course]/[lesson]';
