/**
 * The public moderation statistics, per calendar month (UTC): reports received, posts
 * hidden (hidden after reports, or rejected in first-post review), posts restored on appeal,
 * and the median time from a question arising (first report, submission for review, appeal)
 * to its decision. Counts only: nothing about who reported, posted or decided.
 */
import { and, eq, gte, isNotNull } from 'drizzle-orm';
import type { Db } from '../db/database.ts';

export interface MonthStatistics {
	/** "2026-03" */
	month: string;
	reports: number;
	hidden: number;
	restoredOnAppeal: number;
	decisions: number;
	/** Median hours from opened to decided over the month's decisions; null without decisions. */
	medianHoursToDecision: number | null;
}

export const STATISTICS_MONTHS = 12;

const monthOf = (date: Date) => date.toISOString().slice(0, 7);

export function median(values: readonly number[]): number | null {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The last `months` calendar months up to `now`, newest first, each with its numbers (zeros included). */
export async function moderationStatistics(
	db: Db,
	now = new Date(),
	months = STATISTICS_MONTHS
): Promise<MonthStatistics[]> {
	const since = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (months - 1), 1));
	const { moderationReports: reports, moderationDecisions: decisions, moderationAppeals: appeals } = db.t;
	const [reportRows, decisionRows, restoredRows] = await Promise.all([
		db.orm.select({ at: reports.createdAt }).from(reports).where(gte(reports.createdAt, since)),
		db.orm
			.select({ action: decisions.action, openedAt: decisions.openedAt, decidedAt: decisions.decidedAt })
			.from(decisions)
			.where(gte(decisions.decidedAt, since)),
		db.orm
			.select({ at: appeals.decidedAt })
			.from(appeals)
			.where(and(eq(appeals.outcome, 'restored'), isNotNull(appeals.decidedAt), gte(appeals.decidedAt, since)))
	]);
	const table = new Map<string, MonthStatistics & { hours: number[] }>();
	for (let i = 0; i < months; i++) {
		const month = monthOf(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1)));
		table.set(month, {
			month,
			reports: 0,
			hidden: 0,
			restoredOnAppeal: 0,
			decisions: 0,
			medianHoursToDecision: null,
			hours: []
		});
	}
	for (const row of reportRows) {
		const entry = table.get(monthOf(row.at));
		if (entry) entry.reports++;
	}
	for (const row of decisionRows) {
		const entry = table.get(monthOf(row.decidedAt));
		if (!entry) continue;
		entry.decisions++;
		if (row.action === 'hide' || row.action === 'reject') entry.hidden++;
		entry.hours.push((row.decidedAt.getTime() - row.openedAt.getTime()) / 3_600_000);
	}
	for (const row of restoredRows) {
		const entry = row.at ? table.get(monthOf(row.at)) : undefined;
		if (entry) entry.restoredOnAppeal++;
	}
	return [...table.values()].map(({ hours, ...month }) => {
		const value = median(hours);
		return { ...month, medianHoursToDecision: value === null ? null : Math.round(value * 10) / 10 };
	});
}
