/**
 * What src/routes offers, read from the files themselves: every page (a folder with
 * +page.svelte or +page.server.ts, answered by GET), every endpoint method (the `GET`,
 * `POST`… exports of +server.ts) and every form action (the keys of `export const actions`
 * in +page.server.ts). The authorization matrix (tests/e2e/authorization-matrix.spec.ts)
 * fails when this finds something its table does not list.
 *
 * Actions are read from the source, not by loading the modules (they import the app's
 * server code and SvelteKit's aliases). The reader understands the forms Lotse uses:
 * `{ default: save }`, `{ texts, result }`, `{ name: (event) => …, async other(event) {…} }`,
 * quoted keys, and spreads of a helper's result (`...discussionActions(resolveTarget)`),
 * which it follows to the helper's `return { … }`. Anything else (`actions = buildActions()`,
 * a spread of a variable, a computed key) throws, so a new shape fails loudly instead of
 * hiding actions. tests/unit/route-inventory.test.ts checks the reader.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export interface RouteEntry {
	/** The route id as SvelteKit writes it, e.g. "/[lang=locale]/account". */
	route: string;
	/** GET for a page, POST for a form action, an endpoint's exported method. */
	method: string;
	/** The form action's name ("default" for the unnamed one). */
	action?: string;
}

/** "GET /[lang=locale]/account", "POST /[lang=locale]/account ?/password": how the matrix names a row. */
export const entryKey = (entry: RouteEntry) =>
	`${entry.method} ${entry.route}${entry.action === undefined ? '' : ` ?/${entry.action}`}`;

const ENDPOINT_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'fallback'];

/** Every page, endpoint method and form action under `routesDir`. */
export function routeInventory(routesDir: string, libDir: string): RouteEntry[] {
	const entries: RouteEntry[] = [];
	const walk = (dir: string) => {
		const files = readdirSync(dir);
		const route = '/' + relative(routesDir, dir).split(/[\\/]/).filter(Boolean).join('/');
		if (files.includes('+page.svelte') || files.includes('+page.server.ts')) entries.push({ route, method: 'GET' });
		if (files.includes('+page.server.ts')) {
			const path = join(dir, '+page.server.ts');
			for (const name of actionNames(readFileSync(path, 'utf8'), path, libDir)) {
				entries.push({ route, method: 'POST', action: name });
			}
		}
		if (files.includes('+server.ts')) {
			for (const method of endpointMethods(readFileSync(join(dir, '+server.ts'), 'utf8'))) {
				entries.push({ route, method });
			}
		}
		for (const file of files) if (statSync(join(dir, file)).isDirectory()) walk(join(dir, file));
	};
	walk(routesDir);
	return entries;
}

/** The HTTP methods a +server.ts exports. */
export function endpointMethods(source: string): string[] {
	const found = new Set<string>();
	const pattern = /export\s+(?:const|let|async\s+function|function)\s+([A-Za-z]+)\b/g;
	for (const match of source.matchAll(pattern)) if (ENDPOINT_METHODS.includes(match[1]!)) found.add(match[1]!);
	return [...found];
}

/** The names of the form actions a +page.server.ts exports (none when it exports no `actions`). */
export function actionNames(source: string, path = '<source>', libDir?: string): string[] {
	const start = /export\s+const\s+actions\s*(?::\s*[\w.<>]+\s*)?=\s*/.exec(source);
	if (!start) {
		if (/export\s*\{[^}]*\bactions\b/.test(source) || /export\s+(?:let|var|function)\s+actions\b/.test(source)) {
			throw new Error(`${path}: actions are exported in a form the inventory cannot read`);
		}
		return [];
	}
	const open = start.index + start[0].length;
	if (source[open] !== '{') throw new Error(`${path}: \`export const actions\` is not an object literal`);
	return objectKeys(source, open, path, libDir);
}

/** Skips a string, template or comment starting at `i`; returns the index after it, or `i` if there is none. */
function skipNonCode(source: string, i: number): number {
	const c = source[i];
	if (c === '/' && source[i + 1] === '/')
		return source.indexOf('\n', i) === -1 ? source.length : source.indexOf('\n', i);
	if (c === '/' && source[i + 1] === '*') return source.indexOf('*/', i + 2) + 2;
	if (c === '"' || c === "'" || c === '`') {
		let j = i + 1;
		while (j < source.length && source[j] !== c) {
			if (source[j] === '\\') j++;
			else if (c === '`' && source[j] === '$' && source[j + 1] === '{') j = matching(source, j + 1);
			j++;
		}
		return j + 1;
	}
	return i;
}

/** The index of the bracket that closes the one at `open`. */
function matching(source: string, open: number): number {
	let depth = 0;
	for (let i = open; i < source.length; i++) {
		const skipped = skipNonCode(source, i);
		if (skipped !== i) {
			i = skipped - 1;
			continue;
		}
		const c = source[i]!;
		if ('([{'.includes(c)) depth++;
		else if (')]}'.includes(c) && --depth === 0) return i;
	}
	throw new Error('unbalanced brackets');
}

/** The top-level entries of the object literal whose `{` is at `open`, as source text. */
function entriesOf(source: string, open: number): string[] {
	const close = matching(source, open);
	const entries: string[] = [];
	let from = open + 1;
	for (let i = open + 1; i < close; i++) {
		const skipped = skipNonCode(source, i);
		if (skipped !== i) {
			i = skipped - 1;
			continue;
		}
		const c = source[i]!;
		if ('([{'.includes(c)) i = matching(source, i);
		else if (c === ',') {
			entries.push(source.slice(from, i));
			from = i + 1;
		}
	}
	entries.push(source.slice(from, close));
	return entries
		.map(stripComments)
		.map((entry) => entry.trim())
		.filter(Boolean);
}

const stripComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

function objectKeys(source: string, open: number, path: string, libDir?: string): string[] {
	const names: string[] = [];
	for (const entry of entriesOf(source, open)) {
		const spread = /^\.\.\.\s*([A-Za-z_$][\w$]*)\s*\(/.exec(entry);
		if (spread) {
			names.push(...helperKeys(source, spread[1]!, path, libDir));
			continue;
		}
		const key = /^(?:async\s+)?(?:([A-Za-z_$][\w$]*)|'([^']+)'|"([^"]+)")\s*(?:[:(,]|$)/.exec(entry);
		if (!key) throw new Error(`${path}: cannot read the action entry \`${entry.slice(0, 60)}\``);
		names.push(key[1] ?? key[2] ?? key[3]!);
	}
	return names;
}

/** The keys of the object a helper imported by `source` returns (`...helper(args)` in actions). */
function helperKeys(source: string, helper: string, path: string, libDir?: string): string[] {
	const imported = new RegExp(`import\\s*\\{[^}]*\\b${helper}\\b[^}]*\\}\\s*from\\s*['"]([^'"]+)['"]`).exec(source);
	if (!imported) throw new Error(`${path}: the spread helper ${helper} is not imported by name`);
	const specifier = imported[1]!;
	let base: string;
	if (specifier.startsWith('$lib/')) {
		if (!libDir) throw new Error(`${path}: no lib folder to resolve ${specifier}`);
		base = join(libDir, specifier.slice('$lib/'.length));
	} else if (specifier.startsWith('.')) base = resolve(dirname(path), specifier);
	else throw new Error(`${path}: cannot follow ${specifier} to find ${helper}`);
	const file = [base, `${base}.ts`, join(base, 'index.ts')].find(
		(candidate) => existsSync(candidate) && statSync(candidate).isFile()
	);
	if (!file) throw new Error(`${path}: ${specifier} not found`);
	const helperSource = readFileSync(file, 'utf8');
	const definition = new RegExp(`export\\s+(?:async\\s+)?function\\s+${helper}\\s*\\(`).exec(helperSource);
	if (!definition) throw new Error(`${file}: no \`export function ${helper}\``);
	// The function's body: the first `{` after its parameter list.
	const paramsOpen = definition.index + definition[0].length - 1;
	const body = helperSource.indexOf('{', matching(helperSource, paramsOpen));
	const end = matching(helperSource, body);
	// The `return {` directly in the body (not in a nested function).
	for (let i = body + 1, depth = 0; i < end; i++) {
		const skipped = skipNonCode(helperSource, i);
		if (skipped !== i) {
			i = skipped - 1;
			continue;
		}
		const c = helperSource[i]!;
		if ('([{'.includes(c)) depth++;
		else if (')]}'.includes(c)) depth--;
		else if (depth === 0 && helperSource.startsWith('return', i)) {
			const returned = /^return\s*\{/.exec(helperSource.slice(i));
			if (returned) return objectKeys(helperSource, i + returned[0].length - 1, file, libDir);
		}
	}
	throw new Error(`${file}: ${helper} does not return an object literal`);
}
