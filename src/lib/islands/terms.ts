/**
 * Glossary terms (<Term> in a lesson): the server renders the word with its explanation
 * after it, which is how it reads without JavaScript. Here the word becomes a toggletip
 * button that shows or hides the explanation (Escape hides it).
 */
export function setUpTerms(document: Document): void {
	for (const term of document.querySelectorAll<HTMLElement>('[data-term]')) {
		const word = term.querySelector<HTMLElement>('.term__word');
		const button = term.querySelector<HTMLButtonElement>('.term__button');
		const region = term.querySelector<HTMLElement>('.term__explain');
		const text = region?.firstElementChild;
		if (!word || !button || !region || !text) continue;
		const show = (open: boolean): void => {
			button.setAttribute('aria-expanded', String(open));
			region.replaceChildren(...(open ? [text] : []));
		};
		button.addEventListener('click', () => show(button.getAttribute('aria-expanded') !== 'true'));
		button.addEventListener('keydown', (event) => {
			if (event.key !== 'Escape' || button.getAttribute('aria-expanded') !== 'true') return;
			event.preventDefault();
			show(false);
		});
		show(false);
		word.hidden = true;
		button.hidden = false;
	}
}
