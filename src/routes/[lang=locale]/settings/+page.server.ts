import { redirect, type RequestEvent } from '@sveltejs/kit';
import { DISPLAY_COOKIE, serializeDisplayCookie } from '$lib/display-settings';
import { displaySettingsForm } from '$lib/server/site/display-settings';
import { readForm } from '$lib/server/validation/form';
import type { Actions } from './$types';

async function saveDisplaySettings(event: RequestEvent) {
	const form = await readForm(event.request, displaySettingsForm);
	if (!form.ok) return form.failure;
	event.cookies.set(DISPLAY_COOKIE, serializeDisplayCookie(form.data), {
		path: '/',
		maxAge: 60 * 60 * 24 * 365,
		httpOnly: true,
		sameSite: 'lax',
		secure: event.url.protocol === 'https:'
	});
	// Post/redirect/get: the confirmation is a page of its own, rendered with the new settings,
	// and reloading it (or going back to it) sends nothing again.
	redirect(303, `${event.url.pathname}?saved`);
}

export const actions: Actions = { default: saveDisplaySettings };
