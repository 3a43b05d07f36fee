import { redirect, type RequestEvent } from '@sveltejs/kit';
import { endSession } from '$lib/server/auth/request';
import type { Actions, PageServerLoad } from './$types';

// Signing out only happens by POST (a link could be triggered by another site).
export const load: PageServerLoad = ({ locals }) => {
	redirect(303, `/${locals.locale}`);
};

async function signOut(event: RequestEvent) {
	await endSession(event);
	redirect(303, `/${event.locals.locale}/signin?signedout=1`);
}

export const actions: Actions = { default: signOut };
