/**
 * Participation test data: fields, projects (in a chosen phase), proposals and comments.
 * Fields and projects are what an admin or the seed makes, written here directly with
 * every language filled in unless told otherwise; posts are made as a citizen's would be.
 */
import type { Db } from '../../src/lib/server/db/database.ts';
import { newId } from '../../src/lib/server/db/ids.ts';
import { LOCALES } from '../../src/lib/i18n/locales.ts';
import type {
	ContributionState,
	PhaseKind,
	ProjectStatus,
	TextLocale
} from '../../src/lib/server/participation/rules.ts';

const DAY = 24 * 60 * 60 * 1000;
let counter = 0;
const unique = (prefix: string) => `${prefix}-${++counter}-${newId().slice(0, 6)}`;

export interface FieldOverrides {
	slug?: string;
	locales?: readonly TextLocale[];
}

export async function makeField(db: Db, overrides: FieldOverrides = {}) {
	const id = newId();
	const slug = overrides.slug ?? unique('field');
	const now = new Date();
	await db.orm
		.insert(db.t.participationFields)
		.values({ id, slug, position: counter, isExample: false, createdAt: now, updatedAt: now });
	await db.orm.insert(db.t.participationFieldTexts).values(
		(overrides.locales ?? [...LOCALES, 'easy']).map((locale) => ({
			fieldId: id,
			locale,
			title: `Feld ${slug} (${locale})`,
			summary: `Worum es im Feld ${slug} geht (${locale}).`
		}))
	);
	return { id, slug };
}

export interface ProjectOverrides {
	slug?: string;
	fieldId?: string;
	/** The phase in force now; it started a day ago and ends in 30 days unless `phaseEndsAt` says otherwise. */
	phase?: PhaseKind;
	phaseStartsAt?: Date | null;
	phaseEndsAt?: Date | null;
	status?: ProjectStatus;
	locales?: readonly TextLocale[];
	resultText?: string | null;
	createdAt?: Date;
}

export async function makeProject(db: Db, overrides: ProjectOverrides = {}) {
	const now = new Date();
	const fieldId = overrides.fieldId ?? (await makeField(db)).id;
	const id = newId();
	const slug = overrides.slug ?? unique('project');
	const createdAt = overrides.createdAt ?? now;
	const status = overrides.status ?? 'announced';
	await db.orm
		.insert(db.t.participationProjects)
		.values({ id, slug, fieldId, status, isExample: false, createdAt, updatedAt: createdAt });
	await db.orm.insert(db.t.participationProjectTexts).values(
		(overrides.locales ?? [...LOCALES, 'easy']).map((locale) => ({
			projectId: id,
			locale,
			title: `Projekt ${slug} (${locale})`,
			summary: `Kurz gesagt: ${slug} (${locale}).`,
			description: locale === 'easy' ? '' : `Ausführlich: ${slug}.\n\nZweiter Absatz (${locale}).`,
			resultText: overrides.resultText ?? null
		}))
	);
	const phase = overrides.phase ?? 'information';
	if (phase !== 'information') {
		await db.orm.insert(db.t.participationPhases).values({
			id: newId(),
			projectId: id,
			kind: phase,
			startsAt: overrides.phaseStartsAt === undefined ? new Date(now.getTime() - DAY) : overrides.phaseStartsAt,
			endsAt: overrides.phaseEndsAt === undefined ? new Date(now.getTime() + 30 * DAY) : overrides.phaseEndsAt
		});
	}
	const entryId = newId();
	await db.orm
		.insert(db.t.participationTimelineEntries)
		.values({ id: entryId, projectId: id, status, happenedAt: createdAt, createdAt });
	await db.orm
		.insert(db.t.participationTimelineTexts)
		.values({ entryId, locale: 'de', text: `Das Projekt ${slug} wurde angekündigt.` });
	return { id, slug, fieldId };
}

export interface ProposalOverrides {
	fieldId?: string;
	title?: string;
	description?: string;
	problem?: string | null;
	state?: ContributionState;
	createdAt?: Date;
}

export async function makeProposal(db: Db, authorId: string, overrides: ProposalOverrides = {}) {
	const id = newId();
	const fieldId = overrides.fieldId ?? (await makeField(db)).id;
	await db.orm.insert(db.t.participationProposals).values({
		id,
		fieldId,
		authorId,
		locale: 'de',
		title: overrides.title ?? `Idee ${unique('proposal')}`,
		description: overrides.description ?? 'Eine Idee für die Stadt.',
		problem: overrides.problem ?? null,
		state: overrides.state ?? 'published',
		createdAt: overrides.createdAt ?? new Date(),
		editedAt: null
	});
	return { id, fieldId };
}

export interface CommentOverrides {
	projectId?: string;
	proposalId?: string;
	parentId?: string | null;
	body?: string;
	state?: ContributionState;
	createdAt?: Date;
}

export async function makeComment(db: Db, authorId: string, overrides: CommentOverrides) {
	const id = newId();
	await db.orm.insert(db.t.participationComments).values({
		id,
		projectId: overrides.projectId ?? null,
		proposalId: overrides.proposalId ?? null,
		parentId: overrides.parentId ?? null,
		authorId,
		locale: 'de',
		body: overrides.body ?? `Kommentar ${unique('comment')}`,
		state: overrides.state ?? 'published',
		createdAt: overrides.createdAt ?? new Date(),
		editedAt: null,
		deletedAt: null
	});
	return { id };
}
