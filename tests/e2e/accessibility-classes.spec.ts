import { definePageMatrix, type MatrixPage } from './axe-matrix';
import { archiveClass } from '../../src/lib/server/classes/class-settings.ts';
import { makeAssignment, makeClass, makeCoInstructor, makeMember } from '../helpers/class-factories.ts';
import { makeUser } from '../helpers/factories.ts';
import type { Db } from '../../src/lib/server/db/database.ts';

const DAY = 24 * 60 * 60 * 1000;

/** A class the visitor teaches, with a learner, a co-instructor and two assignments. */
async function taughtClass(db: Db, instructorId: string) {
	const made = await makeClass(db, { instructorId, name: 'Dienstagskurs' });
	await makeMember(db, made.id, (await makeUser(db)).id);
	await makeCoInstructor(db, made.id, (await makeUser(db, { role: 'instructor' })).id);
	await makeAssignment(db, made.id, 'first-steps', { note: 'Bitte in Ruhe durcharbeiten.' });
	await makeAssignment(db, made.id, 'safe-online/strong-passwords', { dueAt: new Date(Date.now() + 7 * DAY) });
	return made;
}

/** Classes the visitor learns in, with assignments in every status. */
async function learnerInClass(db: Db, learnerId: string) {
	const made = await makeClass(db, { name: 'Abendkurs' });
	await makeMember(db, made.id, learnerId);
	await makeAssignment(db, made.id, 'first-steps', { dueAt: new Date(Date.now() - DAY), note: 'Bis Montag' });
	await makeAssignment(db, made.id, 'safe-online/strong-passwords', { dueAt: new Date(Date.now() + 3 * DAY) });
	await makeAssignment(db, made.id, 'first-steps/keyboard');
	return made;
}

/** Every page of the classes area, and the home page and dashboard with assignments. */
const PAGES: MatrixPage[] = [
	{ path: '/classes' },
	{ path: '/classes/join' },
	{ path: '/classes/join?code=ZZZZZZ', name: '/classes/join?code=… (refused code, guest)' },
	{ name: '/classes/join?code=… (guest)', path: async (db) => `/classes/join?code=${(await makeClass(db)).joinCode}` },
	{ path: '/classes', who: 'learner', name: '/classes (learner, no class)' },
	{
		name: '/classes (learner in a class)',
		who: 'learner',
		path: async (db, visitor) => {
			await learnerInClass(db, visitor!.id);
			return '/classes';
		}
	},
	{
		name: '/classes?leave=… (confirmation)',
		who: 'learner',
		path: async (db, visitor) => `/classes?leave=${(await learnerInClass(db, visitor!.id)).id}`
	},
	{
		name: '/classes/join?code=… (learner)',
		who: 'learner',
		path: async (db) => `/classes/join?code=${(await makeClass(db)).joinCode}`
	},
	{
		name: '/ (learner with assignments)',
		who: 'learner',
		path: async (db, visitor) => {
			await learnerInClass(db, visitor!.id);
			return '';
		}
	},
	{
		name: '/learn/dashboard (learner with assignments)',
		who: 'learner',
		path: async (db, visitor) => {
			await learnerInClass(db, visitor!.id);
			return '/learn/dashboard';
		}
	},
	{ path: '/classes', who: 'instructor', name: '/classes (instructor, no class)' },
	{ path: '/classes/new', who: 'instructor' },
	{
		name: '/classes (instructor with classes)',
		who: 'instructor',
		path: async (db, visitor) => {
			await taughtClass(db, visitor!.id);
			return '/classes';
		}
	},
	{
		name: '/classes/<id>?created=1',
		who: 'instructor',
		path: async (db, visitor) => `/classes/${(await taughtClass(db, visitor!.id)).id}?created=1`
	},
	{
		name: '/classes/<id>?confirm=archive',
		who: 'instructor',
		path: async (db, visitor) => `/classes/${(await taughtClass(db, visitor!.id)).id}?confirm=archive`
	},
	{
		name: '/classes/<id>?confirm=regenerate',
		who: 'instructor',
		path: async (db, visitor) => `/classes/${(await taughtClass(db, visitor!.id)).id}?confirm=regenerate`
	},
	{
		name: '/classes/<id> (archived)',
		who: 'instructor',
		path: async (db, visitor) => {
			const made = await taughtClass(db, visitor!.id);
			await archiveClass(db, made.instructorId, made.id);
			return `/classes/${made.id}`;
		}
	},
	{
		name: '/classes/<id>/settings',
		who: 'instructor',
		path: async (db, visitor) => `/classes/${(await taughtClass(db, visitor!.id)).id}/settings`
	},
	{
		name: '/classes/<id>/settings (archived)',
		who: 'instructor',
		path: async (db, visitor) => {
			const made = await taughtClass(db, visitor!.id);
			await archiveClass(db, made.instructorId, made.id);
			return `/classes/${made.id}/settings`;
		}
	},
	{
		name: '/classes/<id>/assignments',
		who: 'instructor',
		path: async (db, visitor) => `/classes/${(await taughtClass(db, visitor!.id)).id}/assignments`
	},
	{
		name: '/classes/<id>/assignments?remove=…',
		who: 'instructor',
		path: async (db, visitor) => {
			const made = await taughtClass(db, visitor!.id);
			const assignment = await makeAssignment(db, made.id, 'first-steps/keyboard');
			return `/classes/${made.id}/assignments?remove=${assignment.id}`;
		}
	},
	{
		name: '/classes/<id>/assignments (empty)',
		who: 'instructor',
		path: async (db, visitor) => `/classes/${(await makeClass(db, { instructorId: visitor!.id })).id}/assignments`
	}
];

definePageMatrix(PAGES);
