/**
 * Forms marked `data-swap="id …"` are sent in the background. The server answers exactly as
 * it does without JavaScript (the whole page, rendered with the action's result); the
 * elements with those ids are taken from that answer and put in place of the current ones.
 * So there is one rendering of every state, on the server, and the rest of the page (a
 * simulation half done, the scroll position) stays as it was.
 */
export function enhanceSwapForms(document: Document): void {
	document.addEventListener('submit', (event) => {
		const form = event.target;
		if (!(form instanceof HTMLFormElement) || !form.dataset.swap || form.method !== 'post') return;
		event.preventDefault();
		if (form.getAttribute('aria-busy') === 'true') return;
		void submitInBackground(document, form, event.submitter);
	});
}

async function submitInBackground(document: Document, form: HTMLFormElement, submitter: HTMLElement | null): Promise<void> {
	const ids = (form.dataset.swap ?? '').split(/\s+/).filter(Boolean);
	form.setAttribute('aria-busy', 'true');
	let answer: Document;
	try {
		const response = await fetch(form.action, { method: 'POST', body: new FormData(form, submitter), headers: { accept: 'text/html' } });
		if (!response.headers.get('content-type')?.startsWith('text/html')) throw new Error(`Unexpected answer ${response.status}`);
		answer = new DOMParser().parseFromString(await response.text(), 'text/html');
	} catch {
		// Offline or a server error: send the form the ordinary way, so the browser shows what happened.
		form.submit();
		return;
	} finally {
		form.removeAttribute('aria-busy');
	}
	const focusWasInside = ids.some((id) => document.getElementById(id)?.contains(document.activeElement));
	const swapped = ids.flatMap((id) => {
		const current = document.getElementById(id);
		const next = answer.getElementById(id);
		if (!current || !next) return [];
		const adopted = document.adoptNode(next);
		current.replaceWith(adopted);
		return [adopted];
	});
	for (const region of swapped) announce(region);
	if (focusWasInside) swapped.map((region) => region.querySelector<HTMLElement>('[data-swap-focus]')).find(Boolean)?.focus();
}

/** A live region that arrives with its text already in it is not read out; so fill it afterwards. */
function announce(region: HTMLElement): void {
	for (const live of region.querySelectorAll<HTMLElement>('[role="status"], [role="alert"]')) {
		const content = [...live.childNodes];
		live.replaceChildren();
		setTimeout(() => live.replaceChildren(...content), 100);
	}
}
