import type { RequestEvent } from '@sveltejs/kit';
import { isLocale } from '$lib/i18n/locales';
import { requireUser } from '$lib/server/auth/policy';
import { requireResettableLearner, resetLearnerPassword } from '$lib/server/classes/learner-password-reset';
import { classLanguage, loginCards } from '$lib/server/classes/login-cards';
import type { Actions, PageServerLoad } from './$types';

// The confirmation step: who gets a new password, and what that does to them.
export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const { taught, learner } = await requireResettableLearner(
		event.locals.db,
		user.id,
		event.params.classId,
		event.params.learnerId
	);
	return {
		class: { id: taught.class.id, name: taught.class.name },
		learner: { username: learner.username, displayName: learner.displayName ?? learner.username },
		cardLocale: classLanguage(taught.class.courseLocale, isLocale(user.locale) ? user.locale : event.locals.locale)
	};
};

/** A new one-time password, shown once on a new card; the learner is signed out everywhere. */
async function resetPassword(event: RequestEvent<{ classId: string; learnerId: string }>) {
	const user = requireUser(event);
	const reset = await resetLearnerPassword(event.locals.db, user.id, event.params.classId, event.params.learnerId);
	const locale = classLanguage(
		reset.taught.class.courseLocale,
		isLocale(user.locale) ? user.locale : event.locals.locale
	);
	const cards = await loginCards(event.url.origin, locale, [
		{ displayName: reset.learner.displayName, username: reset.learner.username, oneTimePassword: reset.oneTimePassword }
	]);
	return { cards };
}

export const actions: Actions = { default: resetPassword };
