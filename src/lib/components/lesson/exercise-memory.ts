/**
 * The last code a learner ran in a code exercise, and what came of it, kept in this browser
 * (localStorage), so that a solved exercise is still solved after a reload or the next
 * visit. The same for guests and for people with an account: code runs only in the browser,
 * so the browser keeps it; nothing of it is sent to the server. When storage is refused
 * (private windows, full, switched off) the exercise simply starts fresh.
 */
import type { RunResult, RunStatus } from './code-runner';

export interface RememberedRun {
	code: string;
	result: RunResult;
}

const PREFIX = 'lotse.exercise.';
/** Long outputs are cut; a kept run is never more than this (characters of JSON). */
const MAX_LENGTH = 100_000;
const STATUSES: readonly RunStatus[] = ['ok', 'syntax-error', 'runtime-error', 'timeout', 'sandbox-error'];

export function rememberRun(key: string, run: RememberedRun): void {
	try {
		const text = JSON.stringify(run);
		if (text.length <= MAX_LENGTH) localStorage.setItem(PREFIX + key, text);
		else localStorage.removeItem(PREFIX + key);
	} catch {
		// Storage refused: nothing is kept.
	}
}

/** The run kept for key, if what is stored has the shape of one (else null). */
export function recallRun(key: string, checks: number): RememberedRun | null {
	let value: unknown;
	try {
		value = JSON.parse(localStorage.getItem(PREFIX + key) ?? 'null');
	} catch {
		return null;
	}
	if (!value || typeof value !== 'object') return null;
	const { code, result } = value as Partial<RememberedRun>;
	if (typeof code !== 'string' || !result || typeof result !== 'object') return null;
	const valid =
		STATUSES.includes(result.status) &&
		Array.isArray(result.passed) &&
		result.passed.length === checks &&
		result.passed.every((passed) => typeof passed === 'boolean') &&
		Array.isArray(result.output) &&
		result.output.every((line) => typeof line === 'string');
	if (!valid) return null;
	const error = result.error && typeof result.error === 'object' ? result.error : null;
	return { code, result: { ...result, outputTruncated: Boolean(result.outputTruncated), error } };
}
