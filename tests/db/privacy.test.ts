/**
 * "Download my data" and "delete my account" cover every table that refers to a person,
 * whichever domain owns it. A new table with a user column fails here until its domain's
 * privacy part names it (and this test seeds a row of it).
 */
import { count, eq, getTableColumns, is, Table, type Column } from 'drizzle-orm';
import { getTableConfig as pgTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/database.ts';
import { newId } from '../../src/lib/server/db/ids.ts';
import { learningPrivacy } from '../../src/lib/server/learning/privacy.ts';
import { erasePerson, exportPersonalData, PRIVACY_PARTS, type TableName } from '../../src/lib/server/privacy/index.ts';
import { exportSection } from '../../src/lib/server/privacy/registry.ts';
import { personLimitKey } from '../../src/lib/server/security/rate-limit.ts';
import { engines, type TestDatabase } from '../helpers/databases.ts';
import { makeUser } from '../helpers/factories.ts';

const PERSON_COLUMN_NAME = /^(user_id|.+_user_id|author_id)$/;

/** Every table in db.t with the columns (by property key) that point at a person. */
function personColumns(db: Db): Map<TableName, Column[]> {
	const found = new Map<TableName, Column[]>();
	for (const [name, table] of Object.entries(db.t) as [TableName, Table][]) {
		if (!is(table, Table)) continue;
		const foreignKeys: { reference(): { columns: Column[]; foreignTable: unknown } }[] =
			db.dialect === 'sqlite'
				? sqliteTableConfig(table as unknown as SQLiteTable).foreignKeys
				: pgTableConfig(table as PgTable).foreignKeys;
		const byForeignKey = foreignKeys.flatMap((fk) => {
			const reference = fk.reference();
			return reference.foreignTable === (db.t.users as unknown) ? reference.columns : [];
		});
		const byName = Object.values(getTableColumns(table)).filter((column) => PERSON_COLUMN_NAME.test(column.name));
		const columns = [...new Set<Column>([...byForeignKey, ...byName] as Column[])];
		if (name === 'users') columns.push(getTableColumns(table).id as Column);
		if (columns.length) found.set(name, columns);
	}
	return found;
}

const coveredTables = () =>
	new Map(PRIVACY_PARTS.flatMap((part) => Object.entries(part.tables).map(([t, how]) => [t, how])));

async function rowsOf(db: Db, table: TableName, column: Column, userId: string): Promise<number> {
	const [row] = await db.orm
		.select({ n: count() })
		.from(db.t[table] as unknown as PgTable)
		.where(eq(column, userId));
	return Number(row?.n ?? 0);
}

/** One row in every table that refers to a person (inserted directly: what matters is the row). */
async function seedPerson(db: Db, userId: string) {
	const now = new Date();
	const t = db.t;
	await db.orm.insert(t.sessions).values({ id: newId(), userId, secretHash: 'x', createdAt: now, expiresAt: now });
	await db.orm.insert(t.recoveryCodes).values({ userId, codeHash: 'x', createdAt: now });
	// A request to become an instructor, decided by the person themselves as if they were the admin.
	await db.orm.insert(t.instructorRequests).values({
		id: newId(),
		userId,
		note: 'Ich leite einen Kurs in der Bücherhalle',
		status: 'declined',
		createdAt: now,
		decidedAt: now,
		decidedByUserId: userId
	});
	await db.orm
		.insert(t.lessonProgress)
		.values({ userId, lessonKey: 'a/b', status: 'completed', startedAt: now, completedAt: now, updatedAt: now });
	await db.orm.insert(t.quizAttempts).values([
		{ id: newId(), userId, lessonKey: 'a/b', quizId: 'q1', score: 50, createdAt: now },
		{ id: newId(), userId, lessonKey: 'a/b', quizId: 'q1', score: 100, createdAt: now }
	]);
	await db.orm.insert(t.selfChecks).values({
		userId,
		courseId: 'a',
		phase: 'before',
		statementId: 's1',
		competence: '1.1',
		rating: 2,
		updatedAt: now
	});
	await db.orm.insert(t.certificates).values({
		id: newId(),
		code: `LOTSE-${newId().slice(0, 12)}`,
		userId,
		courseId: 'a',
		holderName: 'Mira',
		showName: true,
		issuedAt: now
	});
	await db.orm.insert(t.accessibilityFeedback).values({
		id: newId(),
		userId,
		page: '/de',
		message: 'zu klein',
		contact: 'mira@example.org',
		locale: 'de',
		createdAt: now
	});
	// Participation, moderation, notifications and the audit log: a post of each kind, a
	// support, a report, a decision the person made as moderator, their appeal, a block.
	const fieldId = newId();
	const projectId = newId();
	await db.orm
		.insert(t.participationFields)
		.values({ id: fieldId, slug: `f-${fieldId}`, position: 0, isExample: false, createdAt: now, updatedAt: now });
	await db.orm.insert(t.participationProjects).values({
		id: projectId,
		slug: `p-${projectId}`,
		fieldId,
		status: 'announced',
		isExample: false,
		createdAt: now,
		updatedAt: now
	});
	const proposalId = newId();
	await db.orm.insert(t.participationProposals).values({
		id: proposalId,
		fieldId,
		authorId: userId,
		locale: 'de',
		title: 'Bänke mit WLAN',
		description: 'Am Hafen',
		problem: null,
		state: 'published',
		createdAt: now,
		editedAt: null
	});
	const commentId = newId();
	await db.orm.insert(t.participationComments).values({
		id: commentId,
		projectId,
		proposalId: null,
		parentId: null,
		authorId: userId,
		locale: 'de',
		body: 'Gute Idee',
		state: 'published',
		createdAt: now,
		editedAt: null,
		deletedAt: null
	});
	await db.orm
		.insert(t.participationSupports)
		.values({ id: newId(), userId, projectId, proposalId: null, createdAt: now });
	await db.orm.insert(t.moderationReports).values({
		id: newId(),
		reporterId: userId,
		commentId: null,
		proposalId,
		reason: 'spam',
		details: null,
		createdAt: now,
		resolvedAt: null
	});
	const decisionId = newId();
	await db.orm.insert(t.moderationDecisions).values({
		id: decisionId,
		moderatorId: userId,
		commentId,
		proposalId: null,
		action: 'hide',
		reason: 'spam',
		note: null,
		openedAt: now,
		decidedAt: now
	});
	await db.orm.insert(t.moderationAppeals).values({
		id: newId(),
		decisionId,
		authorId: userId,
		text: 'Bitte noch einmal ansehen',
		createdAt: now,
		outcome: 'upheld',
		decidedAt: now,
		decidedBy: userId
	});
	await db.orm
		.insert(t.accountBlocks)
		.values({ userId, blockedBy: userId, reason: 'spam', note: null, createdAt: now });
	await db.orm
		.insert(t.notifications)
		.values({ id: newId(), userId, kind: 'post_hidden', params: '{}', createdAt: now, readAt: null });
	for (const action of ['comment', 'proposal', 'report', 'class-join']) {
		await db.orm.insert(t.rateLimits).values({ key: personLimitKey(action, userId), hits: 1, windowStartedAt: now });
	}
	// Classes: the person teaches one class (and assigned its work) and learns in another.
	const [taughtId, joinedId] = [newId(), newId()];
	for (const id of [taughtId, joinedId]) {
		await db.orm.insert(t.classes).values({
			id,
			name: 'Dienstagskurs',
			schedule: null,
			courseLocale: null,
			joinCode: newId().slice(0, 12).toUpperCase(),
			createdAt: now,
			archivedAt: null
		});
	}
	await db.orm.insert(t.classInstructors).values({ classId: taughtId, userId, role: 'owner', addedAt: now });
	await db.orm.insert(t.classMembers).values({ classId: joinedId, userId, joinedAt: now });
	await db.orm.insert(t.assignments).values({
		id: newId(),
		classId: taughtId,
		kind: 'course',
		target: 'first-steps',
		dueAt: null,
		note: 'Bis Dienstag',
		assignedByUserId: userId,
		createdAt: now
	});
	// The studio: an image uploaded for a figure (bytes as stored, a WebP).
	await db.orm.insert(t.studioImages).values({
		id: newId(),
		userId,
		alt: 'Der Startbildschirm',
		width: 1,
		height: 1,
		byteSize: 4,
		data: Buffer.from('RIFF'),
		createdAt: now
	});
	// The studio: a lesson the person wrote, with a text, a version and its class.
	const studioLessonId = newId();
	await db.orm.insert(t.studioLessons).values({
		id: studioLessonId,
		authorUserId: userId,
		sourceLocale: 'de',
		minutes: 5,
		level: 'foundation',
		competences: '["1.1"]',
		prerequisites: '[]',
		status: 'published',
		createdAt: now,
		updatedAt: now
	});
	await db.orm.insert(t.studioLessonTexts).values({
		lessonId: studioLessonId,
		locale: 'de',
		title: 'Die Maus',
		summary: 'Klicken lernen.',
		body: '## Klicken',
		quizzes: '[]',
		updatedAt: now
	});
	await db.orm
		.insert(t.studioLessonVersions)
		.values({ lessonId: studioLessonId, number: 1, snapshot: '{}', publishedAt: now });
	await db.orm.insert(t.studioLessonClasses).values({ lessonId: studioLessonId, classId: taughtId, publishedAt: now });
	await db.orm.insert(t.auditLog).values({
		id: newId(),
		actorId: userId,
		action: 'comment.hide',
		subjectKind: 'comment',
		subjectId: commentId,
		reason: 'spam',
		note: null,
		details: null,
		createdAt: now
	});
}

describe('which tables the privacy parts cover', () => {
	it('covers every table that refers to a person, each in exactly one domain', async () => {
		const test = await engines[0]!.open();
		try {
			const tables = [...personColumns(test.db).keys()];
			expect(tables).toEqual(expect.arrayContaining(['users', 'sessions', 'lessonProgress', 'accessibilityFeedback']));
			const covered = coveredTables();
			const missing = tables.filter((table) => !covered.has(table));
			expect(missing, `tables that refer to a person but no privacy part names: ${missing.join(', ')}`).toEqual([]);
			const named = PRIVACY_PARTS.flatMap((part) => Object.keys(part.tables));
			expect(named.length, 'a table named by two privacy parts').toBe(new Set(named).size);
			for (const table of named) expect(Object.keys(test.db.t), `${table} is not a table`).toContain(table);
		} finally {
			await test.drop();
		}
	});
});

describe.each(engines)('download and deletion on $name', (engine) => {
	let test: TestDatabase;
	beforeEach(async () => (test = await engine.open()));
	afterEach(async () => test.drop());

	it('exports every covered table’s rows about the person, and no one else’s', async () => {
		const [person, other] = [await makeUser(test.db), await makeUser(test.db)];
		await seedPerson(test.db, person.id);
		await seedPerson(test.db, other.id);
		const data = (await exportPersonalData(test.db, person.id)) as Record<string, unknown> | null;
		expect(data).not.toBeNull();
		for (const [table, columns] of personColumns(test.db)) {
			const stored = await rowsOf(test.db, table, columns[0]!, person.id);
			expect(stored, `the test seeds no ${table} row: add one to seedPerson`).toBeGreaterThan(0);
			const section = data![exportSection(table)];
			const exported = Array.isArray(section) ? section.length : section ? 1 : 0;
			expect(exported, `rows of ${table} in the export`).toBe(stored);
		}
		expect(JSON.stringify(data)).not.toContain(other.id);
		expect(JSON.stringify(data)).not.toMatch(/argon2|secretHash|passwordHash/);
	});

	it('leaves no row pointing at a deleted person, keeps anonymised rows, and spares everyone else', async () => {
		const [person, other] = [await makeUser(test.db), await makeUser(test.db)];
		await seedPerson(test.db, person.id);
		await seedPerson(test.db, other.id);
		const columns = personColumns(test.db);
		const before = new Map<TableName, number>();
		for (const [table, [column]] of columns) before.set(table, await rowsOf(test.db, table, column!, other.id));

		await erasePerson(test.db, person.id);

		for (const [table, tableColumns] of columns) {
			for (const column of tableColumns) {
				expect(await rowsOf(test.db, table, column, person.id), `${table}.${column.name} still points at them`).toBe(0);
			}
			expect(await rowsOf(test.db, table, tableColumns[0]!, other.id), `someone else's ${table} rows`).toBe(
				before.get(table)
			);
		}
		const covered = coveredTables();
		for (const [table, how] of covered) {
			if (how !== 'anonymise') continue;
			const rows = await test.db.orm.select().from(test.db.t[table as TableName] as unknown as PgTable);
			expect(rows.length, `${table} keeps anonymised rows`).toBe(2 * (before.get(table as TableName) ?? 0));
		}
		// Limits counted per person name them in their key: theirs are gone, the other person's stay.
		const limits = (await test.db.orm.select().from(test.db.t.rateLimits)).map((row) => row.key);
		expect(limits.filter((key) => key.endsWith(person.id))).toEqual([]);
		expect(limits.filter((key) => key.endsWith(other.id))).toHaveLength(4);
		const feedback = await test.db.orm.select().from(test.db.t.accessibilityFeedback);
		expect(feedback.filter((row) => row.userId === null)).toEqual([
			expect.objectContaining({ message: 'zu klein', contact: null })
		]);
	});

	it('deletes all or nothing: a failing part undoes what the parts before it erased', async () => {
		const person = await makeUser(test.db);
		await seedPerson(test.db, person.id);
		const failing = {
			domain: 'failing',
			tables: {},
			export: async () => ({}),
			erase: async () => {
				throw new Error('disk full');
			}
		};
		await expect(erasePerson(test.db, person.id, [learningPrivacy, failing])).rejects.toThrow('disk full');
		const progress = test.db.t.lessonProgress;
		expect(await rowsOf(test.db, 'lessonProgress', progress.userId as Column, person.id)).toBe(1);
		expect(await rowsOf(test.db, 'certificates', test.db.t.certificates.userId as Column, person.id)).toBe(1);
	});
});
