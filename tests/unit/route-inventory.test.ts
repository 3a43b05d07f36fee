/** The reader behind the authorization matrix finds every page, endpoint method and form action. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionNames, endpointMethods, entryKey, routeInventory } from '../helpers/route-inventory.ts';

describe('reading form actions from a +page.server.ts', () => {
	it('reads single, shorthand, arrow, method and quoted keys, ignoring comments and strings', () => {
		expect(actionNames(`export const actions: Actions = { default: save };`)).toEqual(['default']);
		expect(actionNames(`export const actions: Actions = { texts, result };`)).toEqual(['texts', 'result']);
		const source = `
			const x = { notAnAction: 1 };
			export const actions: Actions = {
				// a comment with a comma, and { braces }
				decide: async (event) => {
					const text = "a, b: c";
					return { formId: 'x', other: \`\${1}, \${2}\` };
				},
				async markAllRead(event) { return {}; },
				'quoted-name': (event) => thing(event, { a: 1, b: 2 }),
				plain
			};`;
		expect(actionNames(source)).toEqual(['decide', 'markAllRead', 'quoted-name', 'plain']);
	});

	it('has no actions when the file exports none', () => {
		expect(actionNames(`export const load = () => ({ actions: [] });`)).toEqual([]);
	});

	it('refuses shapes it cannot read instead of missing actions', () => {
		expect(() => actionNames(`export const actions = makeActions();`)).toThrow(/not an object literal/);
		expect(() => actionNames(`export const actions = { ...more };`)).toThrow(/cannot read/);
		expect(() => actionNames(`export const actions = { [name]: save };`)).toThrow(/cannot read/);
		expect(() => actionNames(`const actions = {}; export { actions };`)).toThrow(/cannot read/);
	});

	it('follows a spread helper to the object it returns', () => {
		const dir = mkdtempSync(join(tmpdir(), 'routes-'));
		try {
			mkdirSync(join(dir, 'lib', 'server'), { recursive: true });
			writeFileSync(
				join(dir, 'lib', 'server', 'helper.ts'),
				`export function moreActions(target: string): Record<string, Action> {
					const inner = () => { return { notThis: 1 }; };
					return { first: async () => inner(), second: () => ({ x: 1 }) };
				}`
			);
			const page = join(dir, '+page.server.ts');
			const source = `import { moreActions } from '$lib/server/helper';
				export const actions: Actions = { own: save, ...moreActions(resolveTarget) };`;
			expect(actionNames(source, page, join(dir, 'lib'))).toEqual(['own', 'first', 'second']);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('reading endpoints', () => {
	it('finds the exported HTTP methods', () => {
		expect(
			endpointMethods(`export const GET: RequestHandler = () => x; export async function POST() {} const PUT = 1;`)
		).toEqual(['GET', 'POST']);
	});
});

describe('the inventory of src/routes', () => {
	const keys = routeInventory('src/routes', 'src/lib').map(entryKey);

	it('lists pages, endpoints and actions, including those spread in from the discussion helper', () => {
		expect(keys).toEqual(
			expect.arrayContaining([
				'GET /',
				'GET /[lang=locale]/account',
				'POST /[lang=locale]/account ?/password',
				'POST /[lang=locale]/account ?/delete',
				'GET /[lang=locale]/account/export',
				'GET /api/open-data/participation.csv',
				'POST /[lang=locale]/participate/[project] ?/support',
				'POST /[lang=locale]/participate/[project] ?/comment',
				'POST /[lang=locale]/participate/proposals/[id] ?/deleteComment',
				'POST /[lang=locale]/signout ?/default'
			])
		);
		expect(new Set(keys).size).toBe(keys.length);
	});
});
