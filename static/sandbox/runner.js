/*
 * Lotse's sandbox for code exercises (loaded by runner.html, which lesson pages embed in an
 * <iframe sandbox="allow-scripts">). The parent page is src/lib/components/lesson/code-runner.ts.
 *
 * Messages (nothing secret is ever in them):
 *   runner → page  { type: 'lotse-exercise-ready' }
 *   page → runner  { type: 'lotse-exercise-run', runId, language: 'js' | 'html', code, tests,
 *                    timeLimitMs, lang, title }
 *   runner → page  { type: 'lotse-exercise-result', runId, status, results, output,
 *                    outputTruncated, error }
 *   status: 'ok' | 'syntax-error' | 'runtime-error' | 'timeout' | 'sandbox-error'
 *
 * JavaScript runs in a Web Worker made from a Blob, one fresh worker per run, so an endless
 * loop only blocks that worker, which is terminated after the time limit. HTML is parsed
 * inertly and shown in this document; its scripts never run (and the CSP forbids inline
 * scripts and event-handler attributes anyway).
 */
(function () {
	'use strict';

	var READY = 'lotse-exercise-ready';
	var RUN = 'lotse-exercise-run';
	var RESULT = 'lotse-exercise-result';
	var MAX_TESTS = 20;
	var MAX_CODE = 100000;
	var MAX_TEST = 2000;
	var MAX_SHOWN_LINES = 1000;
	var MAX_SHOWN_LINE = 2000;

	// Only ever work inside a sandboxed frame with an opaque origin, embedded by a Lotse page.
	// Anyone may embed /sandbox/runner.html; without the sandbox attribute it would run in
	// Lotse's own origin, so then it does nothing at all.
	if (self.origin !== 'null' || window.parent === window) return;
	// The page's origin (location keeps the URL's origin even though this document's is opaque).
	var pageOrigin = location.origin;

	/* ---------------------------------------------------------------- worker ---------- */

	/** The worker's whole program. It is turned into a string, so it must not use closures. */
	function workerMain() {
		'use strict';
		var MAX_LINES = 10000;
		var SHOWN_LINES = 1000;
		var SHOWN_LINE = 2000;
		var post = self.postMessage.bind(self);
		var FunctionConstructor = Function;

		function text(value) {
			if (typeof value === 'string') return value;
			try {
				return String(value);
			} catch {
				return Object.prototype.toString.call(value);
			}
		}

		function describe(error, codeLines) {
			var name = '';
			var message = '';
			var line = null;
			try {
				if (error !== null && (typeof error === 'object' || typeof error === 'function')) {
					name = text(error.name);
					message = text(error.message);
					// V8: "<anonymous>:4:7"; Firefox: "> Function:4:7". The learner's first
					// line is the wrapper's fourth (see `body` below).
					var match = /(?:<anonymous>|> Function):(\d+):\d+/.exec(text(error.stack));
					if (match) {
						var n = Number(match[1]) - 3;
						if (n >= 1 && n <= codeLines) line = n;
					}
				} else {
					message = text(error);
				}
			} catch {
				// A getter that throws: keep what we have.
			}
			return { name: name.slice(0, 100), message: message.slice(0, 1000), line: line };
		}

		self.onmessage = function (event) {
			self.onmessage = null;
			var data = event.data;
			var token = data.token;
			var code = data.code;
			var codeLines = code.split('\n').length;
			var output = [];
			var truncated = false;

			function print() {
				if (output.length >= MAX_LINES) {
					truncated = true;
					return;
				}
				var parts = [];
				for (var i = 0; i < arguments.length; i++) parts.push(text(arguments[i]));
				output.push(parts.join(' '));
			}
			var fakeConsole = {};
			Object.getOwnPropertyNames(self.console).forEach(function (key) {
				fakeConsole[key] = function () {};
			});
			['log', 'info', 'warn', 'error', 'debug'].forEach(function (key) {
				fakeConsole[key] = print;
			});
			try {
				self.console = fakeConsole;
			} catch {
				// Not writable here: the `console` parameter below still catches console.log.
			}

			function shown() {
				var lines = output.slice(0, SHOWN_LINES).map(function (l) {
					return l.length > SHOWN_LINE ? l.slice(0, SHOWN_LINE) + '…' : l;
				});
				return {
					output: lines,
					outputTruncated:
						truncated ||
						output.length > SHOWN_LINES ||
						lines.some(function (l, i) {
							return l !== output[i];
						})
				};
			}

			// 1. The learner's code alone, so a syntax error is reported as theirs.
			try {
				new FunctionConstructor(code);
			} catch (error) {
				post({ token: token, status: 'syntax-error', error: describe(error, codeLines) });
				return;
			}
			// 2. Each check alone; a check that does not compile counts as not passed.
			var checks = data.tests.map(function (test) {
				try {
					new FunctionConstructor('return !!(' + test + '\n);');
				} catch {
					return 'false';
				}
				return '(function () { try { return !!(' + test + '\n); } catch { return false; } })()';
			});
			// 3. Code and checks in one function, so checks see top-level let/const/function.
			var body = 'return function () {\n' + code + '\n;return [' + checks.join(',\n') + '];\n};';
			var results;
			try {
				results = new FunctionConstructor('output', 'console', body)(output, fakeConsole)();
			} catch (error) {
				var o = shown();
				post({
					token: token,
					status: 'runtime-error',
					error: describe(error, codeLines),
					output: o.output,
					outputTruncated: o.outputTruncated
				});
				return;
			}
			var s = shown();
			post({ token: token, status: 'ok', results: results, output: s.output, outputTruncated: s.outputTruncated });
		};
	}

	var workerUrl = URL.createObjectURL(new Blob(['(' + workerMain.toString() + ')();'], { type: 'text/javascript' }));
	var stopCurrent = null;

	function stop() {
		if (stopCurrent) stopCurrent();
		stopCurrent = null;
	}

	function token() {
		var bytes = new Uint8Array(16);
		crypto.getRandomValues(bytes);
		return Array.prototype.map
			.call(bytes, function (b) {
				return b.toString(16).padStart(2, '0');
			})
			.join('');
	}

	function cleanOutput(value) {
		if (!Array.isArray(value)) return [];
		return value.slice(0, MAX_SHOWN_LINES).map(function (l) {
			return typeof l === 'string' ? l.slice(0, MAX_SHOWN_LINE + 1) : '';
		});
	}

	function cleanError(value) {
		if (!value || typeof value !== 'object') return { name: '', message: '', line: null };
		return {
			name: typeof value.name === 'string' ? value.name.slice(0, 100) : '',
			message: typeof value.message === 'string' ? value.message.slice(0, 1000) : '',
			line: typeof value.line === 'number' && value.line >= 1 ? Math.floor(value.line) : null
		};
	}

	function runJs(request, reply) {
		stop();
		var secret = token();
		var failed = request.tests.map(function () {
			return false;
		});
		var finished = false;
		var worker;
		var timer;
		function finish(result) {
			if (finished) return;
			finished = true;
			clearTimeout(timer);
			worker.terminate();
			stopCurrent = null;
			if (result) reply(result);
		}
		try {
			worker = new Worker(workerUrl);
		} catch {
			reply({ status: 'sandbox-error', results: failed });
			return;
		}
		stopCurrent = function () {
			finish(null);
		};
		timer = setTimeout(function () {
			finish({ status: 'timeout', results: failed });
		}, request.timeLimitMs);
		worker.onmessage = function (event) {
			var data = event.data;
			if (!data || typeof data !== 'object' || data.token !== secret) return;
			var ok = data.status === 'ok' && Array.isArray(data.results) && data.results.length === failed.length;
			finish({
				status: ok ? 'ok' : data.status === 'syntax-error' ? 'syntax-error' : 'runtime-error',
				results: ok
					? data.results.map(function (r) {
							return r === true;
						})
					: failed,
				output: cleanOutput(data.output),
				outputTruncated: data.outputTruncated === true,
				error: ok ? null : cleanError(data.error)
			});
		};
		worker.onerror = function (event) {
			event.preventDefault();
			finish({ status: 'sandbox-error', results: failed });
		};
		worker.postMessage({ token: secret, code: request.code, tests: request.tests });
	}

	/* ---------------------------------------------------------------- HTML ------------ */

	// Elements that could load something, navigate this frame, or that make no sense here.
	var DROPPED = 'script, meta, base, link, iframe, frame, frameset, object, embed, portal, applet';

	function runHtml(request, reply) {
		stop();
		var template = document.createElement('template');
		template.innerHTML = request.code; // inert: nothing loads or runs while parsing
		template.content.querySelectorAll(DROPPED).forEach(function (el) {
			el.remove();
		});
		document.body.replaceChildren(template.content);
		var output = [];
		var results = request.tests.map(function (test) {
			try {
				return new Function('document', 'output', 'return !!(' + test + '\n);')(document, output) === true;
			} catch {
				return false;
			}
		});
		reply({ status: 'ok', results: results });
	}

	// Links and forms in the preview stay put: the frame must keep showing the learner's page.
	document.addEventListener(
		'click',
		function (event) {
			var target = event.target;
			if (target instanceof Element && target.closest('a[href], area[href]')) event.preventDefault();
		},
		true
	);
	document.addEventListener(
		'submit',
		function (event) {
			event.preventDefault();
		},
		true
	);

	/* ---------------------------------------------------------------- messages -------- */

	function parseRequest(data) {
		if (!data || typeof data !== 'object' || data.type !== RUN) return null;
		if (typeof data.runId !== 'number' || (data.language !== 'js' && data.language !== 'html')) return null;
		if (typeof data.code !== 'string' || data.code.length > MAX_CODE) return null;
		if (!Array.isArray(data.tests) || data.tests.length > MAX_TESTS) return null;
		if (
			!data.tests.every(function (t) {
				return typeof t === 'string' && t.length <= MAX_TEST;
			})
		)
			return null;
		var limit = typeof data.timeLimitMs === 'number' && isFinite(data.timeLimitMs) ? data.timeLimitMs : 2000;
		return {
			runId: data.runId,
			language: data.language,
			code: data.code,
			tests: data.tests.slice(),
			timeLimitMs: Math.min(Math.max(limit, 100), 10000),
			lang: typeof data.lang === 'string' && /^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(data.lang) ? data.lang : null,
			title: typeof data.title === 'string' ? data.title.slice(0, 200) : null
		};
	}

	window.addEventListener('message', function (event) {
		if (event.source !== window.parent || event.origin !== pageOrigin) return;
		var request = parseRequest(event.data);
		if (!request) return;
		if (request.lang) document.documentElement.lang = request.lang;
		if (request.title) document.title = request.title;
		var reply = function (result) {
			var message = {
				type: RESULT,
				runId: request.runId,
				status: result.status,
				results: result.results,
				output: result.output || [],
				outputTruncated: result.outputTruncated === true,
				error: result.error || null
			};
			// The page's origin is known and checked above, so the answer goes only there.
			window.parent.postMessage(message, pageOrigin);
		};
		if (request.language === 'js') runJs(request, reply);
		else runHtml(request, reply);
	});

	window.parent.postMessage({ type: READY }, pageOrigin);
})();
