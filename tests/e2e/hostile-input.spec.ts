import type { APIRequestContext, APIResponse, Page } from '@playwright/test';
import { eq } from 'drizzle-orm';
import de from '../../src/lib/i18n/translations/de/shell.json' with { type: 'json' };
import en from '../../src/lib/i18n/translations/en/shell.json' with { type: 'json' };
import { STRONG_PASSWORD, uniqueUsername } from '../helpers/factories.ts';
import { expect, test } from './fixtures';
import { BASE_URL } from './helpers';

/**
 * Every form gets hostile input, and each case says what the server must answer: the status,
 * the message (in the page's language) and, where the value comes back, that it comes back
 * as text. Structured fields (usernames, e-mail addresses, settings) and any field given
 * control characters, direction overrides, oversized or empty values answer 400 with a
 * message. Free text and passwords accept "<script>" and SQL-looking text as the plain
 * text it is (refusing them would stop a learner quoting code; escaping, not filtering,
 * keeps them harmless), and the test proves the text arrived as typed.
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
const KINDS = Object.keys(HOSTILE) as Kind[];

/** The field takes the value. Otherwise: the i18n key of the message it answers with. */
const ACCEPTED = 'accepted';
type Answer = typeof ACCEPTED | `errors.${string}`;

const USERNAME: Record<Kind, Answer> = {
	long: 'errors.tooLong',
	script: 'errors.username.characters',
	sql: 'errors.username.characters',
	bidi: 'errors.bidiControl',
	nul: 'errors.controlCharacters',
	empty: 'errors.tooShort' // at least 3 characters
};
const EMAIL: Record<Kind, Answer> = {
	long: 'errors.tooLong',
	script: 'errors.email',
	sql: 'errors.email',
	bidi: 'errors.bidiControl',
	nul: 'errors.controlCharacters',
	empty: ACCEPTED // the e-mail address is optional
};
// Passwords are taken as typed; only what no keyboard types, and the length, is refused.
const PASSWORD_FIELD: Record<Kind, Answer> = {
	long: 'errors.password.tooLong',
	script: ACCEPTED,
	sql: ACCEPTED,
	bidi: ACCEPTED,
	nul: 'errors.controlCharacters',
	empty: 'errors.required'
};
// Sign-in: a well-formed username with a wrong password gets the one generic message.
const SIGN_IN: Record<Kind, Answer> = {
	long: 'errors.tooLong',
	script: 'errors.signIn.invalid',
	sql: 'errors.signIn.invalid',
	bidi: 'errors.bidiControl',
	nul: 'errors.controlCharacters',
	empty: 'errors.required'
};
const FEEDBACK_MESSAGE: Record<Kind, Answer> = {
	long: 'errors.tooLong',
	script: ACCEPTED,
	sql: ACCEPTED,
	bidi: 'errors.bidiControl',
	nul: 'errors.controlCharacters',
	empty: 'errors.tooShort' // at least 3 characters
};
const FEEDBACK_CONTACT: Record<Kind, Answer> = { ...FEEDBACK_MESSAGE, empty: ACCEPTED };
// Deleting the account: a password that is well-formed but wrong is "not correct".
const DELETE_PASSWORD: Record<Kind, Answer> = {
	...PASSWORD_FIELD,
	script: 'errors.password.currentWrong',
	sql: 'errors.password.currentWrong',
	bidi: 'errors.password.currentWrong'
};

const MESSAGES = { de: de.errors, en: en.errors };
function message(locale: 'de' | 'en', key: string): string {
	let node: unknown = { errors: MESSAGES[locale] };
	for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
	if (typeof node !== 'string') throw new Error(`no message ${key}`);
	return node;
}

// Accept: text/html, as a browser without JavaScript sends (otherwise SvelteKit answers in JSON).
function post(request: APIRequestContext, path: string, fields: Record<string, string>) {
	return request.post(path, { headers: { origin: BASE_URL, accept: 'text/html' }, form: fields, maxRedirects: 0 });
}

/**
 * Shows the server's HTML answer in the browser (JavaScript is off in this file, so nothing
 * in it could run) and checks it: the status, the message at the field and in the summary,
 * the value coming back into its field as text, and no element made from the payload.
 */
async function expectAnswer(
	page: Page,
	response: APIResponse,
	expected: Answer,
	{
		field,
		locale,
		kind,
		echo = true,
		summary = true
	}: { field: string; locale: 'de' | 'en'; kind: Kind; echo?: boolean; summary?: boolean }
): Promise<void> {
	const context = `${field} = ${kind}`;
	if (expected === ACCEPTED) {
		expect(response.status(), `${context}: accepted`).toBeLessThan(400);
		expect(response.status(), `${context}: accepted`).not.toBe(400);
	} else {
		expect(response.status(), `${context}: refused with 400`).toBe(400);
	}
	const body = await response.text();
	if (response.status() >= 300 && response.status() < 400) return;
	await page.setContent(body);
	await expect(page.locator('script', { hasText: 'pwned' }), `${context}: no script made from the input`).toHaveCount(
		0
	);
	await expect(page.locator('img[onerror]'), `${context}: no element made from the input`).toHaveCount(0);
	if (expected === ACCEPTED) return;
	const text = message(locale, expected);
	if (expected === 'errors.signIn.invalid') {
		// A message for the whole form, not for one field.
		await expect(page.locator('.error-summary li'), `${context}: the form says what is wrong`).toHaveText(text);
		return;
	}
	if (summary) {
		await expect(page.locator('.error-summary'), `${context}: the summary names the problem`).toContainText(text);
	}
	await expect(page.locator(`#field-${field}-error`), `${context}: the message is at the field`).toHaveText(text);
	// NUL cannot appear in an HTML attribute (the parser makes it U+FFFD).
	if (echo && kind !== 'nul') {
		await expect(page.locator(`#field-${field}`), `${context}: the value comes back as text`).toHaveValue(
			HOSTILE[kind].slice(0, 300)
		);
	}
}

test.use({ javaScriptEnabled: false });

for (const kind of KINDS) {
	const payload = HOSTILE[kind];

	test.describe(`hostile input: ${kind}`, () => {
		test('sign-up: username and e-mail refuse it; the password takes only what a password may be', async ({
			page,
			playwright
		}) => {
			// Each attempt from a new visitor: one signed in by an earlier attempt would be sent on.
			const asNewVisitor = async (path: string, fields: Record<string, string>) =>
				post(await playwright.request.newContext({ baseURL: BASE_URL }), path, fields);
			const username = await asNewVisitor('/en/signup', { username: payload, password: STRONG_PASSWORD, email: '' });
			await expectAnswer(page, username, USERNAME[kind], { field: 'username', locale: 'en', kind });

			const email = await asNewVisitor('/en/signup', {
				username: uniqueUsername('h'),
				password: STRONG_PASSWORD,
				email: payload
			});
			await expectAnswer(page, email, EMAIL[kind], { field: 'email', locale: 'en', kind });
			if (EMAIL[kind] === ACCEPTED) expect(email.headers().location).toBe('/en/welcome?kept=0');

			const name = uniqueUsername('h');
			const password = await asNewVisitor('/en/signup', { username: name, password: payload, email: '' });
			await expectAnswer(page, password, PASSWORD_FIELD[kind], { field: 'password', locale: 'en', kind, echo: false });
			if (PASSWORD_FIELD[kind] === ACCEPTED) {
				expect(password.headers().location).toBe('/en/welcome?kept=0');
				// Taken exactly as typed: the same text signs in.
				const signIn = await asNewVisitor('/en/signin', { username: name, password: payload });
				expect(signIn.status(), 'the accepted password signs in').toBe(303);
			}
		});

		test('sign-in refuses it with a message', async ({ page, request }) => {
			const response = await post(request, '/en/signin', { username: payload, password: payload });
			await expectAnswer(page, response, SIGN_IN[kind], { field: 'username', locale: 'en', kind });
		});

		test('accessibility feedback: stored exactly as typed, or refused with a message', async ({
			page,
			request,
			appDb
		}) => {
			const feedback = appDb.t.accessibilityFeedback;
			const message = await post(request, '/de/accessibility', { message: payload, page: '', contact: '' });
			await expectAnswer(page, message, FEEDBACK_MESSAGE[kind], { field: 'message', locale: 'de', kind });
			const stored = await appDb.orm.select().from(feedback).where(eq(feedback.message, payload.trim()));
			expect(stored, 'stored once, as typed, or not at all').toHaveLength(FEEDBACK_MESSAGE[kind] === ACCEPTED ? 1 : 0);
			if (FEEDBACK_MESSAGE[kind] === ACCEPTED) {
				// Post/redirect/get: the thanks are a page of their own.
				expect(message.headers().location).toBe('/de/accessibility?sent#feedback-title');
				await page.goto('/de/accessibility?sent');
				await expect(page.locator('[role=status]')).toHaveText(de.accessibility.thanks);
			}

			const note = `Eine echte Meldung ${uniqueUsername('note')}`;
			const contact = await post(request, '/de/accessibility', { message: note, page: '', contact: payload });
			await expectAnswer(page, contact, FEEDBACK_CONTACT[kind], { field: 'contact', locale: 'de', kind });
			const rows = await appDb.orm.select().from(feedback).where(eq(feedback.message, note));
			if (FEEDBACK_CONTACT[kind] === ACCEPTED) {
				expect(rows.map((row) => row.contact)).toEqual([payload === '' ? null : payload]);
			} else {
				expect(rows).toHaveLength(0);
			}
		});

		test('display settings refuse it and set no cookie', async ({ page, request }) => {
			const response = await post(request, '/de/settings', {
				textSize: payload,
				contrast: 'high',
				spacing: 'normal',
				motion: 'normal'
			});
			expect(response.status()).toBe(400);
			expect(response.headers()['set-cookie'] ?? '').not.toContain('lotse_display');
			await page.setContent(await response.text());
			await expect(page.locator('.error-summary')).toContainText(de.errors.invalid);
		});

		test('account forms: deletion needs the real password, a new password takes only a password', async ({
			page,
			signIn,
			playwright
		}) => {
			const user = await signIn();
			// page.request carries the session cookie the factory set on this test's context.
			const remove = await post(page.request, '/de/account?/delete', { password: payload });
			await expectAnswer(page, remove, DELETE_PASSWORD[kind], { field: 'password', locale: 'de', kind, echo: false });

			const change = await post(page.request, '/de/account?/password', {
				currentPassword: STRONG_PASSWORD,
				newPassword: payload
			});
			await expectAnswer(page, change, PASSWORD_FIELD[kind], { field: 'newPassword', locale: 'de', kind, echo: false });
			// Each attempt from a new visitor: a signed-in one would be sent on whatever the password.
			const signInWith = async (password: string) => {
				const visitor = await playwright.request.newContext({ baseURL: BASE_URL });
				const status = (await post(visitor, '/de/signin', { username: user.username, password })).status();
				await visitor.dispose();
				return status;
			};
			if (PASSWORD_FIELD[kind] === ACCEPTED) {
				await expect(page.locator('[role=status]')).toHaveText(de.account.passwordChanged);
				expect(await signInWith(payload), 'the new password signs in').toBe(303);
				expect(await signInWith(STRONG_PASSWORD), 'the old one no longer does').toBe(400);
			} else {
				expect(await signInWith(STRONG_PASSWORD), 'the old password still signs in').toBe(303);
			}
		});
	});
}

test('an accepted username is shown on the account page as the text it is', async ({ page }) => {
	// Letters with a combining accent (stored as one character), Arabic with a zero-width
	// non-joiner, dots, hyphens, underscores: all a username may hold.
	const typed = `Jose\u0301_م\u200Cن.x-${Date.now().toString(36)}`;
	const response = await post(page.request, '/de/signup', { username: typed, password: STRONG_PASSWORD, email: '' });
	expect(response.status()).toBe(303);
	expect(response.headers().location).toBe('/de/welcome?kept=0');
	await page.goto('/de/account');
	const shown = page.locator('main dd').first();
	await expect(shown).toHaveText(typed.normalize('NFC'));
	expect(await shown.textContent()).toBe(typed.normalize('NFC'));
	// The name sits in one <bdi> (it keeps its own direction) and makes no element of its own.
	await expect(shown.locator('bdi')).toHaveCount(1);
	await expect(shown.locator('bdi *')).toHaveCount(0);
	await expect(shown.locator('*')).toHaveCount(1);
});

test('a search for markup shows it as text in the search field and makes no element of it', async ({ page }) => {
	const response = await page.goto(`/en/learn?q=${encodeURIComponent(HOSTILE.script)}`);
	expect(response?.status()).toBe(200);
	await expect(page.locator('input[name=q]')).toHaveValue(HOSTILE.script);
	await expect(page.locator('script', { hasText: 'pwned' })).toHaveCount(0);
	await expect(page.locator('img[onerror]')).toHaveCount(0);
});

test('a body that is not form data gets 400 with a message, not 5xx', async ({ page, request }) => {
	const response = await request.post('/en/signin', {
		headers: { origin: BASE_URL, accept: 'text/html', 'content-type': 'multipart/form-data; boundary=x' },
		data: Buffer.from([0xff, 0xfe, 0x00, 0x25, 0x25])
	});
	expect(response.status()).toBe(400);
	await page.setContent(await response.text());
	await expect(page.locator('.error-summary')).toContainText(en.errors.badRequest);
});

test('after an SQL-looking message the users table still works', async ({ page, request, appDb, signIn }) => {
	const message = `${HOSTILE.sql} ${uniqueUsername('again')}`;
	const response = await post(request, '/de/accessibility', { message, page: '', contact: '' });
	expect(response.status()).toBe(303);
	const user = await signIn();
	await page.goto('/de/account');
	await expect(page.locator('main dd').first()).toHaveText(user.username);
	expect((await appDb.orm.select().from(appDb.t.users).where(eq(appDb.t.users.id, user.id))).length).toBe(1);
});
