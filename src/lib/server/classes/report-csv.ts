/**
 * The class report as a CSV file for spreadsheet programs: UTF-8 with a byte order mark, so
 * that umlauts and Arabic names open correctly, headers in the reader's language, one row per
 * learner. Names are written by people: a cell that a spreadsheet would take for a formula
 * (=, +, -, @, tab, carriage return first) is prefixed with an apostrophe.
 */
import { stringify } from 'csv-stringify/sync';
import type { Translate } from '../../i18n/translator.ts';
import type { ReasonView, ReportView } from './report-view.ts';

export const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

export function guardCell(value: string): string {
	return FORMULA_START.test(value) ? `'${value}` : value;
}

export function reasonText(reason: ReasonView, t: Translate): string {
	switch (reason.kind) {
		case 'failedAttempts':
			return t('reports.reasons.failedAttempts', {
				failures: reason.failures,
				quiz: reason.quiz.text,
				lesson: reason.lesson.text
			});
		case 'inactive':
			return t('reports.reasons.inactive', { days: reason.days });
		case 'overdue':
			return t('reports.reasons.overdue', { lessons: reason.lessons.map((lesson) => lesson.text).join(', ') });
	}
}

/** `formatDate` writes a time the way the reader's language does. */
export function reportCsv(report: ReportView, t: Translate, formatDate: (date: Date) => string): string {
	const header = [
		t('reports.learner'),
		t('reports.username'),
		...report.lessons.flatMap((lesson) => [
			`${lesson.title.text}: ${t('reports.csv.status')}`,
			`${lesson.title.text}: ${t('reports.csv.bestScore')}`
		]),
		t('reports.lastActivity'),
		t('reports.needsHelp')
	];
	const rows = report.rows.map((row) => [
		row.name,
		row.username,
		...row.cells.flatMap((cell) => [
			t(`reports.status.${cell.status}`) + (cell.overdue ? ` (${t('reports.overdue')})` : ''),
			cell.bestScore === null ? '' : String(cell.bestScore)
		]),
		row.lastActivity ? formatDate(row.lastActivity) : t('reports.noActivity'),
		row.needsHelp.map((reason) => reasonText(reason, t)).join('; ')
	]);
	return (
		BOM +
		stringify(
			[header, ...rows].map((cells) => cells.map(guardCell)),
			{ record_delimiter: '\r\n' }
		)
	);
}
