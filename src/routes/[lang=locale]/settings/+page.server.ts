import { fail, type RequestEvent } from '@sveltejs/kit';
import { DISPLAY_COOKIE, DISPLAY_OPTIONS, serializeDisplayCookie } from '$lib/display-settings';
import { displaySettingsSchema } from '$lib/server/site/display-settings';
import { fieldError } from '$lib/server/validation/form';
import type { Actions } from './$types';

const strict = displaySettingsSchema.extend({}).strict();

async function saveDisplaySettings(event: RequestEvent) {
	let form: FormData;
	try {
		form = await event.request.formData();
	} catch {
		return fail(400, { errors: fieldError('form', 'errors.badRequest') });
	}
	// Unknown values are an error here (the cookie parser, by contrast, falls back to defaults).
	const values = Object.fromEntries([...form].filter(([, v]) => typeof v === 'string'));
	const allowed: Record<string, readonly string[]> = DISPLAY_OPTIONS;
	for (const [key, options] of Object.entries(allowed)) {
		if (!options.includes(String(values[key] ?? ''))) return fail(400, { errors: fieldError(key, 'errors.invalid') });
	}
	const settings = strict.parse(Object.fromEntries(Object.keys(allowed).map((k) => [k, values[k]])));
	event.cookies.set(DISPLAY_COOKIE, serializeDisplayCookie(settings), {
		path: '/',
		maxAge: 60 * 60 * 24 * 365,
		httpOnly: true,
		sameSite: 'lax',
		secure: event.url.protocol === 'https:'
	});
	event.locals.display = settings;
	return { saved: true };
}

export const actions: Actions = { default: saveDisplaySettings };
