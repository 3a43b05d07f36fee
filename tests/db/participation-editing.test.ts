import { and, count, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/database.ts';
import { createField, saveFieldTexts } from '../../src/lib/server/participation/editing/fields.ts';
import { addPhase, removePhase, updatePhase } from '../../src/lib/server/participation/editing/phases.ts';
import {
	createProject,
	saveProjectTexts,
	saveResultText,
	updateProjectMeta
} from '../../src/lib/server/participation/editing/projects.ts';
import { addTimelineEntry } from '../../src/lib/server/participation/editing/timeline.ts';
import { projectEditor } from '../../src/lib/server/participation/editing/overview.ts';
import { parseCityTime } from '../../src/lib/server/participation/editing/local-time.ts';
import { engines, type TestDatabase } from '../helpers/databases.ts';
import { makeUser } from '../helpers/factories.ts';
import { makeComment, makeField, makeProject } from '../helpers/participation-factories.ts';
import { addSupport } from '../../src/lib/server/participation/supports.ts';

const DAY = 24 * 60 * 60 * 1000;
const texts = { title: 'Digitale Bürgerdienste', summary: 'Kurz.', description: 'Lang.\n\nMit https://example.org' };

async function countOf(db: Db, table: Db['t'][keyof Db['t']]) {
	const [row] = await db.orm.select({ n: count() }).from(table);
	return row?.n ?? 0;
}
async function auditActions(db: Db) {
	const rows = await db.orm
		.select({ action: db.t.auditLog.action, details: db.t.auditLog.details })
		.from(db.t.auditLog);
	return rows.map((row) => row.action);
}

describe.each(engines)('admin editing of the strategy on $name', (engine) => {
	let test: TestDatabase;
	let db: Db;
	let adminId: string;
	beforeEach(async () => {
		test = await engine.open();
		db = test.db;
		adminId = (await makeUser(db, { role: 'admin' })).id;
	});
	afterEach(async () => test.drop());

	it('creates a field and a project with German texts, adds translations, each with its audit entry', async () => {
		const field = await createField(db, adminId, {
			slug: 'verwaltung',
			position: 1,
			title: 'Verwaltung',
			summary: 'S'
		});
		expect(field.ok).toBe(true);
		if (!field.ok) return;
		const english = await saveFieldTexts(db, adminId, field.value, 'en', { title: 'Administration', summary: 'S' });
		expect(english.ok).toBe(true);
		const project = await createProject(db, adminId, { slug: 'buergerkonto', fieldId: field.value, ...texts });
		expect(project.ok).toBe(true);
		if (!project.ok) return;
		expect((await saveProjectTexts(db, adminId, project.value, 'en', { ...texts, title: 'Citizen account' })).ok).toBe(
			true
		);
		expect((await saveProjectTexts(db, adminId, project.value, 'easy', { ...texts, title: 'Konto' })).ok).toBe(true);
		const editor = await projectEditor(db, project.value);
		expect(editor?.status.texts.de).toBe('translated');
		expect(editor?.status.texts.en).toBe('translated');
		expect(editor?.status.texts.tr).toBe('missing');
		expect(editor?.texts.find((row) => row.locale === 'easy')?.description).toBe('');
		expect(await auditActions(db)).toEqual(
			expect.arrayContaining(['field.create', 'field.texts.update', 'project.create', 'project.texts.update'])
		);
		const [entry] = await db.orm
			.select({ details: db.t.auditLog.details })
			.from(db.t.auditLog)
			.where(and(eq(db.t.auditLog.action, 'project.texts.update')));
		expect(JSON.parse(entry!.details!)).toMatchObject({ locale: 'en', changed: ['title', 'summary', 'description'] });
	});

	it('refuses a duplicate, reserved or malformed slug and a translation before the German text, writing nothing', async () => {
		const existing = await makeProject(db, { slug: 'schon-da' });
		const auditBefore = await countOf(db, db.t.auditLog);
		const projectsBefore = await countOf(db, db.t.participationProjects);
		const duplicate = await createProject(db, adminId, { slug: 'schon-da', fieldId: existing.fieldId, ...texts });
		expect(duplicate).toEqual({ ok: false, field: 'slug', error: 'admin.errors.slugTaken' });
		const other = await makeProject(db, { fieldId: existing.fieldId });
		const renamed = await updateProjectMeta(db, adminId, other.id, { slug: 'schon-da', fieldId: existing.fieldId });
		expect(renamed).toEqual({ ok: false, field: 'slug', error: 'admin.errors.slugTaken' });
		const wrongField = await createProject(db, adminId, { slug: 'neu', fieldId: 'nosuchfield', ...texts });
		expect(wrongField).toMatchObject({ ok: false, field: 'fieldId' });
		const bare = await makeProject(db, { locales: ['en'] });
		const withoutGerman = await saveProjectTexts(db, adminId, bare.id, 'tr', texts);
		expect(withoutGerman).toEqual({ ok: false, field: 'form', error: 'admin.errors.germanFirst' });
		expect(await countOf(db, db.t.auditLog)).toBe(auditBefore);
		expect(await countOf(db, db.t.participationProjects)).toBe(projectsBefore + 2);
		const [row] = await db.orm
			.select({ slug: db.t.participationProjects.slug })
			.from(db.t.participationProjects)
			.where(eq(db.t.participationProjects.id, other.id));
		expect(row?.slug).toBe(other.slug);
	});

	it('adds, edits and removes phases; refuses start ≥ end and overlaps, writing nothing', async () => {
		const project = await makeProject(db, { phase: 'information' });
		const now = Date.now();
		const first = await addPhase(db, adminId, project.id, {
			kind: 'discussion',
			startsAt: new Date(now),
			endsAt: new Date(now + 10 * DAY)
		});
		expect(first.ok).toBe(true);
		const touching = await addPhase(db, adminId, project.id, {
			kind: 'support',
			startsAt: new Date(now + 10 * DAY),
			endsAt: new Date(now + 20 * DAY)
		});
		expect(touching.ok).toBe(true);
		const stranger = await makeProject(db, { phase: 'support' });
		const before = await countOf(db, db.t.participationPhases);
		const auditBefore = await countOf(db, db.t.auditLog);
		expect(
			await addPhase(db, adminId, project.id, { kind: 'closed', startsAt: new Date(now + 5 * DAY), endsAt: null })
		).toEqual({ ok: false, field: 'startsAt', error: 'admin.errors.phaseOverlap' });
		expect(
			await addPhase(db, adminId, project.id, {
				kind: 'closed',
				startsAt: new Date(now + 30 * DAY),
				endsAt: new Date(now + 30 * DAY)
			})
		).toEqual({ ok: false, field: 'endsAt', error: 'admin.errors.phaseEndBeforeStart' });
		if (!first.ok || !touching.ok) return;
		expect(
			await updatePhase(db, adminId, project.id, touching.value, {
				kind: 'support',
				startsAt: new Date(now + 9 * DAY),
				endsAt: null
			})
		).toMatchObject({ ok: false, error: 'admin.errors.phaseOverlap' });
		// A phase of another project named in the hidden field is not found.
		expect(await removePhase(db, adminId, stranger.id, first.value)).toMatchObject({
			ok: false,
			error: 'admin.errors.notFound'
		});
		expect(await countOf(db, db.t.participationPhases)).toBe(before);
		expect(await countOf(db, db.t.auditLog)).toBe(auditBefore);
		expect(
			(
				await updatePhase(db, adminId, project.id, touching.value, {
					kind: 'support',
					startsAt: new Date(now + 10 * DAY),
					endsAt: null
				})
			).ok
		).toBe(true);
		expect((await removePhase(db, adminId, project.id, first.value)).ok).toBe(true);
		expect(await auditActions(db)).toEqual(expect.arrayContaining(['phase.add', 'phase.update', 'phase.remove']));
	});

	it('a timeline entry sets the status and tells supporters and commenters exactly once each, nobody else', async () => {
		const project = await makeProject(db, { phase: 'support' });
		const [supporter, commenter, both, stranger, hiddenCommenter] = await Promise.all(
			[1, 2, 3, 4, 5].map(() => makeUser(db))
		);
		await addSupport(db, supporter!.id, { kind: 'project', id: project.id });
		await addSupport(db, both!.id, { kind: 'project', id: project.id });
		await makeComment(db, commenter!.id, { projectId: project.id });
		await makeComment(db, commenter!.id, { projectId: project.id });
		await makeComment(db, both!.id, { projectId: project.id });
		await makeComment(db, hiddenCommenter!.id, { projectId: project.id, state: 'hidden' });
		const elsewhere = await makeProject(db);
		await makeComment(db, stranger!.id, { projectId: elsewhere.id });

		const added = await addTimelineEntry(db, adminId, project.id, {
			status: 'in_progress',
			happenedAt: new Date(),
			text: 'Die Arbeit hat begonnen.'
		});
		expect(added.ok).toBe(true);
		const [row] = await db.orm
			.select({ status: db.t.participationProjects.status })
			.from(db.t.participationProjects)
			.where(eq(db.t.participationProjects.id, project.id));
		expect(row?.status).toBe('in_progress');
		const told = await db.orm
			.select({ userId: db.t.notifications.userId, kind: db.t.notifications.kind, params: db.t.notifications.params })
			.from(db.t.notifications);
		expect(told.map((n) => n.userId).sort()).toEqual([supporter!.id, commenter!.id, both!.id].sort());
		expect(told.every((n) => n.kind === 'project_timeline')).toBe(true);
		expect(JSON.parse(told[0]!.params)).toEqual({ project: project.slug, status: 'in_progress' });

		// An entry dated in the past fills in history: the status stays that of the latest.
		await addTimelineEntry(db, adminId, project.id, {
			status: 'piloting',
			happenedAt: new Date(Date.now() - 100 * DAY),
			text: 'Früher.'
		});
		const [after] = await db.orm
			.select({ status: db.t.participationProjects.status })
			.from(db.t.participationProjects)
			.where(eq(db.t.participationProjects.id, project.id));
		expect(after?.status).toBe('in_progress');
		expect(await auditActions(db)).toContain('timeline.add');
	});

	it('publishing or changing the German result tells followers; translations and repeats do not', async () => {
		const project = await makeProject(db, { phase: 'closed' });
		const supporter = await makeUser(db);
		await db.orm.insert(db.t.participationSupports).values({
			id: 'support1',
			userId: supporter.id,
			projectId: project.id,
			proposalId: null,
			createdAt: new Date()
		});
		expect(await saveResultText(db, adminId, project.id, 'en', 'Result')).toEqual({
			ok: false,
			field: 'form',
			error: 'admin.errors.germanFirst'
		});
		expect((await saveResultText(db, adminId, project.id, 'de', 'Ergebnis')).ok).toBe(true);
		expect((await saveResultText(db, adminId, project.id, 'de', 'Ergebnis')).ok).toBe(true);
		expect((await saveResultText(db, adminId, project.id, 'en', 'Result')).ok).toBe(true);
		expect((await saveResultText(db, adminId, project.id, 'de', 'Ergebnis, ergänzt')).ok).toBe(true);
		const told = await db.orm.select().from(db.t.notifications).where(eq(db.t.notifications.userId, supporter.id));
		expect(told.map((n) => n.kind)).toEqual(['project_result', 'project_result']);
		expect(await auditActions(db)).toEqual(expect.arrayContaining(['result.publish', 'result.update']));
	});

	it('editing seeded example content makes it the city’s own', async () => {
		const field = await makeField(db);
		await db.orm
			.update(db.t.participationFields)
			.set({ isExample: true })
			.where(eq(db.t.participationFields.id, field.id));
		const project = await makeProject(db, { fieldId: field.id });
		await db.orm
			.update(db.t.participationProjects)
			.set({ isExample: true })
			.where(eq(db.t.participationProjects.id, project.id));
		await saveFieldTexts(db, adminId, field.id, 'de', { title: 'Neu', summary: 'Neu' });
		await saveProjectTexts(db, adminId, project.id, 'de', texts);
		const [f] = await db.orm.select().from(db.t.participationFields).where(eq(db.t.participationFields.id, field.id));
		const [p] = await db.orm
			.select()
			.from(db.t.participationProjects)
			.where(eq(db.t.participationProjects.id, project.id));
		expect(f?.isExample).toBe(false);
		expect(p?.isExample).toBe(false);
	});
});

describe('dates typed in the city’s time', () => {
	it('reads winter and summer times in Berlin and refuses dates that do not exist', () => {
		expect(parseCityTime('2026-01-15T09:00')?.toISOString()).toBe('2026-01-15T08:00:00.000Z');
		expect(parseCityTime('2026-07-15T09:00')?.toISOString()).toBe('2026-07-15T07:00:00.000Z');
		expect(parseCityTime('2026-07-15')?.toISOString()).toBe('2026-07-14T22:00:00.000Z');
		expect(parseCityTime('2026-02-30')).toBeNull();
		expect(parseCityTime('yesterday')).toBeNull();
	});
});
