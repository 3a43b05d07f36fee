import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import de from '../../src/lib/i18n/translations/de/exercises.json' with { type: 'json' };
import { open, WCAG_TAGS } from './helpers';

/** Code exercises: the learner's code runs in a sandboxed iframe, never in Lotse's origin. */

const VARIABLES = '/de/learn/first-programs/values-and-variables';
const WEB_PAGE = '/de/learn/first-programs/first-web-page';
const TEXT = de.exercise;

function solution(name: string): string {
	return readFileSync(new URL(`../fixtures/exercise-solutions/${name}.js`, import.meta.url), 'utf8');
}

/** Fills {{placeholders}} like i18next does. */
function fill(template: string, values: Record<string, string | number>): string {
	return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => String(values[key]));
}

function exercise(page: Page, id: string) {
	const root = page.locator(`section[data-exercise="${id}"]`);
	return {
		root,
		editor: root.locator('textarea'),
		run: root.getByRole('button', { name: TEXT.run, exact: true }),
		reset: root.getByRole('button', { name: TEXT.reset, exact: true }),
		status: root.locator('[aria-live="polite"]'),
		checks: root.locator('ul li'),
		output: root.getByRole('region', { name: TEXT.outputLabel })
	};
}

async function expectChecks(checks: Locator, passed: boolean[]): Promise<void> {
	await expect(checks).toHaveCount(passed.length);
	for (const [i, ok] of passed.entries()) {
		await expect(checks.nth(i)).toContainText(ok ? TEXT.passed : TEXT.notYet);
	}
}

test.describe('JavaScript exercises', () => {
	test('known-good solutions pass every check and show their output', async ({ page }) => {
		await open(page, VARIABLES);

		const name = exercise(page, 'print-name');
		await name.editor.fill(solution('values-and-variables--print-name'));
		await name.run.click();
		await expect(name.status).toContainText(fill(TEXT.summary_other, { passed: 2, count: 2 }));
		await expect(name.status).toContainText(TEXT.allPassed);
		await expectChecks(name.checks, [true, true]);
		await expect(name.output).toHaveText('Hallo Amira');

		const total = exercise(page, 'ticket-total');
		await total.editor.fill(solution('values-and-variables--ticket-total'));
		await total.run.click();
		await expect(total.status).toContainText(fill(TEXT.summary_other, { passed: 2, count: 2 }));
		await expectChecks(total.checks, [true, true]);
		await expect(total.output).toHaveText('14');
	});

	test('a solved exercise is still solved after a reload: its code and checks are kept in the browser', async ({
		page
	}) => {
		await open(page, VARIABLES);
		const name = exercise(page, 'print-name');
		const code = solution('values-and-variables--print-name');
		await name.editor.fill(code);
		await name.run.click();
		await expect(name.status).toContainText(TEXT.allPassed);

		await page.reload();
		await page.waitForSelector('html[data-hydrated]', { state: 'attached' });
		const again = exercise(page, 'print-name');
		await expect(again.editor).toHaveValue(code);
		await expect(again.status).toContainText(TEXT.allPassed);
		await expectChecks(again.checks, [true, true]);
		await expect(again.output).toHaveText('Hallo Amira');
		// Only the exercise that was run: the other one starts fresh, its checks not yet run.
		const total = exercise(page, 'ticket-total');
		await expect(total.editor).toHaveValue(/const adults = 2;/);
		await expect(total.status).toBeEmpty();
		await expect(total.checks.filter({ hasText: TEXT.passed })).toHaveCount(0);
		await expect(total.checks.filter({ hasText: TEXT.notYet })).toHaveCount(0);
	});

	test('the starter code runs but does not pass yet', async ({ page }) => {
		await open(page, VARIABLES);
		const total = exercise(page, 'ticket-total');
		await total.run.click();
		await expect(total.status).toContainText(fill(TEXT.summary_other, { passed: 0, count: 2 }));
		await expectChecks(total.checks, [false, false]);
		await expect(total.root).toContainText(TEXT.outputEmpty);

		// Reset brings the starter back, and can be undone.
		await total.editor.fill('let total = 14;');
		await total.reset.click();
		await expect(total.editor).toHaveValue(/const adults = 2;/);
		await total.root.getByRole('button', { name: TEXT.undoReset }).click();
		await expect(total.editor).toHaveValue('let total = 14;');
	});

	test('an endless loop is stopped after the time limit, and the page stays usable meanwhile', async ({ page }) => {
		await open(page, VARIABLES);
		const name = exercise(page, 'print-name');
		const other = exercise(page, 'ticket-total');
		await name.editor.fill('while (true) {}');
		await name.editor.press('Control+Enter');
		await expect(name.status).toContainText(TEXT.running);

		// While the loop spins, this page still reacts: a frame is drawn and another editor takes
		// typing before the run has been stopped (a loop on the page's own thread would block both).
		await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
		await other.editor.fill('let total = 1;');
		await expect(other.editor).toHaveValue('let total = 1;');
		expect(await name.status.textContent()).toContain(TEXT.running);

		await expect(name.status).toContainText(fill(TEXT.timeout_other, { count: 2 }), { timeout: 10_000 });
		await expect(name.status).toContainText(fill(TEXT.summary_other, { passed: 0, count: 2 }));

		// The sandbox works again for the next run.
		await name.editor.fill(solution('values-and-variables--print-name'));
		await name.run.click();
		await expect(name.status).toContainText(fill(TEXT.summary_other, { passed: 2, count: 2 }));
	});

	test('learner code cannot reach cookies, the page or the network, and its output is only text', async ({ page }) => {
		await open(page, VARIABLES);
		// The page itself has a readable cookie (the chosen language).
		expect(await page.evaluate(() => document.cookie)).toContain('lotse_locale');

		const name = exercise(page, 'print-name');
		const frame = name.root.locator('iframe');
		await name.editor.fill(
			[
				'const attempts = {',
				'  cookie: () => document.cookie,',
				'  parentDocument: () => parent.document.cookie,',
				'  topDocument: () => top.document.body.innerHTML,',
				'  storage: () => localStorage.getItem("x"),',
				`  request: () => { const x = new XMLHttpRequest(); x.open("GET", "${new URL(page.url()).origin}/de", false); x.send(); return x.status; }`,
				'};',
				'for (const [name, attempt] of Object.entries(attempts)) {',
				'  try { console.log(name + ": reached " + attempt()); } catch (e) { console.log(name + ": blocked"); }',
				'}',
				'console.log("<img src=x onerror=alert(1)><b>bold</b>");'
			].join('\n')
		);
		await name.run.click();
		await expect(name.status).toContainText(fill(TEXT.summary_other, { passed: 0, count: 2 }));
		for (const attempt of ['cookie', 'parentDocument', 'topDocument', 'storage', 'request']) {
			await expect(name.output).toContainText(`${attempt}: blocked`);
		}
		await expect(name.output).not.toContainText('reached');
		// Printed markup stays text.
		await expect(name.output).toContainText('<img src=x onerror=alert(1)><b>bold</b>');
		await expect(name.root.locator('img, b')).toHaveCount(0);

		// The sandbox has no way back into Lotse's origin.
		await expect(frame).toHaveAttribute('sandbox', 'allow-scripts');
		await expect(frame).toHaveAttribute('src', /\/sandbox\/runner\.html$/);
	});

	test('the editor indents with Tab, lets go after Escape, and runs with Ctrl+Enter', async ({ page }) => {
		await open(page, VARIABLES);
		const name = exercise(page, 'print-name');
		await name.editor.fill('');
		await name.editor.focus();
		await page.keyboard.press('Tab');
		await page.keyboard.type('const firstName = "Ole";');
		await expect(name.editor).toHaveValue('  const firstName = "Ole";');
		await expect(name.editor).toBeFocused();

		await page.keyboard.press('Escape');
		await page.keyboard.press('Tab');
		await expect(name.editor).not.toBeFocused();
		await expect(name.run).toBeFocused();

		await name.editor.focus();
		await page.keyboard.press('Control+Enter');
		await expect(name.status).toContainText(fill(TEXT.summary_other, { passed: 1, count: 2 }));
		await expectChecks(name.checks, [true, false]);
	});

	test('the exercise meets WCAG 2.2 AA after a run', async ({ page }) => {
		await open(page, VARIABLES);
		const name = exercise(page, 'print-name');
		await name.editor.fill(solution('values-and-variables--print-name'));
		await name.run.click();
		await expect(name.status).toContainText(fill(TEXT.summary_other, { passed: 2, count: 2 }));
		await expect(name.output).toHaveText('Hallo Amira');
		const results = await new AxeBuilder({ page }).include('section[data-exercise]').withTags(WCAG_TAGS).analyze();
		expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
	});
});

test.describe('HTML exercises', () => {
	test('a known-good page passes, shows in the preview, and its scripts never run', async ({ page }) => {
		await open(page, WEB_PAGE);
		const first = exercise(page, 'first-page');
		await first.editor.fill(
			solution('first-web-page--first-page') +
				'\n<script>document.body.dataset.ran = "yes"</script><img src="x" onerror="document.body.dataset.ran = \'yes\'">'
		);
		await first.run.click();
		await expect(first.status).toContainText(fill(TEXT.summary_other, { passed: 3, count: 3 }));
		await expectChecks(first.checks, [true, true, true]);

		const preview = first.root.frameLocator('iframe');
		await expect(preview.locator('h1')).toHaveText('Mein Stadtteil');
		// The absence of data-ran proves something only once the image has failed to load: the
		// browser sets `complete` and fires `error` (whose handler would set it) in one task.
		await expect(preview.locator('img[src="x"]')).toHaveJSProperty('complete', true);
		// The learner's <script> was dropped (the runner's own script sits in its <head>).
		await expect(preview.locator('body script')).toHaveCount(0);
		await expect(preview.locator('body')).not.toHaveAttribute('data-ran', 'yes');
		// Links in the preview do not take the preview away.
		await preview.locator('a').click();
		await expect(preview.locator('h1')).toHaveText('Mein Stadtteil');
	});

	test('the starter page does not pass yet', async ({ page }) => {
		await open(page, WEB_PAGE);
		const first = exercise(page, 'first-page');
		await first.run.click();
		await expect(first.status).toContainText(fill(TEXT.summary_other, { passed: 0, count: 3 }));
		await expectChecks(first.checks, [false, false, false]);
	});
});

test.describe('with JavaScript turned off', () => {
	test.use({ javaScriptEnabled: false });

	test('the task, the starter code and the checks are there, with a note that running needs JavaScript', async ({
		page
	}) => {
		await page.goto(VARIABLES);
		const total = page.locator('section[data-exercise="ticket-total"]');
		await expect(total).toContainText('Schwimmbad');
		await expect(total.getByRole('region', { name: TEXT.starterLabel })).toContainText('const adults = 2;');
		await expect(total.locator('ul li')).toHaveCount(2);
		await expect(total).toContainText(TEXT.needsJs);
		await expect(total.locator('textarea, iframe')).toHaveCount(0);
	});
});
