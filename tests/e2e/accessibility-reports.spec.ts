import { definePageMatrix, type MatrixPage } from './axe-matrix';
import { LOCALES } from './helpers';
import { makeReportedClass } from '../helpers/report-factories.ts';

/** The class report, a learner's details and a learner's own page, each with data to show. */
const PAGES: MatrixPage[] = [
	{
		name: '/classes/<id>/report',
		who: 'instructor',
		path: async (db, visitor) => `/classes/${(await makeReportedClass(db, { instructorId: visitor!.id })).id}/report`
	},
	{
		name: '/classes/<id>/report/<learner>',
		who: 'instructor',
		path: async (db, visitor) => {
			const group = await makeReportedClass(db, { instructorId: visitor!.id });
			return `/classes/${group.id}/report/${group.learnerIds[1]}`;
		}
	},
	{
		name: '/account/seen-by-instructors (in a class)',
		who: 'learner',
		path: async (db, visitor) => {
			await makeReportedClass(db, { learnerId: visitor!.id });
			return '/account/seen-by-instructors';
		}
	},
	{ path: async () => '/account/seen-by-instructors', who: 'learner', name: '/account/seen-by-instructors (no class)' }
];

// Each page in two halves of the languages: a report page with its tables takes axe a while,
// and eight of them one after another can outlast a test's time on a busy machine.
const HALVES = [LOCALES.slice(0, 4), LOCALES.slice(4)];

definePageMatrix(
	PAGES.flatMap((page) => HALVES.map((locales) => ({ ...page, locales, name: `${page.name} (${locales.join(', ')})` })))
);
