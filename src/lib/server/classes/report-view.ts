/**
 * The report in the reader's language: lesson titles and quiz questions from the catalogue,
 * each with the language it is written in (a lesson not translated yet shows in English or
 * German). Pages and the CSV export read the same view.
 */
import type { Locale } from '../../i18n/locales.ts';
import { chooseVersion, getCatalogue, type Catalogue } from '../learning/catalogue.ts';
import type { NeedsHelpReason } from './needs-help.ts';
import type { ClassReport, LearnerDetails, ReportRow } from './report.ts';

export interface LocalText {
	text: string;
	lang: string;
}

export type ReasonView =
	| { kind: 'failedAttempts'; failures: number; quiz: LocalText; lesson: LocalText }
	| { kind: 'inactive'; days: number }
	| { kind: 'overdue'; lessons: LocalText[] };

export function lessonText(key: string, locale: Locale, catalogue: Catalogue = getCatalogue()): LocalText {
	const lesson = catalogue.lesson(key);
	const chosen = lesson ? chooseVersion(lesson, locale) : null;
	if (!chosen) return { text: key, lang: 'en' };
	return { text: chosen.lesson.title, lang: chosen.contentLocale === 'de-easy' ? 'de' : chosen.contentLocale };
}

export function quizText(lessonKey: string, quizId: string, locale: Locale, catalogue = getCatalogue()): LocalText {
	const lesson = catalogue.lesson(lessonKey);
	const chosen = lesson ? chooseVersion(lesson, locale) : null;
	const question = chosen?.lesson.quizzes.find((quiz) => quiz.id === quizId)?.question;
	if (!chosen || !question) return { text: quizId, lang: 'en' };
	return { text: question, lang: chosen.contentLocale === 'de-easy' ? 'de' : chosen.contentLocale };
}

function reasonView(reason: NeedsHelpReason, locale: Locale, catalogue: Catalogue): ReasonView {
	switch (reason.kind) {
		case 'failedAttempts':
			return {
				kind: 'failedAttempts',
				failures: reason.failures,
				quiz: quizText(reason.lessonKey, reason.quizId, locale, catalogue),
				lesson: lessonText(reason.lessonKey, locale, catalogue)
			};
		case 'inactive':
			return reason;
		case 'overdue':
			return { kind: 'overdue', lessons: reason.lessonKeys.map((key) => lessonText(key, locale, catalogue)) };
	}
}

export function rowView(row: ReportRow, locale: Locale, catalogue: Catalogue = getCatalogue()) {
	return { ...row, needsHelp: row.needsHelp.map((reason) => reasonView(reason, locale, catalogue)) };
}

export type ReportRowView = ReturnType<typeof rowView>;

export function reportView(report: ClassReport, locale: Locale, catalogue: Catalogue = getCatalogue()) {
	return {
		summary: report.summary,
		lessons: report.lessons.map((lesson) => ({
			lessonKey: lesson.lessonKey,
			title: lessonText(lesson.lessonKey, locale, catalogue),
			dueAt: lesson.dueAt
		})),
		rows: report.rows.map((row) => rowView(row, locale, catalogue))
	};
}

export type ReportView = ReturnType<typeof reportView>;

export function detailsView(details: LearnerDetails, locale: Locale, catalogue: Catalogue = getCatalogue()) {
	return {
		...details,
		quizzes: details.quizzes.map((quiz) => ({
			...quiz,
			quiz: quizText(quiz.lessonKey, quiz.quizId, locale, catalogue),
			lesson: lessonText(quiz.lessonKey, locale, catalogue)
		}))
	};
}

export type LearnerDetailsView = ReturnType<typeof detailsView>;
