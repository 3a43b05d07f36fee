/**
 * How the folder tree of content/ maps to courses and lessons:
 *   content/courses/<NN>-<course-id>/<NN>-<lesson-id>/<locale>.svx
 *   content/courses/<NN>-<course-id>/course.yaml and <locale>.yaml
 * Numbered prefixes give the order and are not part of ids or addresses.
 */
import { CONTENT_LOCALES, type ContentLocale } from './schema.ts';

const ORDERED = /^(\d+)-([a-z0-9]+(?:-[a-z0-9]+)*)$/;

export interface LessonPath {
	courseId: string;
	courseOrder: number;
	lessonId: string;
	lessonOrder: number;
	contentLocale: ContentLocale;
	/** "course-id/lesson-id" */
	key: string;
}

export interface CourseFilePath {
	courseId: string;
	courseOrder: number;
	/** "course" for course.yaml, else the language of the texts. */
	file: 'course' | ContentLocale;
}

export const isContentLocale = (value: string): value is ContentLocale =>
	(CONTENT_LOCALES as readonly string[]).includes(value);

function segmentsAfterCourses(path: string): string[] | null {
	const parts = path.replace(/\\/g, '/').split('/');
	const at = parts.lastIndexOf('courses');
	return at === -1 ? null : parts.slice(at + 1);
}

export function parseLessonPath(path: string): LessonPath | null {
	const segments = segmentsAfterCourses(path);
	if (!segments || segments.length !== 3) return null;
	const [courseDir, lessonDir, file] = segments as [string, string, string];
	const course = ORDERED.exec(courseDir);
	const lesson = ORDERED.exec(lessonDir);
	const locale = file.replace(/\.svx$/, '');
	if (!course || !lesson || !file.endsWith('.svx') || !isContentLocale(locale)) return null;
	return {
		courseId: course[2]!,
		courseOrder: Number(course[1]),
		lessonId: lesson[2]!,
		lessonOrder: Number(lesson[1]),
		contentLocale: locale,
		key: `${course[2]}/${lesson[2]}`
	};
}

export function parseCourseFilePath(path: string): CourseFilePath | null {
	const segments = segmentsAfterCourses(path);
	if (!segments || segments.length !== 2) return null;
	const [courseDir, file] = segments as [string, string];
	const course = ORDERED.exec(courseDir);
	const name = file.replace(/\.yaml$/, '');
	if (!course || !file.endsWith('.yaml') || (name !== 'course' && !isContentLocale(name))) return null;
	return { courseId: course[2]!, courseOrder: Number(course[1]), file: name as CourseFilePath['file'] };
}

/** Splits an .svx source into its YAML frontmatter and its body. */
export function splitFrontmatter(source: string): { frontmatter: string; body: string } | null {
	const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
	return match ? { frontmatter: match[1]!, body: match[2]! } : null;
}
