import { requestInstructorRole } from '../../src/lib/server/auth/instructor-requests.ts';
import { makeUser, uniqueUsername } from '../helpers/factories.ts';
import { definePageMatrix, type MatrixPage } from './axe-matrix';

/** People and roles (admins) and the request to become an instructor (learners), each with data to show. */
const PAGES: MatrixPage[] = [
	{ path: '/admin/people', who: 'admin' },
	{
		name: '/admin/people?q=… (search with results)',
		who: 'admin',
		path: async (db) => {
			await makeUser(db, { username: uniqueUsername('axe-person'), email: 'person@example.org' });
			return '/admin/people?q=axe-person&match=contains';
		}
	},
	{
		name: '/admin/people/<id>',
		who: 'admin',
		path: async (db) => `/admin/people/${(await makeUser(db)).id}`
	},
	{
		name: '/admin/people/<id>?confirm=delete',
		who: 'admin',
		path: async (db) => `/admin/people/${(await makeUser(db, { role: 'instructor' })).id}?confirm=delete`
	},
	{ name: '/admin/people/<own id>', who: 'admin', path: async (_db, visitor) => `/admin/people/${visitor!.id}` },
	{
		name: '/admin/people/requests (with a request)',
		who: 'admin',
		path: async (db) => {
			const learner = await makeUser(db);
			await requestInstructorRole(db, learner.id, 'Ich leite den Kurs „Erste Schritte“ in der Bücherhalle.');
			return '/admin/people/requests';
		}
	},
	{ path: '/account/instructor-request', who: 'learner', name: '/account/instructor-request (no request yet)' },
	{
		name: '/account/instructor-request (open request)',
		who: 'learner',
		path: async (db, visitor) => {
			await requestInstructorRole(db, visitor!.id, 'Ich unterrichte Deutsch als Zweitsprache.');
			return '/account/instructor-request';
		}
	},
	{ path: '/account/instructor-request', who: 'moderator', name: '/account/instructor-request (not a learner)' }
];

definePageMatrix(PAGES);
