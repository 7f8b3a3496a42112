#!/usr/bin/env bash
# `npm test`: lint, typecheck, unit, integration and end-to-end tests, in that order, stopping at the
# first failure. Ends with one line counting every test that ran.
set -euo pipefail
cd "$(dirname "$0")/.."

export NEXT_TELEMETRY_DISABLED=1
results=test-results
rm -rf "$results/summary" && mkdir -p "$results/summary"

step() { printf '\n==> %s\n' "$*"; }

step 'lint'
npx --no-install eslint . --max-warnings=0

step 'typecheck'
npx --no-install tsc --noEmit -p .

step 'unit tests'
npx --no-install vitest run --project unit --reporter=default --reporter=json \
  --outputFile.json="$results/summary/unit.json"

step 'integration tests'
npx --no-install vitest run --project integration --reporter=default --reporter=json \
  --outputFile.json="$results/summary/integration.json"

step 'end-to-end tests'
bash scripts/e2e.sh

node scripts/test-totals.mjs "$results/summary"
