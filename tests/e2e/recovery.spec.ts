import { issueRecoveryCode, recoveryCodeIssuedAt } from '../../src/lib/server/auth/recovery-code.ts';
import { expect, signInNewUser, test } from './fixtures';
import { expectNoAxeViolations, uniqueUsername } from './helpers';

const NEW_PASSWORD = 'Leuchtturm Krabbe Deich Sturm';

test('a learner without e-mail makes a recovery code on the account page, to print, shown once', async ({
	page,
	signIn,
	appDb
}) => {
	const user = await signIn();
	await page.goto('/en/account');
	await expect(page.locator('#recovery-title + p + p')).toHaveText('You do not have a recovery code yet.');
	await page.getByRole('button', { name: 'Make a recovery code' }).click();
	const code = page.locator('.recovery-code__code');
	await expect(code).toHaveText(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
	await expect(page.locator('.recovery-code')).toBeFocused();
	expect(await recoveryCodeIssuedAt(appDb, user.id)).not.toBeNull();
	await expectNoAxeViolations(page);
	// Shown once: a fresh visit says when it was made, not what it is.
	await page.goto('/en/account');
	await expect(page.locator('.recovery-code__code')).toHaveCount(0);
	await expect(page.locator('main')).toContainText('Your current code was made on');
});

test('without JavaScript: username and code set a new password, sign out the other devices, and the code works once', async ({
	browser,
	appDb
}) => {
	const username = uniqueUsername('recover');
	const elsewhere = await browser.newContext();
	const user = await signInNewUser(appDb, elsewhere, { username });
	const code = await issueRecoveryCode(appDb, user.id);

	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/de/signin');
	await page.getByRole('link', { name: 'Mit dem Wiederherstellungs-Code ein neues Passwort setzen' }).click();
	await page.waitForURL('**/de/recover');
	await page.locator('#field-username').fill(username);
	await page.locator('#field-code').fill(code.toLowerCase());
	await page.locator('#field-newPassword').fill(NEW_PASSWORD);
	await page.locator('form button[type=submit]').click();
	await expect(page.locator('[role=status]')).toContainText('Ihr neues Passwort gilt');
	const newCode = await page.locator('.recovery-code__code').textContent();
	expect(newCode).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
	expect(newCode).not.toBe(code);

	// Signed in here, signed out on the other device.
	await page.goto('/de/account');
	await expect(page.locator('main')).toContainText(username);
	const other = await elsewhere.newPage();
	await other.goto('/de/account');
	await expect(other).toHaveURL(/\/de\/signin\?next=/);

	// The used code is refused, with a message, status 400 and nothing changed.
	const again = await browser.newContext({ javaScriptEnabled: false });
	const retry = await again.newPage();
	await retry.goto('/de/recover');
	await retry.locator('#field-username').fill(username);
	await retry.locator('#field-code').fill(code);
	await retry.locator('#field-newPassword').fill('Ganz anderes neues Passwort');
	const [response] = await Promise.all([
		retry.waitForResponse((r) => r.request().method() === 'POST'),
		retry.locator('form button[type=submit]').click()
	]);
	expect(response.status()).toBe(400);
	await expect(retry.locator('.error-summary')).toContainText(
		'Benutzername oder Wiederherstellungs-Code stimmen nicht.'
	);
	for (const c of [elsewhere, context, again]) await c.close();
});
