/**
 * The curriculum as the app sees it, built once per process from content/: courses in
 * order, their lessons, and which languages each lesson is written in. The server reads
 * lesson sources (with quizzes); browsers only ever get compiled lessons without them.
 */
import { error } from '@sveltejs/kit';
import { parse as parseYaml } from 'yaml';
import {
	courseStructureSchema,
	courseTextSchema,
	lessonFrontmatterSchema,
	type ContentLocale,
	type CourseText,
	type LessonFrontmatter
} from '../../content/schema.ts';
import { parseCourseFilePath, parseLessonPath, splitFrontmatter } from '../../content/paths.ts';
import type { Locale } from '../../i18n/locales.ts';

export interface Lesson {
	key: string;
	courseId: string;
	id: string;
	order: number;
	versions: Partial<Record<ContentLocale, LessonFrontmatter>>;
	/** Source path of each version, as import.meta.glob names it. */
	paths: Partial<Record<ContentLocale, string>>;
	/** Whether the lesson uses components that need their own UI texts. */
	uses: { simulation: boolean; codeExercise: boolean };
}

export interface Course {
	id: string;
	order: number;
	selfCheck: { id: string; competence: string }[];
	texts: Partial<Record<ContentLocale, CourseText>>;
	lessons: Lesson[];
}

export interface Catalogue {
	courses: Course[];
	course(id: string): Course | undefined;
	lesson(key: string): Lesson | undefined;
}

export function buildCatalogue(
	lessonSources: Record<string, string>,
	courseSources: Record<string, string>
): Catalogue {
	const courses = new Map<string, Course>();
	const courseFor = (id: string, order: number): Course => {
		let course = courses.get(id);
		if (!course) courses.set(id, (course = { id, order, selfCheck: [], texts: {}, lessons: [] }));
		return course;
	};

	for (const [path, source] of Object.entries(courseSources)) {
		const parsed = parseCourseFilePath(path);
		if (!parsed) continue;
		const course = courseFor(parsed.courseId, parsed.courseOrder);
		const data = parseYaml(source);
		if (parsed.file === 'course') course.selfCheck = courseStructureSchema.parse(data).selfCheck;
		else course.texts[parsed.file] = courseTextSchema.parse(data);
	}

	const lessons = new Map<string, Lesson>();
	for (const [path, source] of Object.entries(lessonSources)) {
		const parsed = parseLessonPath(path);
		const split = splitFrontmatter(source);
		if (!parsed || !split) continue;
		// content:check reports invalid files; here a broken one must not take the site down.
		const frontmatter = lessonFrontmatterSchema.safeParse(parseYaml(split.frontmatter));
		if (!frontmatter.success) {
			console.error(`Skipping invalid lesson ${path}: ${frontmatter.error.message}`);
			continue;
		}
		let lesson = lessons.get(parsed.key);
		if (!lesson) {
			lesson = {
				key: parsed.key,
				courseId: parsed.courseId,
				id: parsed.lessonId,
				order: parsed.lessonOrder,
				versions: {},
				paths: {},
				uses: { simulation: false, codeExercise: false }
			};
			lessons.set(parsed.key, lesson);
			courseFor(parsed.courseId, parsed.courseOrder).lessons.push(lesson);
		}
		lesson.versions[parsed.contentLocale] = frontmatter.data;
		lesson.uses.simulation ||= /<Simulation\b/.test(split.body);
		lesson.uses.codeExercise ||= /<CodeExercise\b/.test(split.body);
		lesson.paths[parsed.contentLocale] = path;
	}

	const ordered = [...courses.values()]
		.filter((course) => course.lessons.length > 0 && course.texts.de)
		.sort((a, b) => a.order - b.order);
	for (const course of ordered) course.lessons.sort((a, b) => a.order - b.order);
	return {
		courses: ordered,
		course: (id) => ordered.find((c) => c.id === id),
		lesson: (key) => lessons.get(key)
	};
}

let catalogue: Catalogue | undefined;

/** The app's catalogue (Vite bundles the content files into the server build). */
export function getCatalogue(): Catalogue {
	catalogue ??= buildCatalogue(
		import.meta.glob<string>('/content/courses/*/*/*.svx', { query: '?raw', import: 'default', eager: true }),
		import.meta.glob<string>('/content/courses/*/*.yaml', { query: '?raw', import: 'default', eager: true })
	);
	return catalogue;
}

export interface ChosenVersion {
	contentLocale: ContentLocale;
	lesson: LessonFrontmatter;
	/** True when the lesson is not written in the reader's language. */
	isFallback: boolean;
}

/**
 * Which version of a lesson to show: the reader's language, easy German on request, and
 * otherwise English (for readers of other languages) or German.
 */
export function chooseVersion(lesson: Lesson, locale: Locale, easy = false): ChosenVersion | null {
	if (easy && locale === 'de' && lesson.versions['de-easy']) {
		return { contentLocale: 'de-easy', lesson: lesson.versions['de-easy'], isFallback: false };
	}
	if (lesson.versions[locale]) return { contentLocale: locale, lesson: lesson.versions[locale], isFallback: false };
	const fallbacks: ContentLocale[] = locale === 'en' ? ['de'] : ['en', 'de'];
	for (const candidate of fallbacks) {
		const version = lesson.versions[candidate];
		if (version) return { contentLocale: candidate, lesson: version, isFallback: true };
	}
	return null;
}

/** The ids of a lesson's quizzes: the same in every version of it (content:check sees to that). */
export function lessonQuizIds(lesson: Lesson): string[] {
	const version = lesson.versions.de ?? Object.values(lesson.versions)[0];
	return version?.quizzes.map((quiz) => quiz.id) ?? [];
}

/** The languages a course is fully available in. */
export function courseLanguages(course: Course): ContentLocale[] {
	const all = new Set(course.lessons.flatMap((l) => Object.keys(l.versions) as ContentLocale[]));
	return [...all].filter((locale) => course.lessons.every((l) => l.versions[locale]));
}

export function courseText(course: Course, locale: Locale): CourseText {
	return course.texts[locale] ?? course.texts.en ?? course.texts.de!;
}

export function digcompArea(competence: string): string {
	return competence.split('.')[0]!;
}

/** The course with this id; a 404 for the page asking when there is none. */
export function findCourse(courseId: string): Course {
	const course = getCatalogue().course(courseId);
	if (!course) error(404, 'errors.notFound');
	return course;
}

/** A lesson of a course in the version to show; a 404 when either or the version does not exist. */
export function findLesson(courseId: string, lessonId: string, locale: Locale, easy = false) {
	const course = findCourse(courseId);
	const lesson = getCatalogue().lesson(`${courseId}/${lessonId}`);
	if (!lesson || lesson.courseId !== course.id) error(404, 'errors.notFound');
	const chosen = chooseVersion(lesson, locale, easy);
	if (!chosen) error(404, 'errors.notFound');
	return { course, lesson, chosen };
}

/** A course's title for pages that name a course by id (a course since removed keeps its id). */
export function courseTitle(courseId: string, locale: Locale): string {
	const course = getCatalogue().course(courseId);
	return course ? courseText(course, locale).title : courseId;
}

/** Every DigComp competence a course's lessons train, in DigComp order. */
export function courseCompetences(course: Course, locale: Locale): string[] {
	return [...new Set(course.lessons.flatMap((lesson) => chooseVersion(lesson, locale)?.lesson.competences ?? []))].sort(
		(a, b) => a.localeCompare(b, 'en', { numeric: true })
	);
}
