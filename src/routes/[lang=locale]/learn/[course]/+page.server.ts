import { chooseVersion, courseLanguages, courseText, findCourse } from '$lib/server/learning/catalogue';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { locale, user } = event.locals;
	const course = findCourse(event.params.course);
	const statuses = await event.locals.progress.statuses();
	const lessons = course.lessons.flatMap((lesson) => {
		const version = chooseVersion(lesson, locale);
		if (!version) return [];
		const { title, summary, minutes, level } = version.lesson;
		return [
			{
				id: lesson.id,
				title,
				summary,
				minutes,
				level,
				contentLocale: version.contentLocale,
				status: statuses.get(lesson.key) ?? 'notStarted'
			}
		];
	});
	const complete = lessons.every((lesson) => lesson.status === 'completed');
	const resume =
		lessons.find((lesson) => lesson.status === 'started') ?? lessons.find((lesson) => lesson.status === 'notStarted');
	return {
		course: { id: course.id, ...courseText(course, locale), languages: courseLanguages(course) },
		lessons,
		complete,
		resume: resume && lessons.some((lesson) => lesson.status !== 'notStarted') ? resume : null,
		signedIn: Boolean(user)
	};
};
