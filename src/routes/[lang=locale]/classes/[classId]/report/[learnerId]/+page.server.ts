import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/policy';
import { requireLearnerOfTaughtClass } from '$lib/server/classes/access';
import { classReport, learnerDetails } from '$lib/server/classes/report';
import { detailsView, reportView } from '$lib/server/classes/report-view';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const { db, locale } = event.locals;
	const { classId, learnerId } = event.params;
	const taught = await requireLearnerOfTaughtClass(db, user.id, classId, learnerId);
	const [report, details] = await Promise.all([
		classReport(db, classId, new Date(), { learnerId }),
		learnerDetails(db, classId, learnerId)
	]);
	const view = reportView(report, locale);
	const row = view.rows[0];
	if (!row) error(404, 'errors.notFound');
	return {
		classInfo: { id: taught.class.id, name: taught.class.name },
		report: view,
		row,
		details: detailsView(details, locale)
	};
};
