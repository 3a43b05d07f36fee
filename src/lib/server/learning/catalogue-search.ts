/**
 * The catalogue page: every course with the reader's progress, and the lessons matching a
 * search (words in title or summary, ignoring case and accents; DigComp area; level).
 */
import { z } from 'zod';
import { DIGCOMP_AREAS, LEVELS } from '../../content/schema.ts';
import type { Locale } from '../../i18n/locales.ts';
import { chooseVersion, courseLanguages, courseText, digcompArea, getCatalogue } from './catalogue.ts';
import type { LessonStatus } from './progress.ts';

/** The search form's query parameters; anything unexpected means "no filter". */
export const catalogueFilters = z.object({
	q: z
		.string()
		.max(100)
		.catch('')
		.transform((q) => q.trim()),
	area: z.enum(DIGCOMP_AREAS).or(z.literal('')).catch(''),
	level: z.enum(LEVELS).or(z.literal('')).catch('')
});
export type CatalogueFilters = z.output<typeof catalogueFilters>;

export function readCatalogueFilters(params: URLSearchParams): CatalogueFilters {
	return catalogueFilters.parse({
		q: params.get('q') ?? '',
		area: params.get('area') ?? '',
		level: params.get('level') ?? ''
	});
}

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

export const isFiltering = (filters: CatalogueFilters) => Boolean(filters.q || filters.area || filters.level);

/** Every course as the catalogue lists it, with how many of its lessons the reader completed. */
export function courseOverviews(locale: Locale, statuses: Map<string, LessonStatus>) {
	return getCatalogue().courses.map((course) => {
		const text = courseText(course, locale);
		const versions = course.lessons
			.map((lesson) => chooseVersion(lesson, locale)?.lesson)
			.filter((l) => l !== undefined);
		return {
			id: course.id,
			title: text.title,
			summary: text.summary,
			languages: courseLanguages(course),
			lessonCount: course.lessons.length,
			minutes: versions.reduce((sum, lesson) => sum + lesson.minutes, 0),
			done: course.lessons.filter((lesson) => statuses.get(lesson.key) === 'completed').length,
			areas: [...new Set(versions.flatMap((lesson) => lesson.competences.map(digcompArea)))].sort()
		};
	});
}

/** The lessons matching the filters (none when nothing is filtered), in catalogue order. */
export function searchLessons(filters: CatalogueFilters, locale: Locale, statuses: Map<string, LessonStatus>) {
	if (!isFiltering(filters)) return [];
	const words = fold(filters.q).split(/\s+/).filter(Boolean);
	return getCatalogue().courses.flatMap((course) =>
		course.lessons.flatMap((lesson) => {
			const version = chooseVersion(lesson, locale);
			if (!version) return [];
			const { title, summary, level, minutes, competences } = version.lesson;
			const haystack = fold(`${title} ${summary}`);
			if (words.some((word) => !haystack.includes(word))) return [];
			if (filters.area && !competences.some((c) => digcompArea(c) === filters.area)) return [];
			if (filters.level && level !== filters.level) return [];
			return [
				{
					path: `/learn/${lesson.key}`,
					title,
					summary,
					level,
					minutes,
					contentLocale: version.contentLocale,
					course: courseText(course, locale).title,
					status: statuses.get(lesson.key) ?? null
				}
			];
		})
	);
}
