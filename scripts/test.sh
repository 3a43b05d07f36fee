#!/usr/bin/env bash
# `npm test`: every test Lotse has, fastest first. Stops at the first failing stage.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
# Each stage says when it starts, so a slow stage shows in the log.
stage() { echo "== $1 (at $(( $(date +%s) - started )) s)"; }

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  echo "npm test needs Chromium for the browser tests, and none was found at $chromium." >&2
  echo "Install it with: apt-get install -y chromium   (or set CHROMIUM_PATH to a Chromium/Chrome binary)" >&2
  exit 1
fi

if [ -z "${TEST_DATABASE_URL:-}" ]; then
  echo "Note: TEST_DATABASE_URL is not set, so database tests run on SQLite only." >&2
fi

stage "Types and Svelte checks"
npx svelte-kit sync
npx svelte-check --tsconfig ./tsconfig.json --fail-on-warnings --threshold warning --output machine | tail -n 3

stage "Lint (Prettier, ESLint: zero warnings)"
npm run -s lint

stage "Curriculum (content:check)"
npm run -s content:check

stage "Unit and database tests"
npx vitest run

stage "Build"
npx vite build > /dev/null

stage "Browser tests (Chromium, axe)"
npx playwright test
stage "Done"
