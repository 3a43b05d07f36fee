/**
 * Images for lessons in the browser: an instructor uploads one by keyboard with JavaScript
 * off, gets its reference and Markdown, and deletes it; what is served is a WebP with safe
 * headers; an SVG named .png, an oversized upload, an empty file and a missing alt text are
 * refused with a message in the instructor's language and a 4xx; nobody else may delete it.
 */
import de from '../../src/lib/i18n/translations/de/studio.json' with { type: 'json' };
import enShell from '../../src/lib/i18n/translations/en/shell.json' with { type: 'json' };
import en from '../../src/lib/i18n/translations/en/studio.json' with { type: 'json' };
import { listImages } from '../../src/lib/server/studio/images.ts';
import { pictureBytes, SCRIPTED_SVG } from '../helpers/image-factories.ts';
import { expect, signInNewUser, test } from './fixtures';
import { BASE_URL, tabTo } from './helpers';

test.use({ javaScriptEnabled: false });

test('an instructor uploads an image by keyboard without JavaScript, uses its reference and deletes it', async ({
	page,
	signIn,
	appDb,
	browser
}) => {
	const instructor = await signIn({ role: 'instructor' });
	await page.goto('/de/studio/images');
	await expect(page.getByText(de.images.list.empty)).toBeVisible();

	await tabTo(page, '#field-file');
	const chooser = page.waitForEvent('filechooser');
	await page.keyboard.press('Space');
	await (
		await chooser
	).setFiles({
		name: 'tastatur.png',
		mimeType: 'image/png',
		buffer: await pictureBytes('png', 2400, 1200)
	});
	await page.keyboard.press('Tab');
	await expect(page.locator('#field-alt')).toBeFocused();
	await page.keyboard.type('Die Taste Enter auf einer Tastatur');
	await tabTo(page, 'main form[action="?/upload"] button[type=submit]');
	await page.keyboard.press('Enter');
	await page.waitForURL(/\/de\/studio\/images\?done=uploaded#image-[a-z2-7]{24}$/);

	await expect(page.getByRole('status')).toHaveText(de.images.done.uploaded);
	const [stored] = await listImages(appDb, instructor.id);
	expect(stored).toMatchObject({ alt: 'Die Taste Enter auf einer Tastatur', width: 1600, height: 800 });
	await expect(page.getByLabel(de.images.list.reference)).toHaveValue(`image:${stored!.id}`);
	await expect(page.getByLabel(de.images.list.markdown)).toHaveValue(
		`![Die Taste Enter auf einer Tastatur](image:${stored!.id})`
	);
	await expect(page.getByRole('img', { name: 'Die Taste Enter auf einer Tastatur' })).toHaveAttribute(
		'src',
		`/media/studio/${stored!.id}`
	);

	// What is served: the stored WebP, for a year, never sniffed, and inert when opened on its own.
	const served = await page.request.get(`/media/studio/${stored!.id}`);
	expect(served.status()).toBe(200);
	expect(served.headers()).toMatchObject({
		'content-type': 'image/webp',
		'x-content-type-options': 'nosniff',
		'cache-control': 'public, max-age=31536000, immutable'
	});
	expect(served.headers()['content-security-policy']).toMatch(/default-src 'none'.*sandbox/);
	expect((await served.body()).subarray(0, 4).toString('latin1')).toBe('RIFF');

	// Another instructor cannot delete it, even knowing its id.
	const stranger = await browser.newContext();
	await signInNewUser(appDb, stranger, { role: 'instructor' });
	const refused = await stranger.request.post('/en/studio/images?/delete', {
		form: { id: stored!.id },
		headers: { origin: BASE_URL },
		maxRedirects: 0
	});
	expect(refused.status()).toBe(403);
	await stranger.close();
	expect(await listImages(appDb, instructor.id)).toHaveLength(1);

	await tabTo(page, 'main form[action="?/delete"] button[type=submit]');
	await page.keyboard.press('Enter');
	await page.waitForURL(/\/de\/studio\/images\?done=deleted$/);
	await expect(page.getByRole('status')).toHaveText(de.images.done.deleted);
	await expect(page.getByText(de.images.list.empty)).toBeVisible();
	expect((await page.request.get(`/media/studio/${stored!.id}`)).status()).toBe(404);
});

test('an SVG with a script named .png is refused in the form, with the reason in the page’s language', async ({
	page,
	signIn,
	appDb
}) => {
	const instructor = await signIn({ role: 'instructor' });
	await page.goto('/de/studio/images');
	await page.locator('#field-file').setInputFiles({ name: 'bild.png', mimeType: 'image/png', buffer: SCRIPTED_SVG });
	await page.locator('#field-alt').fill('Ein Bild');
	await page.locator('main form[action="?/upload"] button[type=submit]').click();
	await expect(page.locator('#field-file-error')).toHaveText(de.images.errors.notAnImage);
	await expect(page.getByRole('alert')).toContainText(de.images.errors.notAnImage);
	await expect(page.locator('#field-alt')).toHaveValue('Ein Bild');
	expect(await listImages(appDb, instructor.id)).toEqual([]);
});

test('refused uploads are 4xx with a localized message, never a 5xx, and store nothing', async ({
	page,
	signIn,
	appDb
}) => {
	const instructor = await signIn({ role: 'instructor' });
	const png = await pictureBytes('png');
	const upload = (file: { name: string; mimeType: string; buffer: Buffer }, alt = 'Ein Bild') =>
		page.request.post('/en/studio/images?/upload', {
			multipart: { file, alt },
			headers: { origin: BASE_URL, accept: 'text/html' },
			maxRedirects: 0
		});
	const cases: [Awaited<ReturnType<typeof upload>>, number, string][] = [
		[await upload({ name: 'x.png', mimeType: 'image/png', buffer: SCRIPTED_SVG }), 415, en.images.errors.notAnImage],
		[
			await upload({
				name: 'x.png',
				mimeType: 'image/png',
				buffer: Buffer.concat([png, Buffer.from('<html><script>alert(1)</script></html>')])
			}),
			415,
			en.images.errors.polyglot
		],
		[
			await upload({ name: 'big.png', mimeType: 'image/png', buffer: Buffer.alloc(20 * 1024 * 1024, 1) }),
			413,
			en.images.errors.tooLarge
		],
		[await upload({ name: 'empty.png', mimeType: 'image/png', buffer: Buffer.alloc(0) }), 400, en.images.errors.empty],
		[await upload({ name: 'x.png', mimeType: 'image/png', buffer: png }, '   '), 400, enShell.errors.required]
	];
	for (const [response, status, message] of cases) {
		expect(response.status(), message).toBe(status);
		expect(await response.text(), message).toContain(message);
	}
	expect(await listImages(appDb, instructor.id)).toEqual([]);
});
