import { chooseVersion, courseText, getCatalogue } from '$lib/server/learning/catalogue';
import { learnerStatuses, resumeLesson } from '$lib/server/learning/learner';
import { recentQuizAttempts } from '$lib/server/learning/progress';
import { skillsProfile } from '$lib/server/learning/self-check';
import { eq } from 'drizzle-orm';
import type { PageServerLoad } from './$types';

/** The learner's dashboard: for guests from their cookie, for accounts from the database. */
export const load: PageServerLoad = async (event) => {
	const { locale, user, db } = event.locals;
	const catalogue = getCatalogue();
	const statuses = await learnerStatuses(event);
	const titleOf = (key: string) => {
		const lesson = catalogue.lesson(key);
		return lesson ? (chooseVersion(lesson, locale)?.lesson.title ?? key) : key;
	};

	const courses = catalogue.courses
		.map((course) => ({
			id: course.id,
			title: courseText(course, locale).title,
			done: course.lessons.filter((l) => statuses.get(l.key) === 'completed').length,
			touched: course.lessons.some((l) => statuses.has(l.key)),
			total: course.lessons.length
		}))
		.filter((course) => course.touched);

	const resume = await resumeLesson(event);

	const results = user
		? (await recentQuizAttempts(db, user.id, 8)).map((a) => ({
				lesson: titleOf(a.lessonKey),
				score: a.score,
				at: a.createdAt
			}))
		: [];
	const certificates = user
		? (await db.orm.select().from(db.t.certificates).where(eq(db.t.certificates.userId, user.id))).map((c) => ({
				courseId: c.courseId,
				title: catalogue.course(c.courseId) ? courseText(catalogue.course(c.courseId)!, locale).title : c.courseId
			}))
		: [];
	const profile = user
		? [...(await skillsProfile(db, user.id))].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
		: [];

	return { courses, resume, results, certificates, profile, signedIn: Boolean(user) };
};
