// The slow-network part of `npm run bench` (BENCH_ONLY=slow-network runs only this; bench.js
// starts the server). Each page is loaded in Chromium on an emulated slow 3G line (Chrome
// DevTools Protocol Network.emulateNetworkConditions: 400 kbit/s both ways, 400 ms round
// trip), with an empty cache, with JavaScript and without. Reported per page: the load event
// (ms after navigation start; goal < 2,000), the bytes that crossed the wire, and the
// cumulative layout shift (CLS, the browser's layout-shift entries through the DevTools
// Protocol's PerformanceTimeline, so also without JavaScript, counted until 1 s after
// the load event so a late font swap counts). Every page must answer 2xx with its own title,
// or the run fails. No test asserts on these numbers.
import { chromium } from 'playwright';

const SLOW_3G = { offline: false, latency: 400, downloadThroughput: 50_000, uploadThroughput: 50_000 };
const GOAL_MS = 2000;

/** The pages measured, each with the start of its <title> (PageHead writes "<title> – Lotse"). */
export const SLOW_NETWORK_PAGES = [
	{ name: 'home', path: '/de', title: 'Willkommen bei Lotse' },
	{ name: 'catalogue', path: '/de/learn', title: 'Lernen' },
	{ name: 'plain lesson', path: '/de/learn/first-steps/keyboard', title: 'Die Tastatur' },
	{
		name: 'phishing simulation',
		path: '/de/learn/safe-online/recognising-phishing',
		title: 'Gefälschte Nachrichten erkennen'
	},
	{ name: 'code exercise', path: '/de/learn/first-programs/loops', title: 'Wiederholen mit Schleifen' },
	{ name: 'participation start page', path: '/de/participate', title: 'Mitreden' },
	{ name: 'project page', path: '/de/participate/digital-pilots', title: 'Digitallotsen' }
];

async function measure(browser, base, page, javaScript, fail) {
	const context = await browser.newContext({ javaScriptEnabled: javaScript });
	try {
		const tab = await context.newPage();
		const cdp = await context.newCDPSession(tab);
		await cdp.send('Network.enable');
		await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
		await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
		// Layout shifts as the browser records them, also in a page without JavaScript.
		const shifts = [];
		await cdp.send('PerformanceTimeline.enable', { eventTypes: ['layout-shift'] });
		cdp.on('PerformanceTimeline.timelineEventAdded', ({ event }) => {
			if (event.layoutShiftDetails) shifts.push(event.layoutShiftDetails);
		});
		let bytes = 0;
		cdp.on('Network.loadingFinished', (event) => (bytes += event.encodedDataLength));
		const failed = [];
		tab.on('response', (response) => {
			if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
		});
		const response = await tab.goto(base + page.path, { waitUntil: 'load', timeout: 60_000 });
		if (!response || response.status() < 200 || response.status() > 299) {
			fail(`${page.path} answered ${response?.status()} on the slow line`);
		}
		const title = await tab.title();
		if (!title.startsWith(page.title)) fail(`${page.path} has the title "${title}", not "${page.title} …"`);
		if (failed.length) fail(`${page.path} loaded with errors: ${failed.join(', ')}`);
		// A font that arrives after the load event may still move the text: wait for it.
		await tab.waitForTimeout(1000);
		// Timers and observers do not run in a page without JavaScript; this reads only.
		const load = await tab.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventEnd);
		const cls = shifts.filter((shift) => !shift.hadRecentInput).reduce((sum, shift) => sum + shift.value, 0);
		return { load: Math.round(load), kb: Math.round(bytes / 1024), cls: Number(cls.toFixed(3)) };
	} finally {
		await context.close();
	}
}

/** Measures every page with and without JavaScript; `fail` throws (bench.js's BenchError). */
export async function slowNetworkBench(base, fail) {
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic']
	});
	try {
		const rows = [];
		for (const page of SLOW_NETWORK_PAGES) {
			const withJs = await measure(browser, base, page, true, fail);
			const withoutJs = await measure(browser, base, page, false, fail);
			rows.push({
				page: page.name,
				'load ms (JS)': withJs.load,
				'load ms (no JS)': withoutJs.load,
				'KB (JS)': withJs.kb,
				'KB (no JS)': withoutJs.kb,
				'CLS (JS)': withJs.cls,
				'CLS (no JS)': withoutJs.cls,
				'< 2 s': Math.max(withJs.load, withoutJs.load) < GOAL_MS ? 'yes' : 'NO'
			});
		}
		return rows;
	} finally {
		await browser.close();
	}
}
