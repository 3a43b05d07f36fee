import { redirect, type RequestEvent } from '@sveltejs/kit';
import { endSession } from '$lib/server/auth/request';
import type { Actions, PageServerLoad } from './$types';

// Signing out only happens by POST (a link could be triggered by another site).
export const load: PageServerLoad = ({ locals }) => {
	redirect(303, `/${locals.locale}`);
};

async function signOut(event: RequestEvent) {
	await endSession(event);
	// Code exercises keep their last code in this browser's storage; on a shared computer in
	// a class, the next person must not find it. (Guest progress is a cookie and stays.)
	event.setHeaders({ 'clear-site-data': '"storage"' });
	redirect(303, `/${event.locals.locale}/signin?signedout=1`);
}

export const actions: Actions = { default: signOut };
