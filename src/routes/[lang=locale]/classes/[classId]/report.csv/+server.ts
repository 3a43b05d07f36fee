import { classesTranslator } from '$lib/i18n/classes-layout';
import { requireUser } from '$lib/server/auth/policy';
import { requireTaughtClass } from '$lib/server/classes/access';
import { classReport } from '$lib/server/classes/report';
import { reportCsv } from '$lib/server/classes/report-csv';
import { reportView } from '$lib/server/classes/report-view';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const user = requireUser(event);
	const { db, locale } = event.locals;
	const taught = await requireTaughtClass(db, user.id, event.params.classId);
	const now = new Date();
	const [report, { t }] = await Promise.all([classReport(db, taught.class.id, now), classesTranslator(locale)]);
	const format = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Berlin' });
	const csv = reportCsv(reportView(report, locale), t, (date) => format.format(date));
	// The class name is the instructor's text: the file name uses only the date and safe characters.
	const filename = `report-${now.toISOString().slice(0, 10)}.csv`;
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${filename}"`,
			'cache-control': 'private, no-store'
		}
	});
};
