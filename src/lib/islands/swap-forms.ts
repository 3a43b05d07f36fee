/**
 * Forms marked `data-swap="id …"` are sent in the background. The server answers exactly as
 * it does without JavaScript (the whole page, rendered with the action's result); the
 * elements with those ids are taken from that answer and put in place of the current ones.
 * So there is one rendering of every state, on the server, and the rest of the page (a
 * simulation half done, the scroll position) stays as it was.
 */
const LIVE = '[role="status"], [role="alert"]';

export function enhanceSwapForms(document: Document): void {
	document.addEventListener('submit', (event) => {
		const form = event.target;
		if (!(form instanceof HTMLFormElement) || !form.dataset.swap || form.method !== 'post') return;
		event.preventDefault();
		if (form.getAttribute('aria-busy') === 'true') return;
		void submitInBackground(document, form, event.submitter);
	});
}

async function submitInBackground(
	document: Document,
	form: HTMLFormElement,
	submitter: HTMLElement | null
): Promise<void> {
	const ids = (form.dataset.swap ?? '').split(/\s+/).filter(Boolean);
	form.setAttribute('aria-busy', 'true');
	let answer: Document | null = null;
	try {
		const response = await fetch(form.action, {
			method: 'POST',
			body: new FormData(form, submitter),
			headers: { accept: 'text/html' }
		});
		if (response.headers.get('content-type')?.startsWith('text/html')) {
			answer = new DOMParser().parseFromString(await response.text(), 'text/html');
		}
	} catch {
		// Offline: answer stays null.
	} finally {
		form.removeAttribute('aria-busy');
	}
	if (!answer || !ids.every((id) => answer.getElementById(id) && document.getElementById(id))) {
		// Offline, or an error page instead of the lesson: send the form the ordinary way, so
		// the browser shows what the server says. (Answers and "done" may safely arrive twice:
		// the best score counts, and a lesson is done once.)
		form.submit();
		return;
	}
	const focusWasInside = ids.some((id) => document.getElementById(id)?.contains(document.activeElement));
	const swapped = ids.map((id) => swap(document.getElementById(id)!, document.adoptNode(answer.getElementById(id)!)));
	if (focusWasInside || document.activeElement === document.body) {
		swapped
			.map((region) => region.querySelector<HTMLElement>('[data-swap-focus]'))
			.find(Boolean)
			?.focus();
	}
}

/**
 * Puts `next` in place of `current`, but keeps current's live regions (with next's content):
 * screen readers announce a change inside a live region they know, not a new region.
 */
function swap(current: HTMLElement, next: HTMLElement): HTMLElement {
	const known = [...current.querySelectorAll<HTMLElement>(LIVE)];
	current.replaceWith(next);
	[...next.querySelectorAll<HTMLElement>(LIVE)].forEach((fresh, index) => {
		const region = known[index];
		if (!region || region.getAttribute('role') !== fresh.getAttribute('role')) return;
		region.className = fresh.className;
		region.replaceChildren(...fresh.childNodes);
		fresh.replaceWith(region);
	});
	return next;
}
