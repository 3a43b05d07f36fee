/**
 * Prints, at the end of a browser-test run, how many axe checks ran (one per page ×
 * language × contrast, see expectNoAxeViolations) and how many distinct pages they
 * covered, so a change that quietly drops pages from the matrix shows in the numbers.
 */
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { AXE_CHECK } from './helpers';

export default class AxeCountReporter implements Reporter {
	private checks = 0;
	private readonly distinct = new Set<string>();
	private readonly byContrast = new Map<string, number>();

	onTestEnd(_test: TestCase, result: TestResult): void {
		for (const annotation of result.annotations) {
			if (annotation.type !== AXE_CHECK || !annotation.description) continue;
			this.checks++;
			this.distinct.add(annotation.description);
			const contrast = annotation.description.split(' ')[0]!;
			this.byContrast.set(contrast, (this.byContrast.get(contrast) ?? 0) + 1);
		}
	}

	onEnd(_result: FullResult): void {
		const parts = [...this.byContrast].map(([contrast, n]) => `${n} ${contrast} contrast`).join(', ');
		console.log(
			`\nAxe checks (page × language × contrast): ${this.checks} (${parts || 'none'}); distinct: ${this.distinct.size}`
		);
	}

	printsToStdio(): boolean {
		return false;
	}
}
