import { makeReportedClass, REPORT_LEARNER_NAMES } from '../helpers/report-factories.ts';
import { expect, signInNewUser, test } from './fixtures';

test.describe('the class report', () => {
	test('prints without navigation, with the table and its header, in German and Arabic', async ({
		page,
		signIn,
		appDb
	}, testInfo) => {
		const instructor = await signIn({ role: 'instructor' });
		const group = await makeReportedClass(appDb, { instructorId: instructor.id });
		await page.emulateMedia({ media: 'print' });
		for (const locale of ['de', 'ar']) {
			const response = await page.goto(`/${locale}/classes/${group.id}/report`);
			expect(response?.status()).toBe(200);
			await expect(page.locator('.site-header')).toBeHidden();
			await expect(page.locator('.site-footer')).toBeHidden();
			await expect(page.getByRole('link', { name: /CSV/ })).toBeHidden();
			const table = page.locator('table#class-report');
			await expect(table).toBeVisible();
			await expect(table.locator('tbody th[scope="row"]')).toHaveCount(REPORT_LEARNER_NAMES.length);
			await expect(table.locator('thead th[scope="col"]')).toHaveCount(2 + 6 + 1 + 1);
			await page.setViewportSize({ width: 1123, height: 794 });
			await page.screenshot({ path: testInfo.outputPath(`report-print-${locale}.png`), fullPage: true });
		}
	});

	test('downloads as CSV with a BOM and a safe file name; other instructors get a 404', async ({
		page,
		signIn,
		appDb,
		browser
	}) => {
		const instructor = await signIn({ role: 'instructor' });
		const group = await makeReportedClass(appDb, { instructorId: instructor.id });
		const response = await page.request.get(`/de/classes/${group.id}/report.csv`);
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8');
		expect(response.headers()['content-disposition']).toMatch(/^attachment; filename="report-\d{4}-\d{2}-\d{2}\.csv"$/);
		const body = await response.body();
		expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const text = body.toString('utf8');
		for (const name of REPORT_LEARNER_NAMES) expect(text).toContain(name);
		expect(text).toContain('Lernende Person');

		const other = await browser.newContext();
		await signInNewUser(appDb, other, { role: 'instructor' });
		const otherPage = await other.newPage();
		for (const path of [`/de/classes/${group.id}/report`, `/de/classes/${group.id}/report.csv`]) {
			expect((await otherPage.request.get(path)).status(), path).toBe(404);
		}
		expect((await otherPage.request.get(`/de/classes/${group.id}/report/${group.learnerIds[0]}`)).status()).toBe(404);
		await other.close();
	});

	test("a learner's own page shows their row of the report and the link from the account page", async ({
		page,
		signIn,
		appDb
	}) => {
		const learner = await signIn();
		await makeReportedClass(appDb, { learnerId: learner.id, name: 'Gruppe Mittwoch' });
		await page.goto('/de/account');
		await page.getByRole('link', { name: 'Was meine Lehrkräfte über mich sehen' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Was meine Lehrkräfte über mich sehen');
		await expect(page.getByRole('heading', { level: 2, name: 'Gruppe Mittwoch' })).toBeVisible();
		const rows = page.locator('table#class-0-row tbody th[scope="row"]');
		await expect(rows).toHaveCount(1);
		await expect(rows).toContainText(learner.username);
		await expect(page.getByText('3 × nicht bestanden:')).toBeVisible();
	});
});
