import type { RequestEvent } from '@sveltejs/kit';
import { isLocale } from '$lib/i18n/locales';
import { requireUser } from '$lib/server/auth/policy';
import { requireChangeableClass, requireTaughtClass } from '$lib/server/classes/access';
import { createLearnerAccounts, MAX_NAMES, namesForm, parseNames } from '$lib/server/classes/learner-accounts';
import { listClassLearners } from '$lib/server/classes/listing';
import { classLanguage, loginCards } from '$lib/server/classes/login-cards';
import { formFailure, readForm } from '$lib/server/validation/form';
import type { Actions, PageServerLoad } from './$types';

type Event = Pick<RequestEvent, 'locals' | 'url'>;

/** The class's language, else the instructor's own: for new accounts and their cards. */
function languageOf(event: Event, courseLocale: string | null) {
	const user = requireUser(event);
	return classLanguage(courseLocale, isLocale(user.locale) ? user.locale : event.locals.locale);
}

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const taught = await requireTaughtClass(event.locals.db, user.id, event.params.classId);
	return {
		class: { id: taught.class.id, name: taught.class.name, archived: taught.class.archivedAt !== null },
		learners: await listClassLearners(event.locals.db, taught.class.id),
		cardLocale: languageOf(event, taught.class.courseLocale),
		maxNames: MAX_NAMES
	};
};

/**
 * Creates an account per pasted name and answers with their login cards: the one-time
 * passwords exist only in this response (never stored readable), so it is not a redirect.
 */
async function createLearners(event: RequestEvent<{ classId: string }>) {
	const user = requireUser(event);
	const taught = await requireChangeableClass(event.locals.db, user.id, event.params.classId);
	const form = await readForm(event.request, namesForm, { formId: 'create' });
	if (!form.ok) return form.failure;
	const values = { names: form.data.names };
	const parsed = parseNames(form.data.names);
	if (!parsed.ok) {
		const params = 'params' in parsed.problem ? parsed.problem.params : {};
		return formFailure({ names: parsed.problem.key }, { formId: 'create', values, params });
	}
	const locale = languageOf(event, taught.class.courseLocale);
	const created = await createLearnerAccounts(event.locals.db, user.id, {
		classId: taught.class.id,
		names: parsed.names,
		locale
	});
	return { formId: 'create', cards: await loginCards(event.url.origin, locale, created) };
}

export const actions: Actions = { create: createLearners };
