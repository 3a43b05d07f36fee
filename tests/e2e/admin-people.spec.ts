/** An admin finds a person and makes them an instructor with the keyboard alone; a learner asks to become one. */
import { eq } from 'drizzle-orm';
import { findUserById } from '../../src/lib/server/auth/account.ts';
import { isolate } from '../../src/lib/i18n/isolate.ts';
import { makeUser, uniqueUsername } from '../helpers/factories.ts';
import { expect, test } from './fixtures';

test('an admin finds a learner by username and grants the instructor role by keyboard; the change is audited', async ({
	page,
	appDb,
	signIn
}) => {
	const admin = await signIn({ role: 'admin' });
	const person = await makeUser(appDb, { username: uniqueUsername('keyboard-person') });
	// Admin pages hydrate: wait until the page's script has run, so no keystroke goes to the page before it.
	await page.goto('/en/admin/people', { waitUntil: 'networkidle' });
	await page.getByLabel('Username', { exact: true }).focus();
	await page.keyboard.type(person.username.slice(0, 20));
	await expect(page.getByLabel('Username', { exact: true })).toHaveValue(person.username.slice(0, 20));
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status').filter({ hasText: 'Accounts found: 1' })).toBeVisible();
	const link = page.getByRole('link', { name: person.username });
	await link.focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1, name: person.username })).toBeVisible();

	// The radio group: the current role is checked; the arrow key moves to the next one.
	await page.getByRole('radio', { name: 'Learner' }).focus();
	await page.keyboard.press('ArrowDown');
	await expect(page.getByRole('radio', { name: 'Teacher' })).toBeChecked();
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: 'Save role' })).toBeFocused();
	await page.keyboard.press('Enter');

	await expect(page.getByRole('status').filter({ hasText: 'The role has been changed' })).toBeVisible();
	await expect(page.locator('dd').first()).toHaveText('Teacher');
	expect((await findUserById(appDb, person.id))?.role).toBe('instructor');
	const entries = await appDb.orm.select().from(appDb.t.auditLog).where(eq(appDb.t.auditLog.subjectId, person.id));
	expect(entries.map((e) => [e.actorId, e.action, e.details])).toEqual([
		[admin.id, 'account.role_change', JSON.stringify({ from: 'learner', to: 'instructor' })]
	]);
});

test('a learner asks to become an instructor without JavaScript; an admin grants it and the learner is told in their notifications', async ({
	browser,
	appDb
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const { signInNewUser } = await import('./fixtures');
	const learner = await signInNewUser(appDb, context);
	const page = await context.newPage();
	await page.goto('/en/account');
	await page.getByRole('link', { name: 'Ask to become a teacher' }).click();
	await page.getByRole('button', { name: 'Send request' }).click();
	await expect(page.locator('#field-note-error')).toHaveText('Please fill in this field.');
	await page.getByLabel('Your note').fill('I run the computer course at the library.');
	await page.getByRole('button', { name: 'Send request' }).click();
	await expect(page.getByRole('status')).toHaveText('Your request has been sent. The administrators will look at it.');
	await expect(page.getByText('not decided yet')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Send request' })).toHaveCount(0);
	const rows = await appDb.orm
		.select()
		.from(appDb.t.instructorRequests)
		.where(eq(appDb.t.instructorRequests.userId, learner.id));
	expect(rows).toEqual([
		expect.objectContaining({ status: 'open', note: 'I run the computer course at the library.' })
	]);

	// An admin, in a browser of their own, grants the request from the admins' list.
	const adminContext = await browser.newContext({ javaScriptEnabled: false });
	await signInNewUser(appDb, adminContext, { role: 'admin' });
	const adminPage = await adminContext.newPage();
	await adminPage.goto('/en/admin/people/requests');
	await adminPage.getByRole('button', { name: `Grant (make ${isolate(learner.username)} a teacher)` }).click();
	await expect(adminPage.getByRole('status')).toHaveText('The request was granted: the person is now a teacher.');
	await adminContext.close();

	// The learner sees it in their notifications, with the way to their classes.
	await page.goto('/en/account/notifications');
	const notice = page.getByRole('listitem').filter({ hasText: 'Your request to become a teacher was granted.' });
	await expect(notice).toHaveText(/You can now create classes\./);
	await expect(notice.getByText('New')).toBeVisible();
	await notice.getByRole('link', { name: 'Go to your classes' }).click();
	await expect(page).toHaveURL(/\/en\/classes$/);
	expect((await findUserById(appDb, learner.id))?.role).toBe('instructor');
	await context.close();
});
