#!/usr/bin/env bash
# `npm run test:quick -- <area>`: the working loop. Types, lint, unit and database tests, a
# build, and the browser tests of one area, chosen by spec name (e.g. `learning`,
# `accessibility`, `hostile`); without an area, no browser tests. `npm test` runs everything.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== Types and Svelte checks"
npx svelte-kit sync
npx svelte-check --tsconfig ./tsconfig.json --fail-on-warnings --threshold warning --output machine | tail -n 3

echo "== Lint (Prettier, ESLint: zero warnings)"
npm run -s lint

echo "== Unit and database tests"
npx vitest run

if [ "$#" -gt 0 ]; then
  echo "== Build"
  npx vite build > /dev/null
  echo "== Browser tests: $*"
  npx playwright test "$@"
fi
