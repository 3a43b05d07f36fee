import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

/**
 * Browser tests run in the system's Chromium (Debian's `chromium` package), never in a
 * browser downloaded by Playwright. CHROMIUM_PATH overrides the location.
 */
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
	throw new Error(
		`No Chromium at ${chromium}. Install it with "apt-get install -y chromium" (Debian/Ubuntu) or set CHROMIUM_PATH to a Chromium or Chrome binary.`
	);
}

// E2E_PORT lets a second run (e.g. a local one beside CI) use another port.
const PORT = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: true,
	workers: 2,
	retries: 0,
	// The axe reporter prints how many axe checks (page × language × contrast) ran.
	reporter: [['list'], ['./tests/e2e/axe-count-reporter.ts']],
	timeout: 60_000,
	use: {
		baseURL: `http://localhost:${PORT}`,
		launchOptions: {
			executablePath: chromium,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run',
				'--disable-quic'
			]
		}
	},
	// Serves the build made before (npm test and test:quick build once); it never builds.
	webServer: {
		command: 'node scripts/e2e-server.js',
		url: `http://localhost:${PORT}/de`,
		timeout: 180_000,
		reuseExistingServer: false,
		env: { PORT: String(PORT), ORIGIN: `http://localhost:${PORT}` }
	}
});
