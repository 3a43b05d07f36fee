import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Where the app under test runs (see playwright.config.ts). */
export const BASE_URL = `http://localhost:${process.env.E2E_PORT ?? 4173}`;

export const LOCALES = ['de', 'en', 'tr', 'ar', 'uk', 'ru', 'fa', 'pl'] as const;
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
export const PASSWORD = 'Möwe Teekanne Fahrrad Elbe';

/** Fails with axe's own description of every violation on the page. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
	const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
	const summary = results.violations.map((v) => ({
		rule: v.id,
		impact: v.impact,
		help: v.help,
		nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1] ?? ''}`)
	}));
	expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

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
	await page.waitForSelector('html[data-hydrated]', { state: 'attached' });
}

let counter = 0;
export function uniqueUsername(prefix = 'user'): string {
	counter++;
	return `${prefix}-${Date.now().toString(36)}-${process.pid}-${counter}`;
}

/** Signs up through the form (no keyboard choreography) and leaves the page signed in. */
export async function signUp(page: Page, username = uniqueUsername(), locale = 'de'): Promise<string> {
	await open(page, `/${locale}/signup`);
	await page.locator('#field-username').fill(username);
	await page.locator('#field-password').fill(PASSWORD);
	await Promise.all([page.waitForURL(`**/${locale}/account`), page.locator('form.stack button[type=submit]').click()]);
	return username;
}
