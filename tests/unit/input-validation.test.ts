import { describe, expect, it } from 'vitest';
import { passwordProblem } from '../../src/lib/server/auth/password.ts';
import { signUpForm } from '../../src/lib/server/auth/schemas.ts';
import { parseForm } from '../../src/lib/server/validation/form.ts';
import { plainText } from '../../src/lib/server/validation/text.ts';

const form = (entries: Record<string, string>) => {
	const data = new FormData();
	for (const [k, v] of Object.entries(entries)) data.append(k, v);
	return data;
};

describe('plain text fields', () => {
	const field = plainText({ max: 10 });
	const message = (value: unknown) => {
		const result = field.safeParse(value);
		return result.success ? null : result.error.issues[0]?.message;
	};

	it('trims and normalises what people type', () => {
		expect(field.parse('  Cafe\u0301 ')).toBe('Café');
	});

	it('explains each kind of bad input with its own message', () => {
		expect(message('')).toBe('errors.required');
		expect(message('x'.repeat(11))).toBe('errors.tooLong');
		expect(message('a\u0000b')).toBe('errors.controlCharacters');
		expect(message('two\nlines')).toBe('errors.controlCharacters');
		expect(message('abc\u202Eexe')).toBe('errors.bidiControl');
		expect(message('bad \uFFFD')).toBe('errors.invalidEncoding');
		expect(message(42)).toBe('errors.required');
	});

	it('counts characters, not UTF-16 units, for the length limit', () => {
		expect(message('😀'.repeat(10))).toBeNull();
	});
});

describe('password rules (NIST SP 800-63B)', () => {
	it('asks for 8 to 256 characters and no particular mix of characters', () => {
		expect(passwordProblem('kurz')).toBe('errors.password.tooShort');
		expect(passwordProblem('a'.repeat(257))).toBe('errors.password.tooLong');
		expect(passwordProblem('alle kleinen wörter')).toBeNull();
	});

	it('refuses common passwords whatever their case, and the username inside the password', () => {
		expect(passwordProblem('Passwort123')).toBe('errors.password.common');
		expect(passwordProblem('HAMBURG123')).toBe('errors.password.common');
		expect(passwordProblem('zzzzzzzzzz')).toBe('errors.password.common');
		expect(passwordProblem('ich bin ayse und so', 'ayse')).toBe('errors.password.containsUsername');
	});
});

describe('the sign-up form', () => {
	it('accepts a username in any script, and no e-mail address', () => {
		const result = parseForm(form({ username: 'Олена_К', password: 'x', email: '' }), signUpForm);
		expect(result).toMatchObject({ ok: true, data: { username: 'Олена_К', password: 'x', email: null } });
	});

	it('reports every faulty field with a message key, and never echoes the password', () => {
		const result = parseForm(form({ username: 'a b', password: '', email: 'not-an-address' }), signUpForm);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.failure.data.errors).toEqual({
			username: 'errors.username.characters',
			password: 'errors.required',
			email: 'errors.email'
		});
		expect(result.failure.data.values).not.toHaveProperty('password');
	});

	it('treats a field sent twice as invalid instead of crashing', () => {
		const data = form({ username: 'anna', password: 'x' });
		data.append('username', 'berta');
		const result = parseForm(data, signUpForm);
		expect(result.ok).toBe(false);
	});
});
