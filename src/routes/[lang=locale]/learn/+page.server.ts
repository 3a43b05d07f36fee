import { z } from 'zod';
import { DIGCOMP_AREAS, LEVELS } from '$lib/content/schema';
import { chooseVersion, courseLanguages, courseText, digcompArea, getCatalogue } from '$lib/server/learning/catalogue';
import { learnerStatuses } from '$lib/server/learning/learner';
import type { PageServerLoad } from './$types';

const filtersSchema = z.object({
	q: z
		.string()
		.max(100)
		.catch('')
		.transform((q) => q.trim()),
	area: z.enum(DIGCOMP_AREAS).or(z.literal('')).catch(''),
	level: z.enum(LEVELS).or(z.literal('')).catch('')
});

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

export const load: PageServerLoad = async (event) => {
	const { locale } = event.locals;
	const params = event.url.searchParams;
	const filters = filtersSchema.parse({
		q: params.get('q') ?? '',
		area: params.get('area') ?? '',
		level: params.get('level') ?? ''
	});
	const catalogue = getCatalogue();
	const statuses = await learnerStatuses(event);

	const courses = catalogue.courses.map((course) => {
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

	const filtering = Boolean(filters.q || filters.area || filters.level);
	const words = fold(filters.q).split(/\s+/).filter(Boolean);
	const lessons = !filtering
		? []
		: catalogue.courses.flatMap((course) =>
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

	return { filters, filtering, courses, lessons };
};
