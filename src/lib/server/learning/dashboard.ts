/**
 * The learner's dashboard: courses begun, where to continue, and for accounts the latest
 * quiz results, certificates and the DigComp skills profile (guests keep only progress).
 */
import type { Locale } from '../../i18n/locales.ts';
import type { Db } from '../db/database.ts';
import { chooseVersion, courseText, courseTitle, getCatalogue } from './catalogue.ts';
import { certificatesOf } from './certificates.ts';
import { resumeLesson } from './learner.ts';
import type { ProgressStore } from './progress-store.ts';
import { recentQuizAttempts } from './progress.ts';
import { skillsProfile } from './self-check.ts';

export async function learnerDashboard(db: Db, progress: ProgressStore, userId: string | null, locale: Locale) {
	const catalogue = getCatalogue();
	const statuses = await progress.statuses();
	const lessonTitle = (key: string) => {
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
	const resume = await resumeLesson(progress, locale);
	if (!userId) return { courses, resume, results: [], certificates: [], profile: [] };

	// Each result names its question (several come from one lesson), then the lesson.
	const results = (await recentQuizAttempts(db, userId, 8)).map((attempt) => {
		const lesson = catalogue.lesson(attempt.lessonKey);
		const chosen = lesson ? chooseVersion(lesson, locale) : null;
		const question = chosen?.lesson.quizzes.find((quiz) => quiz.id === attempt.quizId)?.question;
		return {
			quiz: question ?? lessonTitle(attempt.lessonKey),
			lesson: lessonTitle(attempt.lessonKey),
			contentLang: chosen?.contentLocale === 'de-easy' ? 'de' : (chosen?.contentLocale ?? locale),
			score: attempt.score,
			at: attempt.createdAt
		};
	});
	const certificates = (await certificatesOf(db, userId)).map((certificate) => ({
		courseId: certificate.courseId,
		title: courseTitle(certificate.courseId, locale)
	}));
	const profile = [...(await skillsProfile(db, userId))].sort(([a], [b]) =>
		a.localeCompare(b, 'en', { numeric: true })
	);
	return { courses, resume, results, certificates, profile };
}
