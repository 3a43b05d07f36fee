import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { safeNextPath } from '../../src/lib/server/auth/request.ts';

const ORIGIN = 'http://localhost:4203';
const FALLBACK = '/de/account';

/** What sign-in would redirect to for `?next=<raw>`, `raw` as it stands in the query string. */
function target(raw: string): string {
	const event = { url: new URL(`${ORIGIN}/de/signin?next=${raw}`) } as RequestEvent;
	return safeNextPath(event, FALLBACK);
}

describe('the redirect after sign-in and sign-up (?next=)', () => {
	it.each([
		['/de/learn', '/de/learn'],
		['/de/learn/01-grundlagen/01-maus%3Fx', '/de/learn/01-grundlagen/01-maus?x'],
		[encodeURIComponent('/de/learn?version=easy#quiz'), '/de/learn?version=easy#quiz'],
		['/de/l%C3%B6sung', '/de/l%C3%B6sung'],
		// Dots are resolved, as the browser would; the result stays on this site.
		['/de/learn/../account', '/de/account']
	])('keeps a path on this site: %s → %s', (raw, expected) => {
		expect(target(raw)).toBe(expected);
	});

	it.each([
		['a tab (browsers drop it: //evil.example)', '/%09/evil.example/x'],
		['a newline', '/%0A/evil.example/x'],
		['a carriage return', '/%0D/evil.example/x'],
		['a tab inside the path', '/de%09/x'],
		['a NUL byte', '/de%00/x'],
		['DEL', '/de%7F'],
		['a C1 control character', '/de%C2%85'],
		['a double-encoded tab', '/%2509/evil.example/x'],
		['a double-encoded newline', '/de/%250A'],
		['protocol-relative', '//evil.example/x'],
		['protocol-relative, encoded', '%2F%2Fevil.example/x'],
		['three slashes', '///evil.example/x'],
		['slash backslash', '/%5Cevil.example/x'],
		['backslash slash', '%5C/evil.example/x'],
		['backslash inside', '/de/%5C%5Cevil.example'],
		['an encoded backslash, encoded again', '/%255Cevil.example'],
		['dot segments that collapse into //', '/.//evil.example/x'],
		['dot-dot segments that collapse into //', '/de/..//evil.example'],
		['javascript:', 'javascript:alert(1)'],
		['a leading space before javascript:', '%20javascript:alert(1)'],
		['another site', 'https://evil.example/x'],
		['another site, encoded', 'https%3A%2F%2Fevil.example%2Fx'],
		['an absolute URL of this site (refused: the app only writes paths)', encodeURIComponent(`${ORIGIN}/de/learn`)],
		['a relative path', 'de/learn'],
		['an empty value', ''],
		['broken percent-encoding', '/de/%E0%A4%A']
	])('refuses %s', (_name, raw) => {
		expect(target(raw)).toBe(FALLBACK);
	});

	it('falls back when there is no next at all', () => {
		const event = { url: new URL(`${ORIGIN}/de/signin`) } as RequestEvent;
		expect(safeNextPath(event, FALLBACK)).toBe(FALLBACK);
	});

	it('always returns a value a Location header can carry (no 500 "Invalid redirect location")', () => {
		for (const raw of ['/de/%F0%9F%98%80', '/de/%22%3E%3Cscript%3E', '/de/ümlaut', '/de/a b']) {
			expect(target(raw)).toMatch(/^\/[!-~]*$/);
		}
	});
});
