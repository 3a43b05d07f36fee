/**
 * What a class is assigned, lesson by lesson: a course assignment stands for each of the
 * course's lessons, in course order; a lesson assigned on its own and again through its course
 * counts once, with the earlier due date. Reports and the learner's list both read this.
 */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { getCatalogue, type Catalogue } from '../learning/catalogue.ts';

export type AssignmentRow = typeof import('./tables.ts').assignments.pg.$inferSelect;

export interface AssignedLesson {
	/** "course-id/lesson-id", as in lesson_progress. */
	lessonKey: string;
	courseId: string;
	dueAt: Date | null;
	/** The assignments this lesson comes from (a course and the lesson itself may both name it). */
	assignmentIds: string[];
}

export async function listAssignments(db: Db, classId: string): Promise<AssignmentRow[]> {
	return db.orm
		.select()
		.from(db.t.assignments)
		.where(eq(db.t.assignments.classId, classId))
		.orderBy(asc(db.t.assignments.createdAt), asc(db.t.assignments.id));
}

/** Expands assignments into lessons; targets the catalogue no longer has are skipped. */
export function expandAssignments(
	assignments: AssignmentRow[],
	catalogue: Catalogue = getCatalogue()
): AssignedLesson[] {
	const byKey = new Map<string, AssignedLesson>();
	const add = (lessonKey: string, courseId: string, assignment: AssignmentRow) => {
		const known = byKey.get(lessonKey);
		if (!known) {
			byKey.set(lessonKey, { lessonKey, courseId, dueAt: assignment.dueAt, assignmentIds: [assignment.id] });
			return;
		}
		known.assignmentIds.push(assignment.id);
		if (assignment.dueAt && (!known.dueAt || assignment.dueAt < known.dueAt)) known.dueAt = assignment.dueAt;
	};
	for (const assignment of assignments) {
		if (assignment.kind === 'course') {
			const course = catalogue.course(assignment.target);
			for (const lesson of course?.lessons ?? []) add(lesson.key, course!.id, assignment);
		} else {
			const lesson = catalogue.lesson(assignment.target);
			if (lesson) add(lesson.key, lesson.courseId, assignment);
		}
	}
	return [...byKey.values()];
}

export async function listAssignedLessons(db: Db, classId: string): Promise<AssignedLesson[]> {
	return expandAssignments(await listAssignments(db, classId));
}
