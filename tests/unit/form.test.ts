import { isActionFailure } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { signUpForm } from '../../src/lib/server/auth/schemas.ts';
import { formError, parseForm, readForm } from '../../src/lib/server/validation/form.ts';

const schema = z.object({ name: z.string('errors.required').min(1, 'errors.required'), age: z.coerce.number().int() });

const post = (body: BodyInit, contentType?: string) =>
	new Request('http://localhost/x', {
		method: 'POST',
		body,
		headers: contentType ? { 'content-type': contentType } : undefined
	});

const formData = (entries: [string, string | Blob][]) => {
	const data = new FormData();
	for (const [key, value] of entries) data.append(key, value);
	return data;
};

describe('reading a form with a schema', () => {
	it('gives typed data and the values as sent', async () => {
		const result = await readForm(
			post(
				formData([
					['name', 'Ayşe'],
					['age', '42']
				])
			),
			schema
		);
		expect(result).toEqual({ ok: true, data: { name: 'Ayşe', age: 42 }, values: { name: 'Ayşe', age: '42' } });
	});

	it('answers a missing field with a 400 in the one failure shape, naming the field', async () => {
		const result = await readForm(post(formData([['age', '3']])), schema);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(isActionFailure(result.failure)).toBe(true);
		expect(result.failure.status).toBe(400);
		expect(result.failure.data).toEqual({
			formId: null,
			errors: { name: 'errors.required' },
			values: { age: '3' },
			params: {}
		});
	});

	it('treats a file where text is expected as missing, without crashing', async () => {
		const result = await readForm(
			post(
				formData([
					['name', new Blob(['<script>'], { type: 'text/html' })],
					['age', '1']
				])
			),
			schema
		);
		expect(!result.ok && result.failure.data.errors).toEqual({ name: 'errors.required' });
		expect(!result.ok && result.failure.data.values).toEqual({ age: '1' });
	});

	it('refuses a field sent twice where one value is expected, and echoes only the first', () => {
		const result = parseForm(
			formData([
				['name', 'anna'],
				['name', 'berta'],
				['age', '1']
			]),
			schema
		);
		// The schema's own message for a wrong type (here its "required") names the field.
		expect(!result.ok && result.failure.data.errors).toEqual({ name: 'errors.required' });
		expect(!result.ok && result.failure.data.values).toEqual({ name: 'anna', age: '1' });
	});

	it('hands repeated fields to a schema that wants a list as a list', () => {
		const list = z.object({ answer: z.array(z.string()) });
		const result = parseForm(
			formData([
				['answer', '1'],
				['answer', '3']
			]),
			list
		);
		expect(result.ok && result.data).toEqual({ answer: ['1', '3'] });
	});

	it('never echoes a password, whatever else it echoes', () => {
		const result = parseForm(
			formData([
				['username', 'a b'],
				['password', 'geheim123'],
				['newPassword', 'x'],
				['email', 'nope']
			]),
			signUpForm
		);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.failure.data.values).toEqual({ username: 'a b', email: 'nope' });
		expect(JSON.stringify(result.failure.data)).not.toContain('geheim123');
	});

	it('turns zod’s own English messages into a message key', () => {
		const result = parseForm(
			formData([
				['name', 'x'],
				['age', 'many']
			]),
			schema
		);
		expect(!result.ok && result.failure.data.errors).toEqual({ age: 'errors.invalid' });
	});

	it('answers a body that is not a form with a 400 for the whole form', async () => {
		for (const request of [post('{"name":"x"}', 'application/json'), post('%%%', 'multipart/form-data')]) {
			const result = await readForm(request, schema, { formId: 'profile' });
			expect(result.ok).toBe(false);
			if (result.ok) continue;
			expect(result.failure.status).toBe(400);
			expect(result.failure.data).toEqual({
				formId: 'profile',
				errors: { form: 'errors.badRequest' },
				values: {},
				params: {}
			});
		}
	});

	it('gives domain refusals the same shape, with the status and message values asked for', () => {
		const failure = formError('form', 'errors.signIn.locked', {
			status: 429,
			values: { username: 'mira' },
			params: { minutes: 5 }
		});
		expect(failure.status).toBe(429);
		expect(failure.data).toEqual({
			formId: null,
			errors: { form: 'errors.signIn.locked' },
			values: { username: 'mira' },
			params: { minutes: 5 }
		});
	});
});
