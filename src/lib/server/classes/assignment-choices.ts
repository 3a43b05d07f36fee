/**
 * What an instructor can assign, and how an assignment is named on their pages: every course
 * of the catalogue as a whole or lesson by lesson, titled in the page's language.
 */
import type { Locale } from '../../i18n/locales.ts';
import { chooseVersion, courseText, getCatalogue, type Catalogue } from '../learning/catalogue.ts';
import type { AssignmentRow } from './assigned-lessons.ts';

export interface TargetChoice {
	/** A course id or a lesson key: the value of the form's `target`. */
	target: string;
	title: string;
}

export interface CourseChoices {
	course: TargetChoice;
	lessons: TargetChoice[];
}

export function assignableTargets(locale: Locale, catalogue: Catalogue = getCatalogue()): CourseChoices[] {
	return catalogue.courses.map((course) => ({
		course: { target: course.id, title: courseText(course, locale).title },
		lessons: course.lessons.map((lesson) => ({
			target: lesson.key,
			title: chooseVersion(lesson, locale)?.lesson.title ?? lesson.key
		}))
	}));
}

export interface NamedAssignment {
	id: string;
	kind: AssignmentRow['kind'];
	target: string;
	title: string;
	/** For a lesson, the course it belongs to. */
	courseTitle: string | null;
	lessons: number;
	dueAt: Date | null;
	note: string | null;
	createdAt: Date;
}

/** An assignment with the titles of what it names (its id when the catalogue no longer has it). */
export function nameAssignment(
	assignment: AssignmentRow,
	locale: Locale,
	catalogue: Catalogue = getCatalogue()
): NamedAssignment {
	const base = {
		id: assignment.id,
		kind: assignment.kind,
		target: assignment.target,
		dueAt: assignment.dueAt,
		note: assignment.note,
		createdAt: assignment.createdAt
	};
	if (assignment.kind === 'course') {
		const course = catalogue.course(assignment.target);
		return {
			...base,
			title: course ? courseText(course, locale).title : assignment.target,
			courseTitle: null,
			lessons: course?.lessons.length ?? 0
		};
	}
	const lesson = catalogue.lesson(assignment.target);
	const course = lesson ? catalogue.course(lesson.courseId) : undefined;
	return {
		...base,
		title: lesson ? (chooseVersion(lesson, locale)?.lesson.title ?? lesson.key) : assignment.target,
		courseTitle: course ? courseText(course, locale).title : null,
		lessons: lesson ? 1 : 0
	};
}
