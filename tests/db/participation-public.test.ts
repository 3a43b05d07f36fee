import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDataCsv, participationOpenData } from '../../src/lib/server/participation/open-data.ts';
import {
	listProjects,
	PROJECTS_PER_PAGE,
	projectPage,
	readProjectFilters
} from '../../src/lib/server/participation/projects.ts';
import { projectResults, strategyResults } from '../../src/lib/server/participation/results.ts';
import { addSupport } from '../../src/lib/server/participation/supports.ts';
import { engines, type TestDatabase } from '../helpers/databases.ts';
import { makeUser } from '../helpers/factories.ts';
import { makeComment, makeField, makeProject, makeProposal } from '../helpers/participation-factories.ts';
import { makeCitizens } from '../helpers/participation-public-factories.ts';

const filters = (query: string, locale: 'de' | 'en' = 'de') => readProjectFilters(new URLSearchParams(query), locale);

describe('the start page filters', () => {
	it('ignores values that are not among the choices instead of failing', () => {
		expect(filters('field=<script>&phase=nope&status=1&sort=drop&page=-4')).toEqual({
			field: '',
			phase: '',
			status: '',
			sort: 'newest',
			page: 1,
			easy: false
		});
		expect(filters('page=99999999999').page).toBe(1);
		expect(filters('phase=support&sort=supports&page=2&version=easy')).toMatchObject({
			phase: 'support',
			sort: 'supports',
			page: 2,
			easy: true
		});
		// Easy German is for German readers.
		expect(filters('version=easy', 'en').easy).toBe(false);
	});
});

describe.each(engines)('public participation numbers on $name', (engine) => {
	let test: TestDatabase;
	beforeEach(async () => (test = await engine.open()));
	afterEach(async () => test.drop());

	it('lists projects filtered, sorted and in pages of ten; counts only published comments', async () => {
		const { db } = test;
		const field = await makeField(db);
		const other = await makeField(db);
		const base = Date.now() - 100_000;
		const projects = [];
		for (let i = 0; i < 12; i++) {
			projects.push(
				await makeProject(db, {
					fieldId: i < 11 ? field.id : other.id,
					phase: i % 2 ? 'support' : 'discussion',
					createdAt: new Date(base + i * 1000)
				})
			);
		}
		const author = await makeUser(db);
		const discussed = projects[3]!;
		await makeComment(db, author.id, { projectId: discussed.id });
		await makeComment(db, author.id, { projectId: discussed.id });
		await makeComment(db, author.id, { projectId: discussed.id, state: 'pending' });
		await makeComment(db, author.id, { projectId: discussed.id, state: 'hidden' });
		const supported = projects[5]!;
		for (const citizen of await makeCitizens(db, 3)) {
			await addSupport(db, citizen.id, { kind: 'project', id: supported.id });
		}

		const first = await listProjects(db, 'de', filters(''));
		expect(first).toMatchObject({ total: 12, page: 1, pages: 2 });
		expect(first.projects).toHaveLength(PROJECTS_PER_PAGE);
		expect(first.projects[0]!.slug).toBe(projects[11]!.slug);
		const second = await listProjects(db, 'de', filters('page=2'));
		expect(second.projects.map((p) => p.slug)).toEqual([projects[1]!.slug, projects[0]!.slug]);
		// A page past the end shows the last one.
		expect((await listProjects(db, 'de', filters('page=40'))).page).toBe(2);

		const bySupports = await listProjects(db, 'de', filters('sort=supports'));
		expect(bySupports.projects[0]).toMatchObject({ slug: supported.slug, supports: 3 });
		const byComments = await listProjects(db, 'de', filters('sort=comments'));
		expect(byComments.projects[0]).toMatchObject({ slug: discussed.slug, comments: 2 });

		const inSupport = await listProjects(db, 'de', filters('phase=support'));
		expect(inSupport.total).toBe(6);
		expect(inSupport.projects.every((p) => p.phase.kind === 'support')).toBe(true);
		const inOther = await listProjects(db, 'de', filters(`field=${other.slug}`));
		expect(inOther.projects.map((p) => p.slug)).toEqual([projects[11]!.slug]);
		expect((await listProjects(db, 'de', filters('status=done'))).total).toBe(0);
	});

	it('shows the easy-German title when asked, and German with a fallback mark when a language is missing', async () => {
		const { db } = test;
		const project = await makeProject(db, { locales: ['de', 'easy'] });
		const easy = await listProjects(db, 'de', filters('version=easy'));
		expect(easy.projects[0]!.title).toContain('(easy)');
		const english = await listProjects(db, 'en', filters(''));
		expect(english.projects[0]).toMatchObject({ lang: 'de', fallback: true });
		const page = await projectPage(db, project.slug, 'en');
		expect(page).toMatchObject({ lang: 'de', fallback: true, title: `Projekt ${project.slug} (de)` });
		expect(await projectPage(db, 'no-such-project', 'de')).toBeNull();
	});

	it('shows the result text only once the project is closed', async () => {
		const { db } = test;
		const open = await makeProject(db, { phase: 'support', resultText: 'Ergebnis' });
		const closed = await makeProject(db, { phase: 'closed', resultText: 'Ergebnis' });
		expect((await projectPage(db, open.slug, 'de'))!.result).toBeNull();
		expect((await projectPage(db, closed.slug, 'de'))!.result).toMatchObject({ text: 'Ergebnis', fallback: false });
	});

	it('results count supports, published comments and replies, and proposals per field', async () => {
		const { db } = test;
		const field = await makeField(db);
		const project = await makeProject(db, { fieldId: field.id, phase: 'support' });
		const author = await makeUser(db);
		const thread = await makeComment(db, author.id, { projectId: project.id });
		await makeComment(db, author.id, { projectId: project.id, parentId: thread.id });
		await makeComment(db, author.id, { projectId: project.id, state: 'pending' });
		await makeProposal(db, author.id, { fieldId: field.id });
		await makeProposal(db, author.id, { fieldId: field.id, state: 'hidden' });
		for (const citizen of await makeCitizens(db, 4)) {
			await addSupport(db, citizen.id, { kind: 'project', id: project.id });
		}
		expect(await projectResults(db, project.id)).toEqual({ supports: 4, comments: 1, replies: 1 });
		const strategy = await strategyResults(db, 'de');
		expect(strategy.fields.find((f) => f.slug === field.slug)).toMatchObject({
			projects: 1,
			supports: 4,
			comments: 2,
			proposals: 1
		});
	});

	it('open data: the CSV parses, matches the JSON, and names no person', async () => {
		const { db } = test;
		const field = await makeField(db);
		const project = await makeProject(db, { fieldId: field.id, phase: 'support' });
		const author = await makeUser(db, { username: 'opendata-author-zq' });
		await makeComment(db, author.id, { projectId: project.id });
		await makeProposal(db, author.id, { fieldId: field.id });
		const citizens = await makeCitizens(db, 3, 'opendata-supporter');
		for (const citizen of citizens) await addSupport(db, citizen.id, { kind: 'project', id: project.id });

		const data = await participationOpenData(db);
		expect(data.licence).toBe('CC BY 4.0');
		expect(new Date(data.generatedAt).getTime()).not.toBeNaN();
		const csv = openDataCsv(data);
		const rows = parse(csv, { columns: true }) as Record<string, string>[];
		const projectRows = rows.filter((row) => row.kind === 'project');
		const fieldRows = rows.filter((row) => row.kind === 'field');
		expect(projectRows).toEqual(
			data.projects.map((p) => ({
				kind: 'project',
				slug: p.slug,
				field: p.field,
				status: p.status,
				phase: p.phase,
				projects: '',
				supports: String(p.supports),
				comments: String(p.comments),
				proposals: ''
			}))
		);
		expect(
			fieldRows.map((row) => [
				row.slug,
				Number(row.projects),
				Number(row.supports),
				Number(row.comments),
				Number(row.proposals)
			])
		).toEqual(data.fields.map((f) => [f.slug, f.projects, f.supports, f.comments, f.proposals]));
		expect(data.projects.find((p) => p.slug === project.slug)).toMatchObject({ supports: 3, comments: 1 });
		expect(data.fields.find((f) => f.slug === field.slug)).toMatchObject({ proposals: 1 });

		const json = JSON.stringify(data);
		for (const person of [author, ...citizens]) {
			for (const text of [csv, json]) {
				expect(text).not.toContain(person.id);
				expect(text).not.toContain(person.username);
			}
		}
	});
});
