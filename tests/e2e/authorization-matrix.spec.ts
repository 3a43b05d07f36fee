/**
 * The authorization matrix: every page, endpoint and form action under src/routes × every
 * kind of visitor, with what the server must answer, sent to the real built server.
 *
 * Visitors: a guest; a learner of "this class" and a learner of "another class"; the
 * instructor of this class and the instructor of the other one; a moderator; an admin.
 * Each request carries a session of its own (signing out or a password reset cannot end
 * another row's session). Pages are fetched with GET; actions are POSTed as a browser
 * without JavaScript posts a form (same origin, so SvelteKit's CSRF check lets it through),
 * with the row's body or an empty one: what is tested is who gets past authorization (a
 * guest is sent to sign in, others get 403, the allowed ones reach validation: 400), not
 * what a valid form does (the feature tests do that).
 *
 * Outcomes: a status (200, 400, 403, 404 …); SIGN_IN = 303 to /en/signin?next=…; or
 * redirect('/en/x') = 303 to exactly that path (with any query or fragment); route parameters
 * in it are filled in as in the request's path: redirect('/en/classes/[classId]').
 *
 * The first test reads src/routes (tests/helpers/route-inventory.ts) and fails when a page,
 * endpoint method or action exists that MATRIX does not list, or MATRIX lists one that no
 * longer exists.
 *
 * HOW TO ADD A ROUTE
 * 1. Add a row to MATRIX under the key the failing first test names, e.g.
 *    'GET /[lang=locale]/classes/[classId]' or 'POST /[lang=locale]/classes/[classId] ?/archive'.
 *    Use the helpers (everyone, signedIn, onlyAdmin, moderators, byRole) and say for each
 *    visitor what the server must answer; a row that needs a form field to get past a first
 *    check (an id) gives it in `body`.
 * 2. If the route has a new parameter, give it a value in `paramsFor` below, made in
 *    `seedMatrix` (e.g. classId = this class, made with tests/helpers/class-factories.ts;
 *    the other class is `world.otherClass`).
 * 3. A row whose allowed visitors really change something (archive a class, leave it) must not
 *    change what other rows are about: give it a thing of its own in `seedMatrix` and point the
 *    row at it with `params` (or a `body` made from the world). All rows of a worker share one
 *    world and run one after another in an order nobody promises.
 * 4. MATRIX_PRINT=1 prints what the server answered for every row: a help to find a typo,
 *    never a reason to write down what it answered without checking that it is right.
 */
import { fileURLToPath } from 'node:url';
import { SESSION_COOKIE } from '../../src/lib/server/auth/session.ts';
import { archiveClass } from '../../src/lib/server/classes/class-settings.ts';
import type { Db } from '../../src/lib/server/db/database.ts';
import { newId } from '../../src/lib/server/db/ids.ts';
import { saveImage } from '../../src/lib/server/studio/images.ts';
import { publishLesson } from '../../src/lib/server/studio/publishing.ts';
import { makeEditedProject } from '../helpers/admin-factories.ts';
import { makeClass, makeMember } from '../helpers/class-factories.ts';
import { makeProgress, makeSession, makeUser, uniqueUsername } from '../helpers/factories.ts';
import { makeComment, makeField, makeProposal } from '../helpers/participation-factories.ts';
import { tinyImage } from '../helpers/image-factories.ts';
import { makeStudioLesson } from '../helpers/studio-factories.ts';
import { entryKey, routeInventory } from '../helpers/route-inventory.ts';
import { expect, test } from './fixtures';
import { BASE_URL } from './helpers';

const VISITORS = ['guest', 'learner', 'otherLearner', 'instructor', 'otherInstructor', 'moderator', 'admin'] as const;
type Visitor = (typeof VISITORS)[number];
type SignedInVisitor = Exclude<Visitor, 'guest'>;

const SIGN_IN = 'sign-in' as const;
/** In a row's body: the id of the project the matrix made (its slug is the [project] parameter). */
const PROJECT_ID = '<project id>';
type Outcome = number | typeof SIGN_IN | { redirect: string };
const redirect = (path: string): Outcome => ({ redirect: path });
type Outcomes = Record<Visitor, Outcome>;

interface Row {
	expect: Outcomes;
	/** Form fields for an action (default: none), or made from the matrix's world. */
	body?: Record<string, string> | ((world: World) => Record<string, string>);
	/** A query string for a GET (e.g. "?phase=before"). */
	query?: string;
	/** Route parameters of the row's own, over `paramsFor` (a class only this row changes). */
	params?: (world: World, visitor: Visitor) => Record<string, string>;
}

/** For a learner's pages: the instructor of the other class asks through their own class. */
const throughOwnClass = (world: World, visitor: Visitor): Record<string, string> =>
	visitor === 'otherInstructor' ? { classId: world.otherClass.id } : {};

/** Everyone gets the same answer. */
const everyone = (outcome: Outcome): Outcomes =>
	Object.fromEntries(VISITORS.map((visitor) => [visitor, outcome])) as Outcomes;
/** Guests are sent to sign in; every signed-in visitor gets `outcome`. */
const signedIn = (outcome: Outcome): Outcomes => ({ ...everyone(outcome), guest: SIGN_IN });
/** Only some roles: guests sign in, the others get 403. */
const only = (allowed: readonly SignedInVisitor[], outcome: Outcome): Outcomes => ({
	...everyone(403),
	guest: SIGN_IN,
	...Object.fromEntries(allowed.map((visitor) => [visitor, outcome]))
});
const onlyAdmin = (outcome: Outcome) => only(['admin'], outcome);
const moderators = (outcome: Outcome) => only(['moderator', 'admin'], outcome);
/** For guests (sign-in, sign-up, recovery): a signed-in visitor is sent to their account. */
const guestsOnly = (outcome: Outcome): Outcomes => ({ ...everyone(redirect('/en/account')), guest: outcome });
/**
 * A class's own pages and actions: only who teaches it. For everyone else (the instructor of
 * another class, its learners, moderators and admins alike) the class does not exist: 404.
 */
const itsInstructor = (outcome: Outcome): Outcomes => ({ ...everyone(404), guest: SIGN_IN, instructor: outcome });
/** Spelled out for each visitor. */
const byRole = (outcomes: Outcomes): Outcomes => outcomes;

const MATRIX: Record<string, Row> = {
	// The start: "/" sends to the language (no cookie, no Accept-Language: German).
	'GET /': { expect: everyone(redirect('/de')) },
	'GET /[lang=locale]': { expect: everyone(200) },
	'GET /[lang=locale]/accessibility': { expect: everyone(200) },
	'POST /[lang=locale]/accessibility ?/default': { expect: everyone(400) },

	// The account: only for signed-in people, each about themselves.
	'GET /[lang=locale]/account': { expect: signedIn(200) },
	'POST /[lang=locale]/account ?/password': { expect: signedIn(400) },
	'POST /[lang=locale]/account ?/recoveryCode': { expect: signedIn(200) },
	'POST /[lang=locale]/account ?/delete': { expect: signedIn(400) },
	// The first sign-in's form is for one-time passwords only (nobody here has one): the page
	// sends on to the account. Even a good new password is refused without one: the refused
	// form's page sends to the account, where a changed password would have gone on to /en.
	'GET /[lang=locale]/account/new-password': { expect: signedIn(redirect('/en/account')) },
	'POST /[lang=locale]/account/new-password ?/default': {
		expect: signedIn(redirect('/en/account')),
		body: { newPassword: 'matrix rows never set this one' }
	},
	// What the instructors of one's classes see: about oneself only.
	'GET /[lang=locale]/account/seen-by-instructors': { expect: signedIn(200) },
	'GET /[lang=locale]/account/contributions': { expect: signedIn(200) },
	'GET /[lang=locale]/account/export': { expect: signedIn(200) },
	'GET /[lang=locale]/account/instructor-request': { expect: signedIn(200) },
	'POST /[lang=locale]/account/instructor-request ?/default': { expect: signedIn(400) },
	'GET /[lang=locale]/account/notifications': { expect: signedIn(200) },
	'POST /[lang=locale]/account/notifications ?/markAllRead': { expect: signedIn(200) },
	'GET /[lang=locale]/account/notifications/appeal': { expect: signedIn(404) },
	// An appeal names the notification it is about; without one there is nothing to appeal.
	'POST /[lang=locale]/account/notifications/appeal ?/default': { expect: signedIn(404) },

	// Administration: admins only; the hook refuses everyone else before the page's code runs.
	'GET /[lang=locale]/admin': { expect: onlyAdmin(200) },
	'GET /[lang=locale]/admin/audit': { expect: onlyAdmin(200) },
	'GET /[lang=locale]/admin/participation': { expect: onlyAdmin(200) },
	'GET /[lang=locale]/admin/participation/fields/[fieldId]': { expect: onlyAdmin(200) },
	'POST /[lang=locale]/admin/participation/fields/[fieldId] ?/default': { expect: onlyAdmin(400) },
	'GET /[lang=locale]/admin/participation/fields/[fieldId]/[textLocale]': { expect: onlyAdmin(200) },
	'POST /[lang=locale]/admin/participation/fields/[fieldId]/[textLocale] ?/default': { expect: onlyAdmin(400) },
	'GET /[lang=locale]/admin/participation/fields/new': { expect: onlyAdmin(200) },
	'POST /[lang=locale]/admin/participation/fields/new ?/default': { expect: onlyAdmin(400) },
	'GET /[lang=locale]/admin/participation/projects/[projectId]': { expect: onlyAdmin(200) },
	'POST /[lang=locale]/admin/participation/projects/[projectId] ?/meta': { expect: onlyAdmin(400) },
	'POST /[lang=locale]/admin/participation/projects/[projectId] ?/addPhase': { expect: onlyAdmin(400) },
	'POST /[lang=locale]/admin/participation/projects/[projectId] ?/updatePhase': { expect: onlyAdmin(400) },
	'POST /[lang=locale]/admin/participation/projects/[projectId] ?/removePhase': { expect: onlyAdmin(400) },
	'POST /[lang=locale]/admin/participation/projects/[projectId] ?/addTimeline': { expect: onlyAdmin(400) },
	'GET /[lang=locale]/admin/participation/projects/[projectId]/[textLocale]': { expect: onlyAdmin(200) },
	'POST /[lang=locale]/admin/participation/projects/[projectId]/[textLocale] ?/texts': { expect: onlyAdmin(400) },
	// An empty result text is valid: it takes the result (in this language) away.
	'POST /[lang=locale]/admin/participation/projects/[projectId]/[textLocale] ?/result': { expect: onlyAdmin(200) },
	'GET /[lang=locale]/admin/participation/projects/[projectId]/timeline/[entryId]/[textLocale]': {
		expect: onlyAdmin(200)
	},
	'POST /[lang=locale]/admin/participation/projects/[projectId]/timeline/[entryId]/[textLocale] ?/default': {
		expect: onlyAdmin(400)
	},
	'GET /[lang=locale]/admin/participation/projects/new': { expect: onlyAdmin(200) },
	'POST /[lang=locale]/admin/participation/projects/new ?/default': { expect: onlyAdmin(400) },
	'GET /[lang=locale]/admin/people': { expect: onlyAdmin(200), query: '?q=a&match=contains' },
	'GET /[lang=locale]/admin/people/[userId]': { expect: onlyAdmin(200) },
	'POST /[lang=locale]/admin/people/[userId] ?/role': { expect: onlyAdmin(400) },
	// Resets the matrix's own subject (nobody signs in as them): the one-time password is shown.
	'POST /[lang=locale]/admin/people/[userId] ?/resetPassword': { expect: onlyAdmin(200) },
	'POST /[lang=locale]/admin/people/[userId] ?/delete': { expect: onlyAdmin(400) },
	'GET /[lang=locale]/admin/people/requests': { expect: onlyAdmin(200) },
	'POST /[lang=locale]/admin/people/requests ?/grant': { expect: onlyAdmin(400) },
	'POST /[lang=locale]/admin/people/requests ?/decline': { expect: onlyAdmin(400) },

	// Classes. The list explains classes to guests and shows the signed-in their own classes only.
	'GET /[lang=locale]/classes': { expect: everyone(200) },
	// Leaving is about oneself: only a member can leave (a class of its own, so nobody else's row changes).
	'POST /[lang=locale]/classes ?/leave': {
		expect: byRole({ ...signedIn(404), learner: redirect('/en/classes') }),
		body: (world) => ({ classId: world.classToLeave.id })
	},
	// Anyone may type a code; a guest with a valid one signs in or makes an account afterwards.
	'GET /[lang=locale]/classes/join': { expect: everyone(200) },
	'POST /[lang=locale]/classes/join ?/join': { expect: everyone(400) },
	// Making an account on the spot is for guests; whoever is signed in joins with the other form.
	'POST /[lang=locale]/classes/join ?/signUp': {
		expect: byRole({ ...everyone(redirect('/en/classes/join')), guest: 400 })
	},
	// Making a class: instructors, and admins (who may teach: they can also be co-instructors).
	'GET /[lang=locale]/classes/new': { expect: only(['instructor', 'otherInstructor', 'admin'], 200) },
	'POST /[lang=locale]/classes/new ?/default': { expect: only(['instructor', 'otherInstructor', 'admin'], 400) },
	// One class: only its instructor (this class's); a class that is not yours is a 404 for everyone else.
	'GET /[lang=locale]/classes/[classId]': { expect: itsInstructor(200) },
	// Archiving, opening again and a new code change the class: each row has a class of its own.
	'POST /[lang=locale]/classes/[classId] ?/archive': {
		expect: itsInstructor(redirect('/en/classes/[classId]')),
		params: (world) => ({ classId: world.classToArchive.id })
	},
	'POST /[lang=locale]/classes/[classId] ?/unarchive': {
		expect: itsInstructor(redirect('/en/classes/[classId]')),
		params: (world) => ({ classId: world.archivedClass.id })
	},
	'POST /[lang=locale]/classes/[classId] ?/regenerate': {
		expect: itsInstructor(redirect('/en/classes/[classId]')),
		params: (world) => ({ classId: world.classToRegenerate.id })
	},
	'POST /[lang=locale]/classes/[classId] ?/addCo': { expect: itsInstructor(400) },
	'POST /[lang=locale]/classes/[classId] ?/removeCo': { expect: itsInstructor(400) },
	'GET /[lang=locale]/classes/[classId]/assignments': { expect: itsInstructor(200) },
	'POST /[lang=locale]/classes/[classId]/assignments ?/add': { expect: itsInstructor(400) },
	'POST /[lang=locale]/classes/[classId]/assignments ?/update': { expect: itsInstructor(400) },
	'POST /[lang=locale]/classes/[classId]/assignments ?/remove': { expect: itsInstructor(400) },
	'GET /[lang=locale]/classes/[classId]/learners': { expect: itsInstructor(200) },
	'POST /[lang=locale]/classes/[classId]/learners ?/create': { expect: itsInstructor(400) },
	// The learner is the matrix's subject (a learner of this class nobody signs in as): a reset
	// signs them out everywhere and answers with their new card. The instructor of the other
	// class asks through the class they do teach: this class's learner is still not theirs.
	'GET /[lang=locale]/classes/[classId]/learners/[learnerId]/reset': {
		expect: itsInstructor(200),
		params: throughOwnClass
	},
	'POST /[lang=locale]/classes/[classId]/learners/[learnerId]/reset ?/default': {
		expect: itsInstructor(200),
		params: throughOwnClass
	},
	'GET /[lang=locale]/classes/[classId]/report': { expect: itsInstructor(200) },
	'GET /[lang=locale]/classes/[classId]/report/[learnerId]': { expect: itsInstructor(200), params: throughOwnClass },
	'GET /[lang=locale]/classes/[classId]/report.csv': { expect: itsInstructor(200) },
	'GET /[lang=locale]/classes/[classId]/settings': { expect: itsInstructor(200) },
	'POST /[lang=locale]/classes/[classId]/settings ?/default': { expect: itsInstructor(400) },

	// Learning is open to everyone; guests' progress lives in a cookie.
	'GET /[lang=locale]/easy': { expect: everyone(200) },
	'GET /[lang=locale]/learn': { expect: everyone(200) },
	'GET /[lang=locale]/learn/[course]': { expect: everyone(200) },
	'GET /[lang=locale]/learn/[course]/[lesson]': { expect: everyone(200) },
	'POST /[lang=locale]/learn/[course]/[lesson] ?/answer': { expect: everyone(400) },
	'POST /[lang=locale]/learn/[course]/[lesson] ?/complete': { expect: everyone(400) },
	// A certificate carries a name: it needs an account.
	// A studio lesson, published to this class: learners of this class and its instructor (its author) see it.
	// For anyone else it does not exist (404), whatever their role.
	'GET /[lang=locale]/learn/studio/[lessonId]': {
		expect: byRole({ ...everyone(404), guest: SIGN_IN, learner: 200, instructor: 200 })
	},
	'POST /[lang=locale]/learn/studio/[lessonId] ?/answer': {
		expect: byRole({ ...everyone(404), guest: SIGN_IN, learner: 400, instructor: 400 })
	},
	'POST /[lang=locale]/learn/studio/[lessonId] ?/complete': {
		expect: byRole({ ...everyone(404), guest: SIGN_IN, learner: 400, instructor: 400 })
	},
	'GET /[lang=locale]/learn/[course]/certificate': { expect: signedIn(200) },
	'POST /[lang=locale]/learn/[course]/certificate ?/default': { expect: signedIn(400) },
	'GET /[lang=locale]/learn/[course]/self-check': { expect: everyone(200), query: '?phase=before' },
	'POST /[lang=locale]/learn/[course]/self-check ?/default': { expect: everyone(400) },
	'GET /[lang=locale]/learn/dashboard': { expect: everyone(200) },

	// Moderation: moderators and admins.
	'GET /[lang=locale]/moderation': { expect: moderators(200) },
	'POST /[lang=locale]/moderation ?/decide': { expect: moderators(400) },
	'POST /[lang=locale]/moderation ?/block': { expect: moderators(400) },
	'POST /[lang=locale]/moderation ?/unblock': { expect: moderators(400) },
	'POST /[lang=locale]/moderation ?/appeal': { expect: moderators(400) },

	// Participation: everyone reads; contributing needs an account.
	'GET /[lang=locale]/participate': { expect: everyone(200) },
	'GET /[lang=locale]/participate/[project]': { expect: everyone(200) },
	// The form names the project it supports (checked against the page's).
	'POST /[lang=locale]/participate/[project] ?/support': { expect: signedIn(200), body: { project: PROJECT_ID } },
	'POST /[lang=locale]/participate/[project] ?/withdraw': { expect: signedIn(200), body: { project: PROJECT_ID } },
	'POST /[lang=locale]/participate/[project] ?/comment': { expect: signedIn(400) },
	'POST /[lang=locale]/participate/[project] ?/editComment': { expect: signedIn(400) },
	'POST /[lang=locale]/participate/[project] ?/deleteComment': { expect: signedIn(400) },
	'GET /[lang=locale]/participate/[project]/results': { expect: everyone(200) },
	'GET /[lang=locale]/participate/moderation': { expect: everyone(200) },
	'GET /[lang=locale]/participate/proposals': { expect: everyone(200) },
	'GET /[lang=locale]/participate/proposals/[id]': { expect: everyone(200) },
	'POST /[lang=locale]/participate/proposals/[id] ?/support': { expect: signedIn(200) },
	'POST /[lang=locale]/participate/proposals/[id] ?/withdraw': { expect: signedIn(200) },
	'POST /[lang=locale]/participate/proposals/[id] ?/comment': { expect: signedIn(400) },
	'POST /[lang=locale]/participate/proposals/[id] ?/editComment': { expect: signedIn(400) },
	'POST /[lang=locale]/participate/proposals/[id] ?/deleteComment': { expect: signedIn(400) },
	// Only the proposal's author (the learner) may edit it.
	'GET /[lang=locale]/participate/proposals/[id]/edit': {
		expect: byRole({ ...signedIn(403), learner: 200 })
	},
	'POST /[lang=locale]/participate/proposals/[id]/edit ?/default': { expect: { ...signedIn(403), learner: 400 } },
	'GET /[lang=locale]/participate/proposals/new': { expect: signedIn(200) },
	'POST /[lang=locale]/participate/proposals/new ?/default': { expect: signedIn(400) },
	// The report form is about a post named in the query; without one there is nothing to report.
	'GET /[lang=locale]/participate/report': { expect: signedIn(404) },
	'POST /[lang=locale]/participate/report ?/default': { expect: signedIn(404) },
	'GET /[lang=locale]/participate/results': { expect: everyone(200) },

	// Pages for everyone; sign-in, sign-up and recovery are for guests.
	'GET /[lang=locale]/privacy': { expect: everyone(200) },
	'GET /[lang=locale]/recover': { expect: guestsOnly(200) },
	'POST /[lang=locale]/recover ?/default': { expect: guestsOnly(400) },
	'GET /[lang=locale]/settings': { expect: everyone(200) },
	'POST /[lang=locale]/settings ?/default': { expect: everyone(400) },
	'GET /[lang=locale]/signin': { expect: guestsOnly(200) },
	'POST /[lang=locale]/signin ?/default': { expect: guestsOnly(400) },
	// Signing out is a POST only; the page itself sends home.
	'GET /[lang=locale]/signout': { expect: everyone(redirect('/en')) },
	'POST /[lang=locale]/signout ?/default': { expect: everyone(redirect('/en/signin')) },
	'GET /[lang=locale]/signup': { expect: guestsOnly(200) },
	'POST /[lang=locale]/signup ?/default': { expect: guestsOnly(400) },
	'GET /[lang=locale]/verify': { expect: everyone(200) },
	'GET /[lang=locale]/verify/[code]': { expect: everyone(200) },
	'GET /[lang=locale]/welcome': { expect: signedIn(200) },

	// The studio's images: instructors and admins upload and delete their own (an empty form
	// reaches validation: 400). Deleting someone else's image is a 403 (tests/e2e/studio-images.spec.ts).
	'GET /[lang=locale]/studio/images': { expect: only(['instructor', 'otherInstructor', 'admin'], 200) },
	'POST /[lang=locale]/studio/images ?/upload': { expect: only(['instructor', 'otherInstructor', 'admin'], 400) },
	'POST /[lang=locale]/studio/images ?/delete': { expect: only(['instructor', 'otherInstructor', 'admin'], 400) },
	// An image of a lesson is for everyone who reads the lesson: its id is its secret.
	'GET /media/studio/[id]': { expect: everyone(200), params: (world) => ({ id: world.image.id }) },
	// The lesson studio: instructors and admins only (the hook's area check: 403 for the others);
	// a lesson is its author's alone, so another instructor or an admin gets 404 for it.
	'GET /[lang=locale]/studio': { expect: only(['instructor', 'otherInstructor', 'admin'], 200) },
	'GET /[lang=locale]/studio/new': { expect: only(['instructor', 'otherInstructor', 'admin'], 200) },
	'POST /[lang=locale]/studio/new ?/default': { expect: only(['instructor', 'otherInstructor', 'admin'], 400) },
	'GET /[lang=locale]/studio/[lessonId]': {
		expect: { ...only(['instructor', 'otherInstructor', 'admin'], 404), instructor: 200 }
	},
	'POST /[lang=locale]/studio/[lessonId] ?/save': {
		expect: { ...only(['instructor', 'otherInstructor', 'admin'], 404), instructor: 400 }
	},
	// No class chosen: refused after the author's check.
	'POST /[lang=locale]/studio/[lessonId] ?/publish': {
		expect: { ...only(['instructor', 'otherInstructor', 'admin'], 404), instructor: 400 }
	},
	'GET /[lang=locale]/studio/[lessonId]/preview': {
		expect: { ...only(['instructor', 'otherInstructor', 'admin'], 404), instructor: 200 }
	},
	'POST /[lang=locale]/studio/[lessonId]/preview ?/answer': {
		expect: { ...only(['instructor', 'otherInstructor', 'admin'], 404), instructor: 400 }
	},

	// Open data: for everyone, without an account.
	'GET /api/open-data/participation.csv': { expect: everyone(200) },
	'GET /api/open-data/participation.json': { expect: everyone(200) }
};

/** The people and things the rows are about, made once per worker in the e2e server's database. */
async function seedMatrix(db: Db) {
	const person = (role: 'learner' | 'instructor' | 'moderator' | 'admin', prefix: string) =>
		makeUser(db, { role, username: uniqueUsername(prefix) });
	const users: Record<SignedInVisitor, { id: string }> = {
		learner: await person('learner', 'matrix-learner'),
		otherLearner: await person('learner', 'matrix-other-learner'),
		instructor: await person('instructor', 'matrix-instructor'),
		otherInstructor: await person('instructor', 'matrix-other-instructor'),
		moderator: await person('moderator', 'matrix-moderator'),
		admin: await person('admin', 'matrix-admin')
	};
	const thisClass = await makeClass(db, { instructorId: users.instructor.id });
	const otherClass = await makeClass(db, { instructorId: users.otherInstructor.id });
	await makeMember(db, thisClass.id, users.learner.id);
	await makeMember(db, otherClass.id, users.otherLearner.id);
	// Whose account the admin rows and the instructor's reset act on: a learner of this class nobody signs in as.
	const subject = await person('learner', 'matrix-subject');
	await makeMember(db, thisClass.id, subject.id);
	// Classes of their own for the rows that change one, each taught by the instructor with the learner in it.
	const ownClass = async () => {
		const made = await makeClass(db, { instructorId: users.instructor.id });
		await makeMember(db, made.id, users.learner.id);
		return made;
	};
	const classToArchive = await ownClass();
	const archivedClass = await ownClass();
	await archiveClass(db, archivedClass.instructorId, archivedClass.id);
	const classToRegenerate = await ownClass();
	const classToLeave = await ownClass();

	// A studio lesson by this class's instructor, without problems, published to this class.
	const studioLesson = await makeStudioLesson(db, users.instructor.id);
	// (No catalogue outside Vite: the lesson links to no lesson, so none needs to be known.)
	const published = await publishLesson(db, studioLesson, [thisClass.id], new Date(), new Set());
	if (!published.ok) throw new Error('the matrix studio lesson could not be published');
	const project = await makeEditedProject(db, { locales: ['de', 'en'] });
	const field = await makeField(db, { locales: ['de', 'en'] });
	const proposal = await makeProposal(db, users.learner.id);
	await makeComment(db, users.learner.id, { projectId: project.id });
	await makeProgress(db, users.learner.id, 'first-steps/keyboard');
	const image = await saveImage(db, users.instructor.id, await tinyImage(), 'Ein blaues Quadrat');
	const code = `LOTSE-${newId().slice(0, 12).toUpperCase()}`;
	await db.orm.insert(db.t.certificates).values({
		id: newId(),
		code,
		userId: subject.id,
		courseId: 'first-steps',
		holderName: null,
		showName: false,
		issuedAt: new Date()
	});
	return {
		users,
		thisClass,
		otherClass,
		subject,
		classToArchive,
		archivedClass,
		classToRegenerate,
		classToLeave,
		project,
		field,
		proposal,
		image,
		code,
		studioLesson
	};
}
type World = Awaited<ReturnType<typeof seedMatrix>>;

/** The value of each route parameter. */
function paramsFor(world: World): Record<string, string> {
	return {
		lang: 'en',
		course: 'first-steps',
		lesson: 'keyboard',
		project: world.project.slug,
		projectId: world.project.id,
		entryId: world.project.entryId,
		fieldId: world.field.id,
		textLocale: 'en',
		id: world.proposal.id,
		code: world.code,
		userId: world.subject.id,
		classId: world.thisClass.id,
		learnerId: world.subject.id,
		lessonId: world.studioLesson.lesson.id
	};
}

function pathOf(route: string, params: Record<string, string>): string {
	return route.replace(/\[(?:\.\.\.)?([\w]+)(?:=\w+)?\]/g, (_, name: string) => {
		const value = params[name];
		if (value === undefined) throw new Error(`${route}: give [${name}] a value in paramsFor`);
		return encodeURIComponent(value);
	});
}

/** Sends one row's request as `visitor`; the answer's status and, for redirects, where to. */
async function send(db: Db, world: World, key: string, row: Row, visitor: Visitor) {
	const [method, route, action] = key.split(' ') as [string, string, string | undefined];
	const headers: Record<string, string> = { accept: 'text/html' };
	if (visitor !== 'guest') {
		const { token } = await makeSession(db, world.users[visitor].id);
		headers.cookie = `${SESSION_COOKIE}=${token}`;
	}
	let url = `${BASE_URL}${pathOf(route, rowParams(world, row, visitor))}`;
	let body: string | undefined;
	if (method === 'POST') {
		if (action !== '?/default') url += action;
		headers.origin = BASE_URL;
		headers['content-type'] = 'application/x-www-form-urlencoded';
		const fields = typeof row.body === 'function' ? row.body(world) : (row.body ?? {});
		body = new URLSearchParams(
			Object.entries(fields).map(([name, value]) => [name, value === PROJECT_ID ? world.project.id : value])
		).toString();
	} else if (row.query) url += row.query;
	const response = await fetch(url, { method, headers, body, redirect: 'manual' });
	await response.arrayBuffer();
	return { status: response.status, location: response.headers.get('location') };
}

const rowParams = (world: World, row: Row, visitor: Visitor) => ({
	...paramsFor(world),
	...row.params?.(world, visitor)
});

function matches(
	outcome: Outcome,
	answer: { status: number; location: string | null },
	params: Record<string, string>
): boolean {
	if (typeof outcome === 'number') return answer.status === outcome;
	if (answer.status !== 303 || !answer.location) return false;
	const target = outcome === SIGN_IN ? '/en/signin' : pathOf(outcome.redirect, params);
	const location = answer.location.replace(BASE_URL, '');
	const [path] = location.split(/[?#]/);
	if (path !== target) return false;
	return outcome !== SIGN_IN || new URL(location, BASE_URL).searchParams.has('next');
}

const describeOutcome = (outcome: Outcome) =>
	typeof outcome === 'number' ? String(outcome) : outcome === SIGN_IN ? '303 to sign-in' : `303 to ${outcome.redirect}`;

const matrix = test.extend<object, { world: World }>({
	world: [async ({ appDb }, use) => use(await seedMatrix(appDb)), { scope: 'worker' }]
});

matrix.describe.configure({ mode: 'parallel' });

matrix('the table lists every page, endpoint and form action in src/routes, and nothing else', () => {
	const routesDir = fileURLToPath(new URL('../../src/routes', import.meta.url));
	const libDir = fileURLToPath(new URL('../../src/lib', import.meta.url));
	const found = routeInventory(routesDir, libDir).map(entryKey);
	const listed = Object.keys(MATRIX);
	expect(
		found.filter((key) => !listed.includes(key)),
		'routes and actions the authorization matrix does not list (add them to MATRIX)'
	).toEqual([]);
	expect(
		listed.filter((key) => !found.includes(key)),
		'rows of the matrix for routes or actions that no longer exist'
	).toEqual([]);
	for (const row of Object.values(MATRIX)) expect(Object.keys(row.expect).sort()).toEqual([...VISITORS].sort());
});

for (const [key, row] of Object.entries(MATRIX)) {
	matrix(key, async ({ appDb, world }) => {
		const answers = await Promise.all(VISITORS.map((visitor) => send(appDb, world, key, row, visitor)));
		if (process.env.MATRIX_PRINT) {
			console.log(
				key,
				VISITORS.map(
					(v, i) => `${v}=${answers[i]!.status}${answers[i]!.location ? `→${answers[i]!.location}` : ''}`
				).join(' ')
			);
		}
		VISITORS.forEach((visitor, i) => {
			const answer = answers[i]!;
			expect
				.soft(
					matches(row.expect[visitor], answer, rowParams(world, row, visitor)),
					`${visitor}: expected ${describeOutcome(row.expect[visitor])}, got ${answer.status}${answer.location ? ` to ${answer.location}` : ''}`
				)
				.toBe(true);
		});
	});
}
