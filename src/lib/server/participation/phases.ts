/**
 * Which participation phase a project is in. Worked out from the dated phases on every
 * request, so a phase opens and closes by its date without a restart or a job.
 */
import type { PhaseKind } from './rules.ts';

export interface PhaseDates {
	kind: PhaseKind;
	startsAt: Date | null;
	endsAt: Date | null;
}

export interface CurrentPhase {
	kind: PhaseKind;
	/** When the phase in force ends, if it has an end. */
	endsAt: Date | null;
	/** The next phase that has a start date still ahead, for "supports open on …". */
	next: { kind: PhaseKind; startsAt: Date } | null;
}

/**
 * The phase in force at `now`: among the phases that have started (no start date: from the
 * beginning) and not yet ended, the one that started last. None in force: information only.
 */
export function currentPhase(phases: readonly PhaseDates[], now: Date): CurrentPhase {
	const time = now.getTime();
	let inForce: PhaseDates | null = null;
	for (const phase of phases) {
		const started = phase.startsAt === null || phase.startsAt.getTime() <= time;
		const ended = phase.endsAt !== null && phase.endsAt.getTime() <= time;
		if (!started || ended) continue;
		if (!inForce || (phase.startsAt?.getTime() ?? -Infinity) >= (inForce.startsAt?.getTime() ?? -Infinity)) {
			inForce = phase;
		}
	}
	let next: CurrentPhase['next'] = null;
	for (const phase of phases) {
		if (phase.startsAt && phase.startsAt.getTime() > time && (!next || phase.startsAt < next.startsAt)) {
			next = { kind: phase.kind, startsAt: phase.startsAt };
		}
	}
	return { kind: inForce?.kind ?? 'information', endsAt: inForce?.endsAt ?? null, next };
}

/** Comments are open in the discussion phase. */
export const commentsOpen = (phase: PhaseKind): boolean => phase === 'discussion';
/** Supports are open in the support phase. */
export const supportsOpen = (phase: PhaseKind): boolean => phase === 'support';
