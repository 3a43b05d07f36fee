import { definePageMatrix, type MatrixPage } from './axe-matrix';
import { makeContributions, makeEditedProject } from '../helpers/admin-factories.ts';
import { makeField } from '../helpers/participation-factories.ts';

/** The admin's pages for the strategy and a person's contributions page, each with data to show. */
const PAGES: MatrixPage[] = [
	{ path: '/admin', who: 'admin' },
	{ path: '/admin/participation', who: 'admin' },
	{ path: '/admin/participation/fields/new', who: 'admin' },
	{ path: '/admin/participation/projects/new', who: 'admin' },
	{
		name: '/admin/participation/fields/<id>',
		who: 'admin',
		path: async (db) => `/admin/participation/fields/${(await makeField(db, { locales: ['de', 'en'] })).id}`
	},
	{
		name: '/admin/participation/fields/<id>/tr',
		who: 'admin',
		path: async (db) => `/admin/participation/fields/${(await makeField(db, { locales: ['de'] })).id}/tr`
	},
	{
		name: '/admin/participation/projects/<id>',
		who: 'admin',
		path: async (db) => `/admin/participation/projects/${(await makeEditedProject(db, { locales: ['de', 'en'] })).id}`
	},
	{
		name: '/admin/participation/projects/<id>/en',
		who: 'admin',
		path: async (db) => `/admin/participation/projects/${(await makeEditedProject(db)).id}/en`
	},
	{
		name: '/admin/participation/projects/<id>/easy',
		who: 'admin',
		path: async (db) => `/admin/participation/projects/${(await makeEditedProject(db)).id}/easy`
	},
	{
		name: '/admin/participation/projects/<id>/timeline/<entry>/ar',
		who: 'admin',
		path: async (db) => {
			const project = await makeEditedProject(db);
			return `/admin/participation/projects/${project.id}/timeline/${project.entryId}/ar`;
		}
	},
	{
		name: '/account/contributions (with data)',
		who: 'learner',
		path: async (db, visitor) => {
			await makeContributions(db, visitor!.id);
			return '/account/contributions';
		}
	},
	{ path: '/account/contributions', who: 'learner', name: '/account/contributions (empty)' }
];

definePageMatrix(PAGES);
