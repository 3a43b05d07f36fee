import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** Where the app under test runs (see playwright.config.ts). */
export const BASE_URL = `http://localhost:${process.env.E2E_PORT ?? 4173}`;

export const LOCALES = ['de', 'en', 'tr', 'ar', 'uk', 'ru', 'fa', 'pl'] as const;
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * What high contrast can change, and so what is checked again in high contrast: it swaps
 * colours (text, links, backgrounds, borders) and thickens a few borders. Colour decides
 * color-contrast (1.4.3) and link-in-text-block (1.4.1); borders change a box's size, which
 * target-size (2.5.8) measures. Every other WCAG A/AA rule axe has looks at markup, names,
 * roles, focus order or visibility, which contrast does not touch; those run on the same
 * page in normal contrast. (axe has no non-text-contrast rule; color-contrast-enhanced is AAA.)
 */
export const HIGH_CONTRAST_RULES = ['color-contrast', 'link-in-text-block', 'target-size'];

export type Contrast = 'normal' | 'high';

/**
 * Fails with axe's own description of every violation on the page: all WCAG 2.2 A/AA rules,
 * or with `rules: 'contrast'` only those high contrast can change. Each call is one axe
 * check (page × language × contrast), noted as an annotation and counted at the end of the
 * run by tests/e2e/axe-count-reporter.ts.
 */
export async function expectNoAxeViolations(
	page: Page,
	{ rules = 'wcag', soft = false }: { rules?: 'wcag' | 'contrast'; soft?: boolean } = {}
): Promise<void> {
	// Only violations are read, so axe need not build selectors for every passing node.
	const builder = new AxeBuilder({ page }).options({ resultTypes: ['violations'] });
	if (rules === 'contrast') builder.withRules(HIGH_CONTRAST_RULES);
	else builder.withTags(WCAG_TAGS);
	// On a page without frames, axe.run in the page itself gives the same results as the
	// default per-frame run, which also opens and closes a blank page for every check (about
	// 40 % of the time of a check). Pages with frames (a code exercise's sandbox) keep it.
	if (page.frames().length === 1) builder.setLegacyMode();
	const results = await builder.analyze();
	const url = new URL(page.url());
	const contrast: Contrast = (await page.locator('html.contrast-high').count()) ? 'high' : 'normal';
	test.info().annotations.push({ type: AXE_CHECK, description: `${contrast} ${url.pathname}${url.search}` });
	const summary = results.violations.map((v) => ({
		rule: v.id,
		impact: v.impact,
		help: v.help,
		nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1] ?? ''}`)
	}));
	(soft ? expect.soft : expect)(summary, `axe violations on ${page.url()} (${contrast} contrast)`).toEqual([]);
}

/** The annotation type of one axe check. */
export const AXE_CHECK = 'axe-check';

/** The display-settings cookie that turns on high contrast (all else default). */
export const HIGH_CONTRAST_COOKIE = {
	name: 'lotse_display',
	value: 'textSize-100.contrast-high.spacing-normal.motion-normal',
	url: BASE_URL
};

/** Presses Tab until the element matching `selector` has focus, as a keyboard user would. */
export async function tabTo(page: Page, selector: string, maxPresses = 60): Promise<void> {
	for (let i = 0; i < maxPresses; i++) {
		await page.keyboard.press('Tab');
		if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
	}
	throw new Error(`Could not reach ${selector} with the Tab key in ${maxPresses} presses`);
}

/** Opens a page and waits until its JavaScript has taken over (Svelte, or the lesson islands). */
export async function open(page: Page, path: string): Promise<void> {
	await page.goto(path);
	await scriptsSettled(page);
}

/**
 * Waits until the page's JavaScript has taken over, where it has any: pages rendered on the
 * server only (csr = false, e.g. the home page and the catalogue) load no script at all.
 */
export async function scriptsSettled(page: Page): Promise<void> {
	if (await page.locator('script').count()) await page.waitForSelector('html[data-hydrated]', { state: 'attached' });
}

// Test data comes from the factories; the sign-up tests type these into the form.
export { STRONG_PASSWORD as PASSWORD, uniqueUsername } from '../helpers/factories.ts';
