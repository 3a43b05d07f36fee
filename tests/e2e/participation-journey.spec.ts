/**
 * The participation area end to end, across its parts: a new account's first comment on a
 * project waits for review (its author sees that, nobody else sees the comment), a moderator
 * approves it in the queue, and then everyone sees it and its author is told.
 */
import { eq } from 'drizzle-orm';
import deDiscussion from '../../src/lib/i18n/translations/de/discussion.json' with { type: 'json' };
import deModeration from '../../src/lib/i18n/translations/de/moderation.json' with { type: 'json' };
import { makeProject } from '../helpers/participation-factories.ts';
import { expect, signInNewUser, test } from './fixtures';

test('a new account’s first comment waits for review and appears after a moderator approves it', async ({
	appDb,
	browser
}) => {
	const project = await makeProject(appDb, { phase: 'discussion' });
	const path = `/de/participate/${project.slug}`;
	const body = `Mein erster Kommentar ${Date.now()}`;

	const authorContext = await browser.newContext({ javaScriptEnabled: false });
	await signInNewUser(appDb, authorContext);
	const authorPage = await authorContext.newPage();
	await authorPage.goto(path);
	await authorPage.locator('#field-comment-body').fill(body);
	await authorPage.getByRole('button', { name: deDiscussion.discussion.send }).click();
	const own = authorPage.locator('article', { hasText: body });
	await expect(own).toContainText(deDiscussion.discussion.pending);
	const [row] = await appDb.orm
		.select()
		.from(appDb.t.participationComments)
		.where(eq(appDb.t.participationComments.body, body));
	expect(row?.state).toBe('pending');
	// The queue shows the oldest first, 20 a page, and other tests leave first posts waiting
	// too: dated back, this one is on the first page whatever ran before.
	await appDb.orm
		.update(appDb.t.participationComments)
		.set({ createdAt: new Date('2020-01-01T00:00:00Z') })
		.where(eq(appDb.t.participationComments.id, row!.id));

	const guest = await (await browser.newContext()).newPage();
	await guest.goto(path);
	await expect(guest.locator('main')).not.toContainText(body);

	const moderatorContext = await browser.newContext();
	await signInNewUser(appDb, moderatorContext, { role: 'moderator' });
	const moderatorPage = await moderatorContext.newPage();
	await moderatorPage.goto('/de/moderation?tab=pending&kind=comment');
	const item = moderatorPage.locator('article', { hasText: body });
	await expect(item).toBeVisible();
	await item.getByRole('button', { name: deModeration.moderation.actions.approve }).click();
	await expect(moderatorPage.getByRole('status')).toContainText(deModeration.moderation.done.approve);

	await guest.reload();
	await expect(guest.locator('main')).toContainText(body);
	await authorPage.goto('/de/account/notifications');
	await expect(authorPage.locator('main')).toContainText(
		deModeration.notifications.kinds.post_approved.replace('{{post}}', deModeration.notifications.yourComment)
	);
	for (const context of [authorContext, moderatorContext, guest.context()]) await context.close();
});
