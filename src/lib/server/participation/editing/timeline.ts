/**
 * An admin's writes to a project's timeline: "what happened to what we said". Adding an
 * entry sets the project's status to that of its latest entry (by date) and tells everyone
 * who supported or commented on the project, all in one transaction with the audit entry.
 */
import { and, desc, eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/record.ts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { notify } from '../../notifications/notify.ts';
import type { ProjectStatus, TextLocale } from '../rules.ts';
import { projectFollowers } from './followers.ts';
import { lockedProject, touchProject } from './projects.ts';
import { refusable, Refusal, type EditResult } from './result.ts';

export interface TimelineInput {
	status: ProjectStatus;
	happenedAt: Date;
	/** The entry's sentence in German, the reference for its translations. */
	text: string;
}

export function addTimelineEntry(
	db: Db,
	actorId: string,
	projectId: string,
	input: TimelineInput,
	now = new Date()
): Promise<EditResult<string>> {
	return refusable(() =>
		db.transaction(async (tx) => {
			const project = await lockedProject(tx, projectId);
			const { participationTimelineEntries: entries, participationProjects: projects } = tx.t;
			const id = newId();
			await tx.orm
				.insert(entries)
				.values({ id, projectId, status: input.status, happenedAt: input.happenedAt, createdAt: now });
			await tx.orm.insert(tx.t.participationTimelineTexts).values({ entryId: id, locale: 'de', text: input.text });
			// An entry dated before the latest one fills in the past; the status stays the latest's.
			const [latest] = await tx.orm
				.select({ status: entries.status })
				.from(entries)
				.where(eq(entries.projectId, projectId))
				.orderBy(desc(entries.happenedAt), desc(entries.createdAt))
				.limit(1);
			const status = latest?.status ?? input.status;
			await tx.orm.update(projects).set({ status }).where(eq(projects.id, projectId));
			await touchProject(tx, projectId, now);
			await recordAudit(
				tx,
				{
					actorId,
					action: 'timeline.add',
					subjectKind: 'project',
					subjectId: projectId,
					details: {
						entryId: id,
						status: input.status,
						happenedAt: input.happenedAt.toISOString(),
						projectStatus: status
					}
				},
				now
			);
			await notify(
				tx,
				await projectFollowers(tx, projectId),
				'project_timeline',
				{ project: project.slug, status: input.status },
				now
			);
			return id;
		})
	);
}

/** Writes a timeline entry's sentence in one language (a translation: nobody is told again). */
export function saveTimelineText(
	db: Db,
	actorId: string,
	projectId: string,
	entryId: string,
	locale: TextLocale,
	text: string,
	now = new Date()
): Promise<EditResult<null>> {
	return refusable(() =>
		db.transaction(async (tx) => {
			await lockedProject(tx, projectId);
			const { participationTimelineEntries: entries, participationTimelineTexts: texts } = tx.t;
			const [entry] = await tx.orm
				.select({ id: entries.id })
				.from(entries)
				.where(and(eq(entries.id, entryId), eq(entries.projectId, projectId)))
				.limit(1);
			if (!entry) throw new Refusal('form', 'admin.errors.notFound');
			const rows = await tx.orm.select().from(texts).where(eq(texts.entryId, entryId));
			if (locale !== 'de' && !rows.some((row) => row.locale === 'de')) {
				throw new Refusal('form', 'admin.errors.germanFirst');
			}
			if (rows.some((row) => row.locale === locale)) {
				await tx.orm
					.update(texts)
					.set({ text })
					.where(and(eq(texts.entryId, entryId), eq(texts.locale, locale)));
			} else {
				await tx.orm.insert(texts).values({ entryId, locale, text });
			}
			await touchProject(tx, projectId, now);
			await recordAudit(
				tx,
				{
					actorId,
					action: 'timeline.texts.update',
					subjectKind: 'project',
					subjectId: projectId,
					details: { entryId, locale }
				},
				now
			);
			return null;
		})
	);
}
