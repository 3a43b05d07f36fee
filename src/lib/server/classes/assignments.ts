/**
 * Assigning a course, or single lessons, to a class, with an optional due date and note. A
 * due date is a day: the work is overdue once that day is over in the city.
 */
import { and, eq } from 'drizzle-orm';
import type { Result } from '../auth/account.ts';
import type { Db } from '../db/database.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { newId } from '../db/ids.ts';
import { getCatalogue, type Catalogue } from '../learning/catalogue.ts';
import { parseCityTime } from '../participation/editing/local-time.ts';
import type { AssignmentRow } from './assigned-lessons.ts';
import type { AssignmentKind } from './rules.ts';

export interface AssignmentInput {
	/** A course id, or a lesson key "course-id/lesson-id". */
	target: string;
	dueAt: Date | null;
	note: string | null;
}

/** The end of a day ("2026-03-01") in the city: the instant the work becomes overdue. */
export function dueAtEndOfDay(day: string): Date | null {
	const start = parseCityTime(`${day}T23:59:59`);
	return start ? new Date(start.getTime() + 999) : null;
}

/** What a target names in the catalogue: a course or a lesson, or nothing. */
export function assignmentKind(target: string, catalogue: Catalogue = getCatalogue()): AssignmentKind | null {
	if (target.includes('/')) return catalogue.lesson(target) ? 'lesson' : null;
	return catalogue.course(target) ? 'course' : null;
}

export async function addAssignment(
	db: Db,
	classId: string,
	assignedByUserId: string,
	input: AssignmentInput,
	now = new Date()
): Promise<Result<AssignmentRow>> {
	const kind = assignmentKind(input.target);
	if (!kind) return { ok: false, field: 'target', error: 'classes.errors.unknownTarget' };
	const row: AssignmentRow = { id: newId(), classId, kind, assignedByUserId, createdAt: now, ...input };
	try {
		await db.orm.insert(db.t.assignments).values(row);
	} catch (failure) {
		if (isUniqueViolation(failure)) return { ok: false, field: 'target', error: 'classes.errors.alreadyAssigned' };
		throw failure;
	}
	return { ok: true, value: row };
}

/** Changes due date and note; false when the class has no such assignment. */
export async function updateAssignment(
	db: Db,
	classId: string,
	assignmentId: string,
	input: Pick<AssignmentInput, 'dueAt' | 'note'>
): Promise<boolean> {
	const { assignments } = db.t;
	const changed = await db.orm
		.update(assignments)
		.set(input)
		.where(and(eq(assignments.id, assignmentId), eq(assignments.classId, classId)))
		.returning({ id: assignments.id });
	return changed.length === 1;
}

export async function removeAssignment(db: Db, classId: string, assignmentId: string): Promise<boolean> {
	const { assignments } = db.t;
	const removed = await db.orm
		.delete(assignments)
		.where(and(eq(assignments.id, assignmentId), eq(assignments.classId, classId)))
		.returning({ id: assignments.id });
	return removed.length === 1;
}
