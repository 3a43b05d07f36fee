/**
 * When a learner may need their instructor's help, and why. Pure rules over what the report
 * has already read, so they are the same for the instructor's report and the learner's own page.
 */
import { CERTIFICATE_PASS_SCORE } from '../learning/certificates.ts';

/** An attempt below the score that counts as passed (the certificates' rule) is a failed one. */
export const PASS_SCORE = CERTIFICATE_PASS_SCORE;
/** This many failed attempts on one quiz not passed since: the learner may be stuck on it. */
export const FAILED_ATTEMPTS_FOR_HELP = 3;
/** This many days without activity while a lesson is still open. */
export const INACTIVE_DAYS_FOR_HELP = 14;
const DAY_MS = 86_400_000;

export type NeedsHelpReason =
	| { kind: 'failedAttempts'; lessonKey: string; quizId: string; failures: number }
	| { kind: 'inactive'; days: number }
	| { kind: 'overdue'; lessonKeys: string[] };

export interface QuizRecord {
	lessonKey: string;
	quizId: string;
	best: number;
	failures: number;
}

export interface LessonState {
	lessonKey: string;
	done: boolean;
	dueAt: Date | null;
	/** When the lesson was first assigned to the class. */
	assignedAt: Date;
}

export function needsHelp(
	learner: { joinedAt: Date; lastActivity: Date | null; quizzes: QuizRecord[]; lessons: LessonState[] },
	now: Date
): NeedsHelpReason[] {
	const reasons: NeedsHelpReason[] = [];
	for (const quiz of learner.quizzes) {
		if (quiz.failures >= FAILED_ATTEMPTS_FOR_HELP && quiz.best < PASS_SCORE)
			reasons.push({ kind: 'failedAttempts', lessonKey: quiz.lessonKey, quizId: quiz.quizId, failures: quiz.failures });
	}
	const open = learner.lessons.filter((lesson) => !lesson.done);
	if (open.length > 0) {
		// Quiet time counts from the latest of: the last activity, joining, the first open lesson assigned.
		const firstAssigned = Math.min(...open.map((lesson) => lesson.assignedAt.getTime()));
		const since = Math.max(learner.lastActivity?.getTime() ?? 0, learner.joinedAt.getTime(), firstAssigned);
		const days = Math.floor((now.getTime() - since) / DAY_MS);
		if (days >= INACTIVE_DAYS_FOR_HELP) reasons.push({ kind: 'inactive', days });
	}
	const overdue = open.filter((lesson) => lesson.dueAt && lesson.dueAt < now).map((lesson) => lesson.lessonKey);
	if (overdue.length > 0) reasons.push({ kind: 'overdue', lessonKeys: overdue });
	return reasons;
}
