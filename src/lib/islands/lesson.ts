/**
 * What runs in the browser on a lesson page (the page itself is rendered on the server only;
 * see scripts/vite/lesson-islands.js). Everything here enhances a page that already works.
 */
import { enhanceSwapForms } from './swap-forms';
import { mountIslands } from './mount-islands';
import { setUpReadAloud } from './read-aloud';
import { setUpTerms } from './terms';

enhanceSwapForms(document);
setUpTerms(document);
setUpReadAloud(document);
try {
	await mountIslands(document);
} finally {
	// Lets browser tests wait until the page is interactive (as the root layout does elsewhere).
	document.documentElement.dataset.hydrated = '';
}
