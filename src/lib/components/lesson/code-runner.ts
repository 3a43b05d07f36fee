/**
 * The page's side of the code-exercise sandbox (the other side is static/sandbox/runner.js).
 *
 * Learner code never runs in Lotse's origin: `SandboxRunner` puts /sandbox/runner.html into an
 * <iframe sandbox="allow-scripts"> (no allow-same-origin, so an opaque origin without cookies,
 * storage or access to this page) and talks to it with postMessage. Only messages from that
 * iframe's window, with the opaque origin "null", and of the expected shape are accepted.
 * Messages carry only the learner's code and the checks, never anything secret.
 */

export const RUN_TIME_LIMIT_MS = 2000;
/** How long the page waits beyond the time limit before it gives up on the iframe itself. */
const WATCHDOG_EXTRA_MS = 3000;
const READY_TIMEOUT_MS = 10000;
const MAX_OUTPUT_LINES = 1000;
const MAX_OUTPUT_LINE = 2001;

const READY = 'lotse-exercise-ready';
const RUN = 'lotse-exercise-run';
const RESULT = 'lotse-exercise-result';

export type RunStatus = 'ok' | 'syntax-error' | 'runtime-error' | 'timeout' | 'sandbox-error';

export interface RunRequest {
	language: 'js' | 'html';
	code: string;
	/** The checks' `test` expressions, in order. */
	tests: string[];
}

export interface RunError {
	name: string;
	message: string;
	/** Line in the learner's code, when the browser tells us. */
	line: number | null;
}

export interface RunResult {
	status: RunStatus;
	/** One entry per test: true when it passed. */
	passed: boolean[];
	/** What console.log printed (shortened for display when very long). */
	output: string[];
	outputTruncated: boolean;
	error: RunError | null;
}

export interface SandboxOptions {
	/** Element the iframe is put into (hidden for JS exercises, the preview for HTML). */
	container: HTMLElement;
	/** URL of runner.html, e.g. asset('/sandbox/runner.html'). */
	src: string;
	/** Accessible name of the iframe (translated). */
	title: string;
	/** Language of the lesson, for the preview document. */
	lang: string;
	timeLimitMs?: number;
}

const STATUSES: readonly RunStatus[] = ['ok', 'syntax-error', 'runtime-error', 'timeout', 'sandbox-error'];

function failed(count: number, status: RunStatus): RunResult {
	return {
		status,
		passed: Array.from({ length: count }, () => false),
		output: [],
		outputTruncated: false,
		error: null
	};
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null;
}

/**
 * Checks a message from the runner and turns it into a result; null when it is not the
 * answer to run `runId` with `testCount` tests. Exported for tests.
 */
export function parseRunnerResult(data: unknown, runId: number, testCount: number): RunResult | null {
	if (!isRecord(data) || data.type !== RESULT || data.runId !== runId) return null;
	const status = STATUSES.find((s) => s === data.status);
	if (!status) return null;
	const results = data.results;
	if (!Array.isArray(results) || results.length !== testCount || !results.every((r) => typeof r === 'boolean'))
		return null;
	const rawOutput = Array.isArray(data.output) ? data.output : [];
	const output = rawOutput
		.slice(0, MAX_OUTPUT_LINES)
		.map((line) => (typeof line === 'string' ? line.slice(0, MAX_OUTPUT_LINE) : ''));
	let error: RunError | null = null;
	if (isRecord(data.error)) {
		const { name, message, line } = data.error;
		error = {
			name: typeof name === 'string' ? name.slice(0, 100) : '',
			message: typeof message === 'string' ? message.slice(0, 1000) : '',
			line: typeof line === 'number' && Number.isInteger(line) && line >= 1 ? line : null
		};
	}
	return {
		status,
		// A run that did not finish cleanly passes nothing, whatever the message says.
		passed: status === 'ok' ? (results as boolean[]) : results.map(() => false),
		output,
		outputTruncated: data.outputTruncated === true || rawOutput.length > MAX_OUTPUT_LINES,
		error
	};
}

/** One sandbox iframe, created on first use and re-created if it ever stops answering. */
export class SandboxRunner {
	#options: SandboxOptions;
	#iframe: HTMLIFrameElement | null = null;
	#ready: Promise<boolean> | null = null;
	#onReady: (() => void) | null = null;
	#pending: { runId: number; testCount: number; finish: (result: RunResult) => void } | null = null;
	#nextRunId = 1;
	#destroyed = false;

	constructor(options: SandboxOptions) {
		this.#options = options;
		window.addEventListener('message', this.#onMessage);
	}

	/** Loads the iframe ahead of the first run (e.g. when the editor gets focus). */
	prepare(): void {
		if (!this.#destroyed) void this.#ensureFrame();
	}

	/** Runs code in the sandbox; always resolves, also on timeouts and errors. */
	async run(request: RunRequest): Promise<RunResult> {
		const testCount = request.tests.length;
		if (this.#destroyed) return failed(testCount, 'sandbox-error');
		this.#pending?.finish(failed(this.#pending.testCount, 'sandbox-error'));
		const ready = await this.#ensureFrame();
		const frame = this.#iframe?.contentWindow;
		if (!ready || !frame) {
			this.#removeFrame();
			return failed(testCount, 'sandbox-error');
		}
		const runId = this.#nextRunId++;
		const timeLimitMs = this.#options.timeLimitMs ?? RUN_TIME_LIMIT_MS;
		return new Promise<RunResult>((resolve) => {
			// The runner stops the worker itself after the time limit; this is for a runner
			// that does not answer at all.
			const watchdog = setTimeout(() => {
				this.#removeFrame();
				finish(failed(testCount, 'timeout'));
			}, timeLimitMs + WATCHDOG_EXTRA_MS);
			const finish = (result: RunResult) => {
				clearTimeout(watchdog);
				if (this.#pending?.runId === runId) this.#pending = null;
				resolve(result);
			};
			this.#pending = { runId, testCount, finish };
			// The iframe's origin is opaque, so "*" is the only possible target origin; the
			// message holds nothing but the learner's own code and the checks.
			frame.postMessage(
				{
					type: RUN,
					runId,
					language: request.language,
					code: request.code,
					tests: [...request.tests],
					timeLimitMs,
					lang: this.#options.lang,
					title: this.#options.title
				},
				'*'
			);
		});
	}

	destroy(): void {
		this.#destroyed = true;
		window.removeEventListener('message', this.#onMessage);
		this.#pending?.finish(failed(this.#pending.testCount, 'sandbox-error'));
		this.#removeFrame();
	}

	#ensureFrame(): Promise<boolean> {
		if (this.#ready) return this.#ready;
		const iframe = document.createElement('iframe');
		// allow-scripts only: no allow-same-origin, no forms, popups, modals or navigation
		// of the page.
		iframe.setAttribute('sandbox', 'allow-scripts');
		iframe.setAttribute('allow', '');
		iframe.referrerPolicy = 'no-referrer';
		iframe.title = this.#options.title;
		iframe.className = 'code-exercise__frame';
		this.#ready = new Promise<boolean>((resolve) => {
			const timer = setTimeout(() => {
				this.#onReady = null;
				resolve(false);
			}, READY_TIMEOUT_MS);
			this.#onReady = () => {
				clearTimeout(timer);
				this.#onReady = null;
				resolve(true);
			};
		});
		// Listen before the frame can load: the runner announces itself once it is ready.
		iframe.src = this.#options.src;
		this.#iframe = iframe;
		this.#options.container.replaceChildren(iframe);
		return this.#ready;
	}

	#removeFrame(): void {
		this.#iframe?.remove();
		this.#iframe = null;
		this.#ready = null;
		this.#onReady = null;
	}

	#onMessage = (event: MessageEvent): void => {
		const frame = this.#iframe?.contentWindow;
		// Only our own iframe, and only while it still has its opaque origin.
		if (!frame || event.source !== frame || event.origin !== 'null') return;
		const data: unknown = event.data;
		if (isRecord(data) && data.type === READY) {
			this.#onReady?.();
			return;
		}
		const pending = this.#pending;
		if (!pending) return;
		const result = parseRunnerResult(data, pending.runId, pending.testCount);
		if (result) pending.finish(result);
	};
}
