import { expect, test, type APIRequestContext } from '@playwright/test';
import { PASSWORD, uniqueUsername, open, BASE_URL } from './helpers';

/**
 * Every form gets hostile input. Nothing may answer 5xx, and nothing may come back as live
 * HTML. Structured fields (usernames, e-mail addresses, settings) and any field given
 * control characters, direction overrides, oversized or empty values answer 400 with a
 * message. Free text and passwords accept "<script>" and SQL-looking text as the plain
 * text it is: refusing them would stop a learner quoting code, and escaping (not
 * filtering) is what keeps them harmless.
 */
const HOSTILE = {
	long: 'x'.repeat(20_000),
	script: '<script>alert("pwned")</script>',
	sql: "'; DROP TABLE users; --",
	bidi: 'invoice\u202Efdp.exe',
	nul: 'abc\u0000def',
	empty: ''
} as const;
type Kind = keyof typeof HOSTILE;

const ORIGIN = BASE_URL;

// Accept: text/html, as a browser without JavaScript sends (otherwise SvelteKit answers in JSON).
function post(request: APIRequestContext, path: string, fields: Record<string, string>) {
	return request.post(path, { headers: { origin: ORIGIN, accept: 'text/html' }, form: fields, maxRedirects: 0 });
}

async function expectSafe(response: Awaited<ReturnType<typeof post>>, kind: Kind, shouldReject: boolean) {
	const status = response.status();
	const body = await response.text();
	expect(status, `${kind}: never a server error`).toBeLessThan(500);
	if (shouldReject) {
		expect(status, `${kind}: refused`).toBeGreaterThanOrEqual(400);
		expect(body, `${kind}: with a message`).toMatch(/class="(error-summary|field__error)"/);
	} else {
		expect(status, `${kind}: accepted as text`).toBeLessThan(400);
	}
	expect(body).not.toContain('<script>alert("pwned")</script>');
}

const rejectsAll = (kind: Kind) => true && kind !== undefined;
const rejectsUnlessText = (kind: Kind) => kind !== 'script' && kind !== 'sql';
const passwordRejects = (kind: Kind) => kind === 'long' || kind === 'nul' || kind === 'empty';

for (const kind of Object.keys(HOSTILE) as Kind[]) {
	const payload = HOSTILE[kind];

	test.describe(`hostile input: ${kind}`, () => {
		test('sign-up: username and e-mail refuse it; the password takes only what a password may be', async ({
			request
		}) => {
			const username = await post(request, '/en/signup', { username: payload, password: PASSWORD, email: '' });
			await expectSafe(username, kind, rejectsAll(kind));
			if (kind !== 'empty') {
				const email = await post(request, '/en/signup', {
					username: uniqueUsername('h'),
					password: PASSWORD,
					email: payload
				});
				await expectSafe(email, kind, rejectsAll(kind));
			}
			const password = await post(request, '/en/signup', {
				username: uniqueUsername('h'),
				password: payload,
				email: ''
			});
			await expectSafe(password, kind, passwordRejects(kind));
		});

		test('sign-in refuses it with a message', async ({ request }) => {
			await expectSafe(await post(request, '/en/signin', { username: payload, password: payload }), kind, true);
		});

		test('accessibility feedback: stored as plain text or refused, never rendered', async ({ request }) => {
			const message = await post(request, '/de/accessibility', { message: payload, page: '', contact: '' });
			await expectSafe(message, kind, rejectsUnlessText(kind));
			if (kind !== 'empty') {
				const contact = await post(request, '/de/accessibility', {
					message: 'Eine echte Meldung',
					page: '',
					contact: payload
				});
				await expectSafe(contact, kind, rejectsUnlessText(kind));
			}
		});

		test('display settings refuse it', async ({ request }) => {
			const response = await post(request, '/de/settings', {
				textSize: payload,
				contrast: 'high',
				spacing: 'normal',
				motion: 'normal'
			});
			await expectSafe(response, kind, true);
		});

		test('account forms: password change and deletion', async ({ page }) => {
			await open(page, '/de/signup');
			await page.locator('#field-username').fill(uniqueUsername('acct'));
			await page.locator('#field-password').fill(PASSWORD);
			await page.locator('main form button[type=submit]').click();
			await page.waitForURL('**/de/account');
			// Deleting needs the current password, which the payload is not.
			const remove = await post(page.request, '/de/account?/delete', { password: payload });
			await expectSafe(remove, kind, true);
			const change = await post(page.request, '/de/account?/password', {
				currentPassword: PASSWORD,
				newPassword: payload
			});
			await expectSafe(change, kind, passwordRejects(kind));
		});
	});
}

test('a body that is not form data gets 4xx, not 5xx', async ({ request }) => {
	const response = await request.post('/de/signin', {
		headers: { origin: ORIGIN, accept: 'text/html', 'content-type': 'multipart/form-data; boundary=x' },
		data: Buffer.from([0xff, 0xfe, 0x00, 0x25, 0x25])
	});
	expect(response.status()).toBeGreaterThanOrEqual(400);
	expect(response.status()).toBeLessThan(500);
});

test('after an SQL-looking message the users table still works', async ({ page, request }) => {
	await expectSafe(
		await post(request, '/de/accessibility', { message: HOSTILE.sql, page: '', contact: '' }),
		'sql',
		false
	);
	await open(page, '/de/signup');
	await page.locator('#field-username').fill(uniqueUsername('after-sql'));
	await page.locator('#field-password').fill(PASSWORD);
	await page.locator('main form button[type=submit]').click();
	await page.waitForURL('**/de/account');
});
