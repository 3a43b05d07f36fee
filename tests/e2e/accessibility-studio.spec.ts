import { definePageMatrix, type MatrixPage } from './axe-matrix';
import { makeClass, makeMember } from '../helpers/class-factories.ts';
import { makeStudioLesson } from '../helpers/studio-factories.ts';
import { publishLesson } from '../../src/lib/server/studio/publishing.ts';
import type { Db } from '../../src/lib/server/db/database.ts';

/** A lesson with every building block: a tip, a warning, steps, a term, a figure, a code block. */
const FULL_BODY = [
	'## Die Eingabetaste',
	'',
	'Drücken Sie die [[Eingabetaste|die große Taste rechts]], um etwas abzuschicken.',
	'',
	'::: tip',
	'Sie ist die größte Taste rechts.',
	':::',
	'',
	'::: warning',
	'Ein zweites Drücken schickt es noch einmal.',
	':::',
	'',
	'::: steps',
	'1. Text eintippen',
	'2. Eingabetaste drücken',
	':::',
	'',
	'![Eine Tastatur, die Eingabetaste ist markiert](image:keyboard "Die Eingabetaste")',
	'',
	'### Für Neugierige',
	'',
	'```js',
	'console.log("Hallo");',
	'```'
].join('\n');

/** A lesson by `authorId`, published to a class they teach; `learnerId` learns in it. */
async function publishedLesson(db: Db, authorId: string, learnerId?: string) {
	const made = await makeClass(db, { instructorId: authorId, name: 'Dienstagskurs' });
	if (learnerId) await makeMember(db, made.id, learnerId);
	const lesson = await makeStudioLesson(db, authorId, { body: FULL_BODY });
	// No catalogue outside Vite: the lesson links to no lesson, so none needs to be known.
	await publishLesson(db, lesson, [made.id], new Date(), new Set());
	return lesson.lesson.id;
}

/** Every page of the studio, and the published lesson as a learner sees it. */
const PAGES: MatrixPage[] = [
	{ path: '/studio', who: 'instructor', name: '/studio (no lessons)' },
	{ path: '/studio/new', who: 'instructor' },
	{
		name: '/studio (with lessons)',
		who: 'instructor',
		path: async (db, visitor) => {
			await publishedLesson(db, visitor!.id);
			await makeStudioLesson(db, visitor!.id, { title: '' });
			return '/studio';
		}
	},
	{
		name: '/studio/<id> (problems next to their fields)',
		who: 'instructor',
		path: async (db, visitor) => {
			const lesson = await makeStudioLesson(db, visitor!.id, {
				title: '',
				body: '### Zu tief\n\n![](image:keyboard)\n\n[weg](javascript:alert(1))',
				quizzes: '- id: x\n  type: single'
			});
			return `/studio/${lesson.lesson.id}`;
		}
	},
	{
		name: '/studio/<id> (published, ready to publish again)',
		who: 'instructor',
		path: async (db, visitor) => `/studio/${await publishedLesson(db, visitor!.id)}`
	},
	{
		name: '/studio/<id>?locale=ar (a missing translation)',
		who: 'instructor',
		path: async (db, visitor) => `/studio/${await publishedLesson(db, visitor!.id)}?locale=ar`
	},
	{
		name: '/studio/<id>/preview',
		who: 'instructor',
		path: async (db, visitor) => `/studio/${await publishedLesson(db, visitor!.id)}/preview`
	},
	{
		name: '/studio/<id>/preview?locale=de',
		who: 'instructor',
		path: async (db, visitor) => `/studio/${await publishedLesson(db, visitor!.id)}/preview?locale=de`
	},
	{
		name: '/learn/studio/<id> (learner of the class)',
		who: 'learner',
		path: async (db, visitor) => {
			const author = await makeClass(db);
			return `/learn/studio/${await publishedLesson(db, author.instructorId, visitor!.id)}`;
		}
	},
	{
		name: '/learn (with a lesson from the class)',
		who: 'learner',
		path: async (db, visitor) => {
			const author = await makeClass(db);
			await publishedLesson(db, author.instructorId, visitor!.id);
			return '/learn';
		}
	}
];

definePageMatrix(PAGES);
