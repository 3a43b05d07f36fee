import { requireUser } from '$lib/server/auth/policy';
import { classesOfLearner, classReport, learnerDetails } from '$lib/server/classes/report';
import { detailsView, reportView } from '$lib/server/classes/report-view';
import type { PageServerLoad } from './$types';

/**
 * What the instructors of each of the learner's classes see about them: the same report
 * function and the same details, for their own row only.
 */
export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const { db, locale } = event.locals;
	const now = new Date();
	const classes = await classesOfLearner(db, user.id);
	return {
		classes: await Promise.all(
			classes.map(async (row) => {
				const [report, details] = await Promise.all([
					classReport(db, row.id, now, { learnerId: user.id }),
					learnerDetails(db, row.id, user.id)
				]);
				const view = reportView(report, locale);
				return { id: row.id, name: row.name, report: view, row: view.rows[0]!, details: detailsView(details, locale) };
			})
		)
	};
};
