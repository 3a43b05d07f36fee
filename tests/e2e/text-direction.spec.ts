/**
 * Right-to-left that never scrambles: on every Arabic and Persian page, text in a
 * left-to-right script (a Latin address, code, an English name) that could be reordered —
 * it begins or ends with punctuation or a symbol, whose side the bidi algorithm takes from
 * the surroundings — sits inside an element whose direction is left-to-right (its own
 * `dir`, `<bdi>`, or an isolating `unicode-bidi`). Without that, "www.hamburg.de." comes
 * out as ".www.hamburg.de" in an Arabic sentence. And where a Latin run shares a text with
 * Arabic or Persian letters (a name put into a translated sentence), it is isolated: "تقدم
 * Jan K." shows the full stop at the wrong end, "تقدم \u2068Jan K.\u2069" does not.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import type { Db } from '../../src/lib/server/db/database.ts';
import { decideOnPost } from '../../src/lib/server/moderation/decisions.ts';
import { notify } from '../../src/lib/server/notifications/notify.ts';
import { addSupport } from '../../src/lib/server/participation/supports.ts';
import { eq } from 'drizzle-orm';
import { requestInstructorRole } from '../../src/lib/server/auth/instructor-requests.ts';
import { makeEditedProject } from '../helpers/admin-factories.ts';
import { makeAssignment, makeClass, makeCoInstructor, makeMember } from '../helpers/class-factories.ts';
import { makeUser, uniqueUsername } from '../helpers/factories.ts';
import { makeReportedClass } from '../helpers/report-factories.ts';
import { makeReport } from '../helpers/moderation-factories.ts';
import { makeComment, makeField, makeProject, makeProposal } from '../helpers/participation-factories.ts';
import { expect, test } from './fixtures';
import { open } from './helpers';

const COURSES = fileURLToPath(new URL('../../content/courses', import.meta.url));
const slug = (name: string) => name.replace(/^\d+-/, '');
const lessonDirs = readdirSync(COURSES)
	.filter((course) => statSync(`${COURSES}/${course}`).isDirectory())
	.flatMap((course) =>
		readdirSync(`${COURSES}/${course}`)
			.filter((lesson) => statSync(`${COURSES}/${course}/${lesson}`).isDirectory())
			.map((lesson) => `${COURSES}/${course}/${lesson}`)
	);
const lessonPaths = lessonDirs.map((dir) => {
	const [course, lesson] = dir.split('/').slice(-2);
	return `/learn/${slug(course!)}/${slug(lesson!)}`;
});
const TRANSLATIONS = (locale: string) =>
	fileURLToPath(new URL(`../../src/lib/i18n/translations/${locale}`, import.meta.url));
const courses = [...new Set(lessonPaths.map((path) => path.split('/').slice(0, 3).join('/')))];

const PAGES = [
	'',
	'/learn',
	'/learn?q=e',
	...courses,
	...courses.map((course) => `${course}/self-check?phase=before`),
	...lessonPaths,
	'/learn/dashboard',
	'/signin',
	'/signup',
	'/recover',
	'/settings',
	'/accessibility',
	'/privacy',
	'/verify',
	'/classes'
];

/** Runs in the page: the text runs that are left-to-right, could be reordered, and are not in a left-to-right element. */
function unisolatedLeftToRightText(): string[] {
	const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
	const LATIN = /[A-Za-z\u00C0-\u024F\u0400-\u04FF]/;
	const EDGE_NEUTRAL = /^[^\p{L}\p{N}]|[^\p{L}\p{N}]$/u;
	const found: string[] = [];
	const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
	for (let node = walker.nextNode(); node; node = walker.nextNode()) {
		const text = (node.textContent ?? '').trim();
		if (!text || RTL.test(text) || !LATIN.test(text) || !EDGE_NEUTRAL.test(text)) continue;
		const parent = node.parentElement;
		if (!parent || parent.closest('script, style, noscript, [hidden], [aria-hidden="true"]')) continue;
		if (!parent.checkVisibility()) continue;
		// The nearest element that sets its own direction or isolates its content.
		let isolating: Element | null = parent;
		while (isolating && isolating !== document.documentElement) {
			const style = getComputedStyle(isolating);
			if (
				isolating.hasAttribute('dir') ||
				isolating.tagName === 'BDI' ||
				['isolate', 'plaintext', 'isolate-override'].includes(style.unicodeBidi)
			) {
				break;
			}
			isolating = isolating.parentElement;
		}
		if (!isolating || isolating === document.documentElement || getComputedStyle(isolating).direction !== 'ltr') {
			found.push(
				`<${parent.tagName.toLowerCase()}${parent.hasAttribute('class') ? ` class="${parent.getAttribute('class')}"` : ''}> ${text.slice(0, 60)}`
			);
		}
	}
	return found;
}

/**
 * Runs in the page: Latin (or Cyrillic, Greek) runs that share a text node with Arabic or
 * Persian letters without being isolated (U+2066/U+2067/U+2068 … U+2069, what `isolate()`
 * adds), in the document's title too. "أهلًا Jan K." shows its full stop at the wrong end and
 * "(Ayşe)" loses its brackets to the Arabic sentence: a name put into a translated sentence
 * must be isolated, whatever it ends with, because the next name may end in punctuation.
 *
 * Not failures:
 * - text inside an element that sets its own direction (`dir="ltr"`, `dir="auto"`, `<bdi>`):
 *   that element is the isolated unit — user text in a block, a code, an address; mixed
 *   text a person wrote there is theirs. An element with `dir="rtl"` (a lesson's body, which
 *   carries its language's `lang` and `dir`) only restates the page's direction and is checked.
 * - Latin runs the translators wrote themselves (`translatorRuns`, taken from the locale's
 *   translation files and lessons): "Lotse", "DigComp", "QR", "Ctrl + P", an example address
 *   in a phishing lesson. A translator writes and reads the whole sentence in its direction,
 *   so where its punctuation lands is what they meant; the runs are matched exactly, so a
 *   name inserted next to such a word still makes a different run and fails.
 */
function unisolatedLatinInRightToLeftText(translatorRuns: string[]): string[] {
	const RTL = /[\p{Script=Arabic}\p{Script=Hebrew}]/u;
	const LTR_RUN =
		/[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}](?:[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{N} .,:;@/_+&'’-]*[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{N}])?/gu;
	const allowed = new Set(translatorRuns);
	/** The text outside isolates: what the bidi algorithm mixes with the sentence around it. */
	const outsideIsolates = (text: string) => {
		let depth = 0;
		let outside = '';
		for (const char of text) {
			// A line break is not part of any run: the runs on either side of an isolate stay apart.
			if (char === '\u2066' || char === '\u2067' || char === '\u2068') depth += 1;
			else if (char === '\u2069') depth = Math.max(0, depth - 1);
			outside += depth === 0 && char !== '\u2069' ? char : '\n';
		}
		return outside;
	};
	const unisolatedRuns = (text: string) => {
		const outside = outsideIsolates(text);
		if (!RTL.test(outside)) return [];
		return (outside.match(LTR_RUN) ?? []).filter((run) => !allowed.has(run));
	};
	const found: string[] = [];
	const report = (where: string, text: string, runs: string[]) =>
		found.push(`${where} ${runs.map((run) => `«${run}»`).join(' ')} in: ${text.trim().slice(0, 80)}`);

	const titleRuns = unisolatedRuns(document.title);
	if (titleRuns.length) report('<title>', document.title, titleRuns);

	const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
	for (let node = walker.nextNode(); node; node = walker.nextNode()) {
		const text = node.textContent ?? '';
		const runs = unisolatedRuns(text);
		if (!runs.length) continue;
		const parent = node.parentElement;
		if (!parent || parent.closest('script, style, noscript, [hidden], [aria-hidden="true"]')) continue;
		// An option has no box of its own; it is seen when its list is.
		const seen = parent.closest('option') ? parent.closest('select') : parent;
		if (!seen?.checkVisibility()) continue;
		if (getComputedStyle(parent).direction !== 'rtl') continue;
		const ownDirection = parent.closest('[dir], bdi');
		if (ownDirection && ownDirection !== document.documentElement && ownDirection.getAttribute('dir') !== 'rtl') {
			continue;
		}
		report(`<${parent.tagName.toLowerCase()}>`, text, runs);
	}
	return found;
}

/** Every Latin run the translators wrote into the locale's interface texts and lessons. */
function translatorRunsOf(locale: 'ar' | 'fa'): string[] {
	const LTR_RUN =
		/[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}](?:[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{N} .,:;@/_+&'’-]*[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{N}])?/gu;
	const texts: string[] = [];
	const collect = (value: unknown): void => {
		if (typeof value === 'string') texts.push(value);
		else if (value && typeof value === 'object') Object.values(value).forEach(collect);
	};
	for (const file of readdirSync(TRANSLATIONS(locale))) {
		collect(JSON.parse(readFileSync(`${TRANSLATIONS(locale)}/${file}`, 'utf8')));
	}
	for (const lesson of lessonDirs) {
		const file = `${lesson}/${locale}.svx`;
		if (existsSync(file)) texts.push(readFileSync(file, 'utf8'));
	}
	// A placeholder is where a value goes in, not text: the runs on either side stay apart.
	return [...new Set(texts.flatMap((text) => text.replace(/\{\{[^}]*\}\}/g, '\n').match(LTR_RUN) ?? []))];
}

async function expectIsolatedOn(page: Page, locale: 'ar' | 'fa', paths: readonly string[]) {
	const translatorRuns = translatorRunsOf(locale);
	for (const path of paths) {
		const url = `/${locale}${path}`;
		const response = await page.goto(url);
		expect(response?.status(), url).toBe(200);
		await expect(page.locator('html'), url).toHaveAttribute('dir', 'rtl');
		expect.soft(await page.evaluate(unisolatedLeftToRightText), url).toEqual([]);
		expect.soft(await page.evaluate(unisolatedLatinInRightToLeftText, translatorRuns), url).toEqual([]);
	}
}

/** The data the check is about is on the page: a page that lost it would pass the check with nothing to check. */
async function expectShown(page: Page, locale: string, path: string, texts: readonly string[]) {
	const url = `/${locale}${path}`;
	expect((await page.goto(url))?.status(), url).toBe(200);
	for (const text of texts) await expect(page.getByText(text, { exact: false }).first(), url).toBeAttached();
}

/**
 * What people and admins write is often in Latin script on an Arabic or Persian page: the
 * factories write German texts into every language (an admin who filled in the Arabic
 * fields in German), and every username, title, comment and note here begins or ends with
 * punctuation, so each one is reordered unless it is isolated.
 */
const latinName = (prefix: string) => `${uniqueUsername(prefix)}.`;

async function participationData(db: Db) {
	const author = await makeUser(db, { username: latinName('anna') });
	const moderator = await makeUser(db, { username: latinName('mod'), role: 'moderator' });
	const field = await makeField(db);
	const project = await makeEditedProject(db, { fieldId: field.id });
	const discussed = await makeProject(db, { fieldId: field.id, phase: 'discussion' });
	await addSupport(db, author.id, { kind: 'project', id: project.id });
	const comment = await makeComment(db, author.id, {
		projectId: discussed.id,
		body: 'Mehr dazu: https://example.org/info.\n\n(Zweiter Absatz)'
	});
	await makeComment(db, author.id, { projectId: discussed.id, parentId: comment.id, body: '„Einverstanden!“' });
	const proposal = await makeProposal(db, author.id, {
		fieldId: field.id,
		title: 'Bus & Bahn: mehr Takt!',
		description: 'Siehe https://example.org/plan.',
		problem: '20 Minuten warten…'
	});
	await makeComment(db, author.id, { proposalId: proposal.id, body: 'Gute Idee, aber <b>wann</b>?' });
	await makeReport(db, { kind: 'comment', id: comment.id }, { reason: 'other', details: 'Werbung!' });
	await makeReport(db, { kind: 'proposal', id: proposal.id }, { reason: 'spam', details: '(Spam)' });
	await makeComment(db, author.id, { projectId: discussed.id, state: 'pending', body: 'Wartet noch…' });
	const hidden = await makeComment(db, author.id, { projectId: discussed.id, body: 'Unhöflich!' });
	await decideOnPost(
		db,
		moderator.id,
		{ kind: 'comment', id: hidden.id },
		{ action: 'hide', reason: 'insult', note: 'Ton!' }
	);
	return { author, moderator, field, project, discussed, proposal, comment };
}

async function notificationsFor(db: Db, userId: string, project: { slug: string }, commentId: string) {
	await notify(db, userId, 'project_timeline', { project: project.slug, status: 'piloting' });
	await notify(db, userId, 'project_result', { project: project.slug });
	await notify(db, userId, 'comment_reply', {
		post: 'comment',
		id: commentId,
		path: `/participate/${project.slug}#comment-${commentId}`
	});
}

/** A person with a display name in Latin script that ends in punctuation. */
async function namedUser(db: Db, displayName: string, role: 'learner' | 'instructor' = 'learner') {
	const user = await makeUser(db, { username: latinName(role), role });
	await db.orm.update(db.t.users).set({ displayName }).where(eq(db.t.users.id, user.id));
	return user;
}

/** A class `instructorId` teaches, named in Latin script, with learners, a co-instructor and assignments. */
async function classData(db: Db, instructorId: string) {
	const group = await makeClass(db, { instructorId, name: 'Deutsch B1: Dienstag!' });
	const learners = [await namedUser(db, 'Jan K.'), await namedUser(db, '(Ayşe)')];
	for (const learner of learners) await makeMember(db, group.id, learner.id);
	await makeCoInstructor(db, group.id, (await namedUser(db, 'Frau Schulz!', 'instructor')).id);
	await makeAssignment(db, group.id, 'first-steps', { note: 'Bitte bis Montag!' });
	await makeAssignment(db, group.id, 'safe-online/strong-passwords', {
		dueAt: new Date(Date.now() + 7 * 86_400_000),
		note: '(Nur Teil 1)'
	});
	return { group, learners };
}

for (const locale of ['ar', 'fa'] as const) {
	test(`${locale}: left-to-right text on every page sits in a left-to-right element`, async ({ page }) => {
		test.setTimeout(240_000);
		await expectIsolatedOn(page, locale, PAGES);
	});

	test(`${locale}: what people and admins wrote in Latin script is isolated on the participation pages`, async ({
		page,
		appDb,
		signIn
	}) => {
		test.setTimeout(240_000);
		const data = await participationData(appDb);
		const guestPages = [
			'/participate',
			`/participate?field=${data.field.slug}`,
			`/participate/${data.project.slug}`,
			`/participate/${data.discussed.slug}`,
			'/participate/proposals',
			`/participate/proposals?field=${data.field.slug}`,
			`/participate/proposals/${data.proposal.id}`,
			'/participate/results',
			`/participate/${data.project.slug}/results`,
			'/participate/moderation'
		];
		await expectIsolatedOn(page, locale, guestPages);

		const learner = await signIn({ username: latinName('lea') });
		const own = await makeProposal(appDb, learner.id, { fieldId: data.field.id, title: '(Meine Idee)' });
		await makeComment(appDb, learner.id, { projectId: data.discussed.id, state: 'pending', body: 'Frage?' });
		await addSupport(appDb, learner.id, { kind: 'project', id: data.project.id });
		await notificationsFor(appDb, learner.id, data.discussed, data.comment.id);
		await expectIsolatedOn(page, locale, [
			'/participate/proposals/new',
			`/participate/proposals/${own.id}`,
			`/participate/proposals/${own.id}/edit`,
			`/participate/${data.discussed.slug}`,
			`/participate/report?comment=${data.comment.id}`,
			'/account',
			'/account/notifications',
			'/account/contributions'
		]);
	});

	test(`${locale}: what people and admins wrote in Latin script is isolated on the moderation and admin pages`, async ({
		page,
		appDb,
		signIn
	}) => {
		test.setTimeout(240_000);
		const data = await participationData(appDb);
		await signIn({ username: latinName('moderator'), role: 'moderator' });
		await expectIsolatedOn(page, locale, ['/moderation', '/moderation?tab=pending', '/moderation?tab=appeals']);

		await signIn({ username: latinName('admin'), role: 'admin' });
		await expectIsolatedOn(page, locale, [
			'/admin',
			'/admin/participation',
			`/admin/participation/fields/${data.field.id}`,
			`/admin/participation/fields/${data.field.id}/${locale}`,
			`/admin/participation/projects/${data.project.id}`,
			`/admin/participation/projects/${data.project.id}/${locale}`,
			`/admin/participation/projects/${data.project.id}/timeline/${data.project.entryId}/${locale}`,
			'/admin/audit'
		]);
	});

	test(`${locale}: what instructors and learners wrote in Latin script is isolated on the classes pages`, async ({
		page,
		appDb,
		signIn
	}) => {
		test.setTimeout(300_000);
		const guestClass = await makeClass(appDb, { name: 'Abendkurs: Anfänger!' });
		await expectIsolatedOn(page, locale, ['/classes/join', `/classes/join?code=${guestClass.joinCode}`]);

		const instructor = await signIn({ username: latinName('instructor'), role: 'instructor' });
		const { group, learners } = await classData(appDb, instructor.id);
		const reported = await makeReportedClass(appDb, { instructorId: instructor.id, name: 'Dienstagsgruppe (B1)!' });
		await expectIsolatedOn(page, locale, [
			'/classes',
			'/classes/new',
			`/classes/${group.id}`,
			`/classes/${group.id}?created=1`,
			`/classes/${group.id}/settings`,
			`/classes/${group.id}/assignments`,
			`/classes/${group.id}/learners`,
			`/classes/${group.id}/learners/${learners[0]!.id}/reset`,
			`/classes/${group.id}/report`,
			`/classes/${group.id}/report/${learners[1]!.id}`,
			`/classes/${reported.id}/report`,
			`/classes/${reported.id}/report/${reported.learnerIds[0]}`
		]);
		await expectShown(page, locale, `/classes/${group.id}`, [
			'Deutsch B1: Dienstag!',
			'Jan K.',
			'(Ayşe)',
			'Frau Schulz!'
		]);
		await expectShown(page, locale, `/classes/${group.id}/assignments`, ['Bitte bis Montag!', '(Nur Teil 1)']);
		await expectShown(page, locale, `/classes/${group.id}/learners`, ['Jan K.', '(Ayşe)']);
		await expectShown(page, locale, `/classes/${group.id}/report`, ['Jan K.', '(Ayşe)']);

		const learner = await signIn({ username: latinName('lea') });
		await makeMember(appDb, group.id, learner.id);
		await makeReportedClass(appDb, { instructorId: instructor.id, learnerId: learner.id, name: '(Abendkurs)' });
		await expectIsolatedOn(page, locale, [
			'',
			'/learn/dashboard',
			'/classes',
			`/classes?leave=${group.id}`,
			`/classes/join?code=${guestClass.joinCode}`,
			'/account/seen-by-instructors'
		]);
		await expectShown(page, locale, '/classes', ['Deutsch B1: Dienstag!', '(Abendkurs)']);
		await expectShown(page, locale, '/learn/dashboard', ['Deutsch B1: Dienstag!', 'Bitte bis Montag!']);
		await expectShown(page, locale, '/account/seen-by-instructors', ['Deutsch B1: Dienstag!', '(Abendkurs)']);
	});

	test(`${locale}: what people wrote in Latin script is isolated on the people and request pages`, async ({
		page,
		appDb,
		signIn
	}) => {
		test.setTimeout(240_000);
		const learner = await signIn({ username: latinName('lea') });
		await requestInstructorRole(appDb, learner.id, 'Ich leite den Kurs „Erste Schritte“!');
		await expectIsolatedOn(page, locale, ['/account/instructor-request']);

		const person = await namedUser(appDb, 'Dr. Jan Kowalski (Bücherhalle).');
		await signIn({ username: latinName('admin'), role: 'admin' });
		await expectIsolatedOn(page, locale, [
			'/admin/people',
			`/admin/people?q=${encodeURIComponent(person.username)}&match=contains`,
			`/admin/people/${person.id}`,
			`/admin/people/${learner.id}`,
			'/admin/people/requests'
		]);
		await expectShown(page, locale, '/admin/people/requests', ['Ich leite den Kurs „Erste Schritte“!']);
		await expectShown(page, locale, `/admin/people/${person.id}`, [person.username]);
	});
}

test('the check finds what it looks for: an address with a full stop in an Arabic paragraph', async ({ page }) => {
	await open(page, '/ar/privacy');
	await page.evaluate(() => {
		const p = document.createElement('p');
		p.textContent = 'www.hamburg.de.';
		document.querySelector('main')!.append(p);
		const isolated = document.createElement('p');
		isolated.innerHTML = '<bdi dir="ltr">www.hamburg.de.</bdi>';
		document.querySelector('main')!.append(isolated);
	});
	expect(await page.evaluate(unisolatedLeftToRightText)).toEqual(['<p> www.hamburg.de.']);
});

test('the check finds a Latin chart label laid out right-to-left, and passes it in its own direction', async ({
	page
}) => {
	await open(page, '/ar/privacy');
	await page.evaluate(() => {
		const NS = 'http://www.w3.org/2000/svg';
		const svg = document.createElementNS(NS, 'svg');
		svg.setAttribute('viewBox', '0 0 600 60');
		const labels: { y: string; direction: string | null }[] = [
			{ y: '20', direction: null },
			{ y: '50', direction: 'ltr' }
		];
		for (const { y, direction } of labels) {
			const text = document.createElementNS(NS, 'text');
			text.setAttribute('x', '600');
			text.setAttribute('y', y);
			text.textContent = direction ? 'Bus & Bahn!' : 'Bus & Bahn?';
			if (direction) text.setAttribute('style', `direction: ${direction}; unicode-bidi: isolate`);
			svg.append(text);
		}
		document.querySelector('main')!.append(svg);
	});
	expect(await page.evaluate(unisolatedLeftToRightText)).toEqual(['<text> Bus & Bahn?']);
});

test('the check finds a Latin name put into an Arabic sentence without an isolate, in the text and the title', async ({
	page
}) => {
	await open(page, '/ar/privacy');
	await page.evaluate(() => {
		const paragraph = (html: string, dir?: string) => {
			const p = document.createElement('p');
			p.innerHTML = html;
			if (dir) p.setAttribute('dir', dir);
			document.querySelector('main')!.append(p);
		};
		// Failures: a name in an Arabic sentence, in the page's direction or restated as rtl.
		paragraph('إعادة تعيين كلمة المرور لـ Jan K.');
		paragraph('المتعلمون في (Ayşe)', 'rtl');
		// Isolated: by isolate() (U+2068), by U+2067, by an element with its own direction.
		paragraph('إعادة تعيين كلمة المرور لـ \u2068Jan K.\u2069');
		paragraph('المتعلمون في \u2067(Ayşe)\u2069');
		paragraph('ملاحظة: <bdi>Jan K. قال</bdi>');
		paragraph('Jan K. قال', 'auto');
		paragraph('<span dir="ltr">Jan K. قال</span>');
		// A translator's word, alone and beside an isolated name.
		paragraph('مرحبًا في Lotse.');
		paragraph('مرحبًا في Lotse \u2068Jan K.\u2069');
		document.title = 'تقرير: Jan K. – Lotse';
	});
	expect(await page.evaluate(unisolatedLatinInRightToLeftText, translatorRunsOf('ar'))).toEqual([
		'<title> «Jan K» in: تقرير: Jan K. – Lotse',
		'<p> «Jan K» in: إعادة تعيين كلمة المرور لـ Jan K.',
		'<p> «Ayşe» in: المتعلمون في (Ayşe)'
	]);
});
