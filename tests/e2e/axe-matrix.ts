/**
 * Every page in every language, checked by axe: in normal contrast against all of WCAG 2.2
 * A/AA (WCAG_TAGS), in high contrast against the rules contrast can change
 * (HIGH_CONTRAST_RULES). A spec file lists its pages and calls `definePageMatrix(pages)`;
 * adding a page is one line.
 *
 * One browser page per worker and kind of visitor is reused for the whole matrix: a fresh
 * context per check cost more than the navigation itself and checked nothing more.
 */
import type { Browser, BrowserContext, Page } from '@playwright/test';
import type { Db } from '../../src/lib/server/db/database.ts';
import { makeAttempt, makeProgress } from '../helpers/factories.ts';
import { expect, signInNewUser, test, type SignedIn } from './fixtures';
import { expectNoAxeViolations, HIGH_CONTRAST_COOKIE, LOCALES, type Contrast } from './helpers';

export type Who = 'guest' | 'learner' | 'instructor' | 'moderator' | 'admin';

export interface MatrixPage {
	/** The path after the language, or a function that makes the data the page shows and returns its path. */
	path: string | ((db: Db, visitor: SignedIn | null) => Promise<string>);
	/** A name for the test when `path` is a function. */
	name?: string;
	who?: Who;
	locales?: readonly (typeof LOCALES)[number][];
}

/** One context and page per kind of visitor, made once per worker. */
class Visitors {
	private readonly pages = new Map<Who, Promise<{ context: BrowserContext; page: Page }>>();

	constructor(
		private readonly browser: Browser,
		readonly db: Db
	) {}

	page(who: Who): Promise<{ context: BrowserContext; page: Page }> {
		let entry = this.pages.get(who);
		if (!entry) {
			entry = this.create();
			this.pages.set(who, entry);
		}
		return entry;
	}

	private async create() {
		const context = await this.browser.newContext();
		const page = await context.newPage();
		return { context, page };
	}

	/** Signs `context` in; a learner gets some progress, so the dashboard shows what it shows to people who learn. */
	async signIn(context: BrowserContext, who: Exclude<Who, 'guest'>): Promise<SignedIn> {
		const db = this.db;
		if (who !== 'learner') return signInNewUser(db, context, { role: who });
		const user = await signInNewUser(db, context);
		await makeProgress(db, user.id, 'first-steps/keyboard', 'completed');
		await makeProgress(db, user.id, 'first-steps/the-device', 'started');
		await makeAttempt(db, { userId: user.id, lessonKey: 'first-steps/keyboard', quizId: 'enter-key', score: 100 });
		return user;
	}

	async close(): Promise<void> {
		for (const entry of this.pages.values()) await (await entry).context.close();
	}
}

const matrix = test.extend<object, { visitors: Visitors }>({
	visitors: [
		async ({ browser, appDb }, use) => {
			const visitors = new Visitors(browser, appDb);
			await use(visitors);
			await visitors.close();
		},
		{ scope: 'worker' }
	]
});

export function definePageMatrix(pages: readonly MatrixPage[]): void {
	for (const { path, name, who = 'guest', locales = LOCALES } of pages) {
		const title = typeof path === 'string' ? path || '/' : (name ?? 'a made page');
		for (const contrast of ['normal', 'high'] as const satisfies readonly Contrast[]) {
			matrix(
				`${who} ${title} in ${locales.length} languages, ${contrast} contrast: zero axe violations, one h1, right lang`,
				async ({ visitors }) => {
					const { context, page } = await visitors.page(who);
					// Each row starts from the same state whatever ran before it in this worker.
					await context.clearCookies();
					const visitor = who === 'guest' ? null : await visitors.signIn(context, who);
					if (contrast === 'high') await context.addCookies([HIGH_CONTRAST_COOKIE]);
					const resolved = typeof path === 'string' ? path : await path(visitors.db, visitor);
					for (const locale of locales) {
						const url = `/${locale}${resolved}`;
						const response = await page.goto(url);
						expect.soft(response?.status(), url).toBeLessThan(resolved === '/no-such-page' ? 500 : 400);
						await expect.soft(page.locator('h1'), url).toHaveCount(1);
						await expect.soft(page.locator('html'), url).toHaveAttribute('lang', locale);
						if (contrast === 'high') await expect.soft(page.locator('html'), url).toHaveClass(/contrast-high/);
						await expectNoAxeViolations(page, { rules: contrast === 'high' ? 'contrast' : 'wcag', soft: true });
					}
				}
			);
		}
	}
}
