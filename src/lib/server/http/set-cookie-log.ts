import type { Cookies } from '@sveltejs/kit';

/**
 * Notes the Set-Cookie header of every cookie a request sets or deletes through
 * `event.cookies`. SvelteKit adds those cookies only to responses made by `resolve()`; a
 * response built in a hook (a page served from RenderedPages) needs the list to add them
 * itself. Call it once, first thing in the first hook.
 */
export function logSetCookies(cookies: Cookies): string[] {
	const log: string[] = [];
	const set = cookies.set.bind(cookies);
	const remove = cookies.delete.bind(cookies);
	cookies.set = (name, value, options) => {
		set(name, value, options);
		log.push(cookies.serialize(name, value, options));
	};
	cookies.delete = (name, options) => {
		remove(name, options);
		log.push(cookies.serialize(name, '', { ...options, maxAge: 0 }));
	};
	return log;
}
