import { definePageMatrix, type MatrixPage } from './axe-matrix';
import { makeProject } from '../helpers/participation-factories.ts';

/**
 * The public participation pages (start page, projects, results) in every language and both
 * contrasts. Seeded projects cover every phase: support (accessible-city-websites),
 * discussion (digital-pilots), closed with a result (city-3d-model).
 */
const PAGES: MatrixPage[] = [
	{ path: '/participate' },
	{ path: '/participate?phase=support&sort=supports' },
	{ path: '/participate?page=2' },
	{ path: '/participate?field=nope&status=done' },
	{ path: '/participate?version=easy', locales: ['de'] },
	{ path: '/participate/accessible-city-websites' },
	{ path: '/participate/accessible-city-websites', who: 'learner' },
	{ path: '/participate/digital-pilots', who: 'learner' },
	{ path: '/participate/city-3d-model' },
	{
		name: 'a project with texts in German only (fallback label)',
		path: async (db) => `/participate/${(await makeProject(db, { phase: 'support', locales: ['de', 'easy'] })).slug}`
	},
	{ path: '/participate/results' },
	{ path: '/participate/accessible-city-websites/results' }
];

definePageMatrix(PAGES);
