import type { APIRequestContext, APIResponse, Page, PlaywrightWorkerArgs } from '@playwright/test';
import { and, count, eq, inArray } from 'drizzle-orm';
import de from '../../src/lib/i18n/translations/de/admin.json' with { type: 'json' };
import deShell from '../../src/lib/i18n/translations/de/shell.json' with { type: 'json' };
import en from '../../src/lib/i18n/translations/en/admin.json' with { type: 'json' };
import enShell from '../../src/lib/i18n/translations/en/shell.json' with { type: 'json' };
import { SESSION_COOKIE } from '../../src/lib/server/auth/session.ts';
import type { Db } from '../../src/lib/server/db/database.ts';
import { makeContributions, makeEditedProject } from '../helpers/admin-factories.ts';
import { makeSession, makeUser } from '../helpers/factories.ts';
import { makeField } from '../helpers/participation-factories.ts';
import { expect, test } from './fixtures';
import { BASE_URL } from './helpers';

type Playwright = PlaywrightWorkerArgs['playwright'];
type Who = 'guest' | 'learner' | 'moderator' | 'admin';
const html = { origin: BASE_URL, accept: 'text/html' };
let counter = 0;
const uniqueSlug = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++counter}`;

/** An HTTP client signed in as a new person with `who`'s role (or no one). */
async function client(playwright: Playwright, db: Db, who: Who): Promise<APIRequestContext> {
	if (who === 'guest') return playwright.request.newContext({ baseURL: BASE_URL });
	const user = await makeUser(db, { role: who });
	const { token } = await makeSession(db, user.id);
	const cookie = { name: SESSION_COOKIE, value: token, domain: 'localhost', path: '/', expires: -1 };
	return playwright.request.newContext({
		baseURL: BASE_URL,
		storageState: { cookies: [{ ...cookie, httpOnly: true, secure: false, sameSite: 'Lax' }], origins: [] }
	});
}

const post = (request: APIRequestContext, path: string, form: Record<string, string>) =>
	request.post(path, { headers: html, form, maxRedirects: 0 });

/** What the editor's data looks like, to prove that a refused request changed nothing. */
async function snapshot(db: Db, fieldId: string, projectId: string) {
	const t = db.t;
	const [audit] = await db.orm
		.select({ n: count() })
		.from(t.auditLog)
		.where(inArray(t.auditLog.subjectId, [fieldId, projectId]));
	const project = await db.orm.select().from(t.participationProjects).where(eq(t.participationProjects.id, projectId));
	// What a refused "create" would have made (see actions()).
	const created = await db.orm
		.select({ id: t.participationProjects.id })
		.from(t.participationProjects)
		.where(eq(t.participationProjects.slug, `${project[0]?.slug ?? ''}-new`));
	const createdFields = await db.orm
		.select({ id: t.participationFields.id })
		.from(t.participationFields)
		.where(eq(t.participationFields.slug, `${project[0]?.slug ?? ''}-new`));
	const texts = await db.orm
		.select()
		.from(t.participationProjectTexts)
		.where(eq(t.participationProjectTexts.projectId, projectId));
	const phases = await db.orm
		.select()
		.from(t.participationPhases)
		.where(eq(t.participationPhases.projectId, projectId));
	const entries = await db.orm
		.select()
		.from(t.participationTimelineEntries)
		.where(eq(t.participationTimelineEntries.projectId, projectId));
	const fieldTexts = await db.orm
		.select()
		.from(t.participationFieldTexts)
		.where(eq(t.participationFieldTexts.fieldId, fieldId));
	return { audit: audit?.n, project, texts, phases, entries, fieldTexts, created, createdFields };
}

async function editorData(db: Db) {
	const field = await makeField(db);
	const project = await makeEditedProject(db, { fieldId: field.id });
	const [phase] = await db.orm
		.select({ id: db.t.participationPhases.id })
		.from(db.t.participationPhases)
		.where(eq(db.t.participationPhases.projectId, project.id));
	return { field, project, phaseId: phase!.id };
}

function pages(d: Awaited<ReturnType<typeof editorData>>) {
	const p = `/de/admin/participation/projects/${d.project.id}`;
	const f = `/de/admin/participation/fields/${d.field.id}`;
	return [
		'/de/admin',
		'/de/admin/participation',
		'/de/admin/participation/fields/new',
		f,
		`${f}/en`,
		'/de/admin/participation/projects/new',
		p,
		`${p}/en`,
		`${p}/easy`,
		`${p}/timeline/${d.project.entryId}/en`
	];
}

/** Every admin action with input an admin would send successfully; what it creates is named "<project slug>-new". */
function actions(d: Awaited<ReturnType<typeof editorData>>) {
	const p = `/de/admin/participation/projects/${d.project.id}`;
	const f = `/de/admin/participation/fields/${d.field.id}`;
	const later = new Date(Date.now() + 400 * 24 * 3600 * 1000).toISOString().slice(0, 10);
	return [
		{
			path: '/de/admin/participation/fields/new',
			form: () => ({ slug: `${d.project.slug}-new`, position: '3', title: 'Feld', summary: 'Worum es geht.' })
		},
		{ path: f, form: () => ({ slug: d.field.slug, position: '4' }) },
		{ path: `${f}/en`, form: () => ({ title: 'Field', summary: 'What it is about.' }) },
		{
			path: '/de/admin/participation/projects/new',
			form: () => ({
				slug: `${d.project.slug}-new`,
				fieldId: d.field.id,
				title: 'Projekt',
				summary: 'Kurz.',
				description: 'Lang.'
			})
		},
		{ path: `${p}?/meta`, form: () => ({ slug: d.project.slug, fieldId: d.field.id }) },
		{ path: `${p}?/addPhase`, form: () => ({ kind: 'closed', startsAt: `${later}T10:00`, endsAt: '' }) },
		{
			path: `${p}?/updatePhase`,
			form: () => ({
				phaseId: d.phaseId,
				kind: 'information',
				startsAt: '2020-01-01T10:00',
				endsAt: '2020-02-01T10:00'
			})
		},
		{ path: `${p}?/addTimeline`, form: () => ({ status: 'piloting', happenedAt: later, text: 'Test läuft.' }) },
		{ path: `${p}/en?/texts`, form: () => ({ title: 'Project', summary: 'Short.', description: 'Long.' }) },
		{ path: `${p}/de?/result`, form: () => ({ resultText: 'Ergebnis.' }) },
		{ path: `${p}/timeline/${d.project.entryId}/en`, form: () => ({ text: 'Work has started.' }) },
		// Last: it removes the phase the others edit.
		{ path: `${p}?/removePhase`, form: () => ({ phaseId: d.phaseId }) }
	];
}

test.describe('authorization of the admin pages and actions', () => {
	for (const who of ['guest', 'learner', 'moderator'] as const) {
		test(`${who}: every page and action is refused and nothing is written`, async ({ playwright, appDb }) => {
			const d = await editorData(appDb);
			const request = await client(playwright, appDb, who);
			const before = await snapshot(appDb, d.field.id, d.project.id);
			const expectRefused = (response: APIResponse, what: string) => {
				if (who === 'guest') {
					expect(response.status(), what).toBe(303);
					expect(response.headers().location, what).toMatch(/^\/de\/signin\?next=/);
				} else {
					expect(response.status(), what).toBe(403);
				}
			};
			for (const path of pages(d)) expectRefused(await request.get(path, { maxRedirects: 0 }), `GET ${path}`);
			for (const action of actions(d)) {
				expectRefused(await post(request, action.path, action.form()), `POST ${action.path}`);
			}
			expect(await snapshot(appDb, d.field.id, d.project.id)).toEqual(before);
			await request.dispose();
		});
	}

	test('admin: every page loads and every action succeeds, each with its audit entry', async ({
		playwright,
		appDb
	}) => {
		const d = await editorData(appDb);
		const request = await client(playwright, appDb, 'admin');
		for (const path of pages(d)) {
			expect((await request.get(path, { maxRedirects: 0 })).status(), `GET ${path}`).toBe(200);
		}
		for (const action of actions(d)) {
			const response = await post(request, action.path, action.form());
			expect([200, 303], `POST ${action.path}: ${response.status()}`).toContain(response.status());
		}
		const entries = await appDb.orm
			.select({ action: appDb.t.auditLog.action })
			.from(appDb.t.auditLog)
			.where(inArray(appDb.t.auditLog.subjectId, [d.field.id, d.project.id]));
		expect(entries.map((e) => e.action).sort()).toEqual(
			[
				'field.update',
				'field.texts.update',
				'project.update',
				'phase.add',
				'phase.update',
				'phase.remove',
				'timeline.add',
				'project.texts.update',
				'result.publish',
				'timeline.texts.update'
			].sort()
		);
		await request.dispose();
	});

	test('the contributions page needs a signed-in person and shows only their own', async ({ playwright, appDb }) => {
		const guest = await client(playwright, appDb, 'guest');
		const answer = await guest.get('/de/account/contributions', { maxRedirects: 0 });
		expect(answer.status()).toBe(303);
		expect(answer.headers().location).toMatch(/^\/de\/signin\?next=/);
		const someoneElse = await makeUser(appDb);
		const theirs = await makeContributions(appDb, someoneElse.id);
		const learner = await client(playwright, appDb, 'learner');
		const mine = await learner.get('/de/account/contributions');
		expect(mine.status()).toBe(200);
		const body = await mine.text();
		expect(body).toContain(de.contributions.noSupports);
		expect(body).not.toContain(theirs.project.slug);
		expect(body).not.toContain(theirs.proposal.id);
		await guest.dispose();
		await learner.dispose();
	});
});

const HOSTILE = {
	script: '<script>alert("pwned")</script><img src=x onerror=alert(1)>',
	javascriptLink: 'javascript:alert(1) und https://example.org/ok',
	rtl: 'Rechnung\u202Efdp.exe',
	zeroWidth: 'Null\u200Bbreite\u200DZeichen',
	nul: 'abc\u0000def'
} as const;

/** Renders the server's HTML answer with JavaScript off and checks no element came from the payload. */
async function expectNoMarkup(page: Page, body: string, what: string) {
	await page.setContent(body);
	await expect(page.locator('script', { hasText: 'pwned' }), what).toHaveCount(0);
	await expect(page.locator('img[onerror]'), what).toHaveCount(0);
	await expect(page.locator('a[href^="javascript:"]'), what).toHaveCount(0);
}

test.describe('hostile input to the admin forms', () => {
	test.use({ javaScriptEnabled: false });

	test('text fields keep markup, links and zero-width characters as plain text; refuse direction overrides and NUL', async ({
		playwright,
		appDb,
		page
	}) => {
		const d = await editorData(appDb);
		const admin = await client(playwright, appDb, 'admin');
		const p = `/de/admin/participation/projects/${d.project.id}`;
		const texts = appDb.t.participationProjectTexts;
		for (const [kind, payload] of Object.entries(HOSTILE)) {
			const sent = await post(admin, `${p}/en?/texts`, { title: payload, summary: payload, description: payload });
			const body = await sent.text();
			await expectNoMarkup(page, body, kind);
			const [row] = await appDb.orm
				.select()
				.from(texts)
				.where(and(eq(texts.projectId, d.project.id), eq(texts.locale, 'en')));
			if (kind === 'rtl' || kind === 'nul') {
				expect(sent.status(), kind).toBe(400);
				const key = kind === 'rtl' ? 'bidiControl' : 'controlCharacters';
				await expect(page.locator('#field-title-error'), kind).toHaveText(deShell.errors[key]);
				expect(row?.title, `${kind}: not stored`).not.toBe(payload);
			} else {
				expect(sent.status(), kind).toBe(200);
				expect(row?.title, `${kind}: stored as typed`).toBe(payload);
				// The editor shows it back as text.
				const shown = await admin.get(p);
				await expectNoMarkup(page, await shown.text(), `${kind} on the editor`);
				await page.setContent(await (await admin.get(`${p}/en`)).text());
				await expect(page.locator('#field-title')).toHaveValue(payload);
			}
		}
		// Timeline entries: the same rules, through the other form.
		const timeline = await post(admin, `${p}?/addTimeline`, {
			status: 'done',
			happenedAt: '2026-05-01',
			text: HOSTILE.script
		});
		expect(timeline.status()).toBe(200);
		await page.setContent(await (await admin.get(p)).text());
		await expect(page.locator('.admin-timeline__text', { hasText: 'pwned' })).toHaveText(HOSTILE.script);
		await expect(page.locator('script', { hasText: 'pwned' })).toHaveCount(0);
		await admin.dispose();
	});

	test('slugs, ids in hidden fields, dates and lists refuse what is not theirs with a localized 4xx', async ({
		playwright,
		appDb,
		page
	}) => {
		const d = await editorData(appDb);
		const admin = await client(playwright, appDb, 'admin');
		const p = `/en/admin/participation/projects/${d.project.id}`;
		const before = await snapshot(appDb, d.field.id, d.project.id);
		const cases: { path: string; form: Record<string, string>; status: number; field: string; message: string }[] = [
			{
				path: '/en/admin/participation/projects/new',
				form: { slug: HOSTILE.script, fieldId: d.field.id, title: 'T', summary: 'S', description: 'D' },
				status: 400,
				field: 'slug',
				message: en.admin.errors.slugFormat
			},
			{
				path: '/en/admin/participation/projects/new',
				form: { slug: 'results', fieldId: d.field.id, title: 'T', summary: 'S', description: 'D' },
				status: 400,
				field: 'slug',
				message: en.admin.errors.slugReserved
			},
			{
				path: '/en/admin/participation/projects/new',
				form: { slug: d.project.slug, fieldId: d.field.id, title: 'T', summary: 'S', description: 'D' },
				status: 400,
				field: 'slug',
				message: en.admin.errors.slugTaken
			},
			{
				path: '/en/admin/participation/projects/new',
				form: { slug: uniqueSlug('x'), fieldId: 'nosuchfield', title: 'T', summary: 'S', description: 'D' },
				status: 400,
				field: 'fieldId',
				message: en.admin.errors.fieldMissing
			},
			{
				path: '/en/admin/participation/projects/new',
				form: { slug: `zw\u200Bslug`, fieldId: d.field.id, title: 'T', summary: 'S', description: 'D' },
				status: 400,
				field: 'slug',
				message: en.admin.errors.slugFormat
			},
			{
				path: `${p}?/addPhase`,
				form: { kind: 'support', startsAt: '2030-01-02T10:00', endsAt: '2030-01-01T10:00' },
				status: 400,
				field: 'endsAt',
				message: en.admin.errors.phaseEndBeforeStart
			},
			{
				path: `${p}?/addPhase`,
				form: { kind: 'support', startsAt: 'javascript:alert(1)', endsAt: '' },
				status: 400,
				field: 'startsAt',
				message: en.admin.errors.date
			},
			{
				path: `${p}?/addPhase`,
				form: { kind: '<script>', startsAt: '', endsAt: '' },
				status: 400,
				field: 'kind',
				message: en.admin.errors.phaseKind
			},
			{
				path: `${p}?/addTimeline`,
				form: { status: 'cancelled', happenedAt: '2026-01-01', text: 'x' },
				status: 400,
				field: 'status',
				message: en.admin.errors.status
			}
		];
		for (const c of cases) {
			const response = await post(admin, c.path, c.form);
			const what = `${c.path} ${JSON.stringify(c.form)}`;
			expect(response.status(), what).toBe(c.status);
			const body = await response.text();
			await expectNoMarkup(page, body, what);
			await expect(page.locator(`#field-${c.field}-error`), what).toHaveText(c.message);
		}
		// Wrong ids in hidden fields: another project's phase, a made-up one, one sent twice.
		const stranger = await makeEditedProject(appDb);
		const [strangerPhase] = await appDb.orm
			.select({ id: appDb.t.participationPhases.id })
			.from(appDb.t.participationPhases)
			.where(eq(appDb.t.participationPhases.projectId, stranger.id));
		for (const phaseId of [strangerPhase!.id, 'nosuchphase', '../../etc/passwd']) {
			const response = await post(admin, `${p}?/removePhase`, { phaseId });
			expect([400, 404], phaseId).toContain(response.status());
			await page.setContent(await response.text());
			await expect(page.locator('.error-summary'), phaseId).toContainText(en.admin.errors.notFound);
		}
		const twice = await admin.post(`${p}?/removePhase`, {
			headers: { ...html, 'content-type': 'application/x-www-form-urlencoded' },
			data: `phaseId=${d.phaseId}&phaseId=${strangerPhase!.id}`,
			maxRedirects: 0
		});
		expect(twice.status()).toBe(400);
		// A text language that does not exist is a page that does not exist.
		expect((await post(admin, `/en/admin/participation/projects/${d.project.id}/xx?/texts`, {})).status()).toBe(404);
		expect((await post(admin, `/en/admin/participation/projects/${d.project.id}/easy?/result`, {})).status()).toBe(404);
		expect(await snapshot(appDb, d.field.id, d.project.id)).toEqual(before);
		await admin.dispose();
	});

	test('invalid UTF-8, NUL in hidden fields and a 10 MB body get a 4xx, never a 5xx, and write nothing', async ({
		playwright,
		appDb,
		page
	}) => {
		const d = await editorData(appDb);
		const admin = await client(playwright, appDb, 'admin');
		const p = `/en/admin/participation/projects/${d.project.id}`;
		const before = await snapshot(appDb, d.field.id, d.project.id);
		const raw = (path: string, data: Buffer | string, type = 'application/x-www-form-urlencoded') =>
			admin.post(path, { headers: { ...html, 'content-type': type }, data, maxRedirects: 0 });
		const invalid = await raw(`${p}/en?/texts`, Buffer.from('title=%FF%FE&summary=ok&description=%C3%28'));
		expect(invalid.status()).toBe(400);
		await page.setContent(await invalid.text());
		await expect(page.locator('#field-title-error')).toHaveText(enShell.errors.invalidEncoding);
		const nul = await raw(`${p}?/removePhase`, `phaseId=${d.phaseId}%00`);
		expect(nul.status()).toBe(400);
		const huge = await raw(`${p}/en?/texts`, `title=x&summary=x&description=${'x'.repeat(10 * 1024 * 1024)}`);
		expect(huge.status()).toBeGreaterThanOrEqual(400);
		expect(huge.status()).toBeLessThan(500);
		const notForm = await raw(
			`${p}?/addPhase`,
			Buffer.from([0xff, 0xfe, 0x00, 0x25]),
			'multipart/form-data; boundary=x'
		);
		expect(notForm.status()).toBe(400);
		expect(await snapshot(appDb, d.field.id, d.project.id)).toEqual(before);
		await admin.dispose();
	});
});

test.describe('an admin in the browser', () => {
	test('creates a project with a German text only, sees English missing, adds it by keyboard, sees it translated', async ({
		page,
		appDb,
		signIn
	}) => {
		await signIn({ role: 'admin' });
		const field = await makeField(appDb);
		const slug = uniqueSlug('neu');
		// Admin pages hydrate: wait until the page's script has run before typing into it.
		await page.goto(`/de/admin/participation/projects/new?field=${field.id}`, { waitUntil: 'networkidle' });
		await page.getByLabel(de.admin.slug).fill(slug);
		await page.getByLabel(de.admin.texts.titleDe).fill('Offene Sprechstunde digital');
		await page.getByLabel(de.admin.texts.summaryDe).fill('Kurz gesagt.');
		await page
			.getByLabel(de.admin.texts.descriptionDe)
			.fill('Erster Absatz.\n\nZweiter Absatz mit https://example.org');
		await page.getByRole('button', { name: de.admin.project.create }).click();
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Offene Sprechstunde digital');
		const table = page.getByRole('table', { name: de.admin.project.textsCaption });
		const row = (language: string) =>
			table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: language }) });
		await expect(row('Deutsch').locator('[data-state]')).toHaveText(de.admin.texts.translated);
		await expect(row('English').locator('[data-state]')).toHaveText(de.admin.texts.missing);

		// Keyboard only from here: focus the link to write English, follow it, fill the form, send it.
		const link = row('English').getByRole('link');
		await link.focus();
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/\/en$/);
		await expect(page.locator('.german-reference__text').first()).toHaveText('Offene Sprechstunde digital');
		await page.getByLabel(de.admin.texts.title, { exact: true }).focus();
		await page.keyboard.type('Open consultation, digital');
		await page.keyboard.press('Tab');
		await page.keyboard.type('In short.');
		await page.keyboard.press('Tab');
		await page.keyboard.type('First paragraph.');
		await page.keyboard.press('Tab');
		await expect(page.getByRole('button', { name: de.admin.save }).first()).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(page.getByRole('status').first()).toHaveText(de.admin.saved);

		await page.getByRole('link', { name: de.admin.backToProject }).click();
		await expect(row('English').locator('[data-state]')).toHaveText(de.admin.texts.translated);
		await expect(row('Türkçe').locator('[data-state]')).toHaveText(de.admin.texts.missing);
		const [project] = await appDb.orm
			.select()
			.from(appDb.t.participationProjects)
			.where(eq(appDb.t.participationProjects.slug, slug));
		const audit = await appDb.orm
			.select({ action: appDb.t.auditLog.action })
			.from(appDb.t.auditLog)
			.where(eq(appDb.t.auditLog.subjectId, project!.id));
		expect(audit.map((a) => a.action).sort()).toEqual(['project.create', 'project.texts.update']);
	});
});
