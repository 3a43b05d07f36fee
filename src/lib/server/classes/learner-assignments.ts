/**
 * A learner's assignments across their classes, with where they stand: not started,
 * started, done (a course when all its lessons are completed) or overdue (not done and past
 * its due date). Overdue work comes first, then open work by due date and newest first,
 * then what is done. Archived classes are over: their assignments are not listed.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Locale } from '../../i18n/locales.ts';
import type { Db } from '../db/database.ts';
import { chooseVersion, courseText, getCatalogue, type Catalogue, type Lesson } from '../learning/catalogue.ts';
import type { LessonStatus } from '../learning/progress.ts';

export const ASSIGNMENT_STATUSES = ['overdue', 'notStarted', 'started', 'done'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export interface LearnerAssignment {
	id: string;
	classId: string;
	className: string;
	kind: 'course' | 'lesson';
	title: string;
	/** The language the title is written in (a lesson not in the reader's language falls back). */
	titleLang: string;
	/** Where to go on: the lesson, or the course's first lesson not yet completed. */
	path: string;
	dueAt: Date | null;
	note: string | null;
	status: AssignmentStatus;
	done: number;
	total: number;
	createdAt: Date;
}

/** Status of work made of `lessons`, given the learner's lesson statuses. */
export function assignmentStatus(
	lessons: readonly Lesson[],
	statuses: ReadonlyMap<string, LessonStatus>,
	dueAt: Date | null,
	now: Date
): AssignmentStatus {
	const done = lessons.filter((lesson) => statuses.get(lesson.key) === 'completed').length;
	if (lessons.length > 0 && done === lessons.length) return 'done';
	if (dueAt && dueAt.getTime() < now.getTime()) return 'overdue';
	return lessons.some((lesson) => statuses.has(lesson.key)) ? 'started' : 'notStarted';
}

const RANK: Record<AssignmentStatus, number> = { overdue: 0, notStarted: 1, started: 1, done: 2 };

export function compareAssignments(a: LearnerAssignment, b: LearnerAssignment): number {
	return (
		RANK[a.status] - RANK[b.status] ||
		(a.dueAt?.getTime() ?? Infinity) - (b.dueAt?.getTime() ?? Infinity) ||
		b.createdAt.getTime() - a.createdAt.getTime() ||
		a.id.localeCompare(b.id)
	);
}

export async function learnerAssignments(
	db: Db,
	userId: string,
	locale: Locale,
	now = new Date(),
	catalogue: Catalogue = getCatalogue()
): Promise<LearnerAssignment[]> {
	const { classes, classMembers, assignments, lessonProgress } = db.t;
	const rows = await db.orm
		.select({ assignment: assignments, className: classes.name })
		.from(classMembers)
		.innerJoin(classes, eq(classes.id, classMembers.classId))
		.innerJoin(assignments, eq(assignments.classId, classes.id))
		.where(and(eq(classMembers.userId, userId), isNull(classes.archivedAt)));
	if (rows.length === 0) return [];

	const lessonsOf = (kind: string, target: string): Lesson[] => {
		if (kind === 'course') return catalogue.course(target)?.lessons ?? [];
		const lesson = catalogue.lesson(target);
		return lesson ? [lesson] : [];
	};
	const keys = [...new Set(rows.flatMap((row) => lessonsOf(row.assignment.kind, row.assignment.target)))].map(
		(lesson) => lesson.key
	);
	const progress = keys.length
		? await db.orm
				.select({ lessonKey: lessonProgress.lessonKey, status: lessonProgress.status })
				.from(lessonProgress)
				.where(and(eq(lessonProgress.userId, userId), inArray(lessonProgress.lessonKey, keys)))
		: [];
	const statuses = new Map(progress.map((row) => [row.lessonKey, row.status]));

	const list: LearnerAssignment[] = [];
	for (const { assignment, className } of rows) {
		const lessons = lessonsOf(assignment.kind, assignment.target);
		// A course or lesson since removed from the catalogue has nothing left to do.
		if (lessons.length === 0) continue;
		const first = lessons[0]!;
		const next = lessons.find((lesson) => statuses.get(lesson.key) !== 'completed') ?? first;
		let title: string;
		let titleLang: string;
		if (assignment.kind === 'course') {
			const course = catalogue.course(assignment.target)!;
			const text = courseText(course, locale);
			title = text.title;
			titleLang = course.texts[locale] ? locale : course.texts.en ? 'en' : 'de';
		} else {
			const chosen = chooseVersion(first, locale);
			title = chosen?.lesson.title ?? first.key;
			titleLang = chosen?.contentLocale === 'de-easy' ? 'de' : (chosen?.contentLocale ?? locale);
		}
		list.push({
			id: assignment.id,
			classId: assignment.classId,
			className,
			kind: assignment.kind,
			title,
			titleLang,
			path: `/learn/${next.courseId}/${next.id}`,
			dueAt: assignment.dueAt,
			note: assignment.note,
			status: assignmentStatus(lessons, statuses, assignment.dueAt, now),
			done: lessons.filter((lesson) => statuses.get(lesson.key) === 'completed').length,
			total: lessons.length,
			createdAt: assignment.createdAt
		});
	}
	return list.sort(compareAssignments);
}
