import { requireUser } from '$lib/server/auth/policy';
import { requireTaughtClass } from '$lib/server/classes/access';
import { classReport } from '$lib/server/classes/report';
import { reportView } from '$lib/server/classes/report-view';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const { db, locale } = event.locals;
	const taught = await requireTaughtClass(db, user.id, event.params.classId);
	const report = await classReport(db, taught.class.id, new Date());
	return {
		classInfo: { id: taught.class.id, name: taught.class.name, archived: taught.class.archivedAt !== null },
		report: reportView(report, locale)
	};
};
