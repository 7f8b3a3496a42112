#!/usr/bin/env bash
# End-to-end tests: a production build of the app and the local sandbox, driven by a real Chromium.
# Uses Debian's chromium when present (no download), otherwise Playwright's own build.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${PLAYWRIGHT_CHROMIUM_EXECUTABLE:-}" ]; then
  for candidate in chromium chromium-browser; do
    if command -v "$candidate" >/dev/null 2>&1; then
      PLAYWRIGHT_CHROMIUM_EXECUTABLE="$(command -v "$candidate")"
      break
    fi
  done
fi
if [ -n "${PLAYWRIGHT_CHROMIUM_EXECUTABLE:-}" ]; then
  export PLAYWRIGHT_CHROMIUM_EXECUTABLE
  echo "e2e: using $PLAYWRIGHT_CHROMIUM_EXECUTABLE"
else
  echo 'e2e: no system Chromium found; installing Playwright chromium'
  npx --no-install playwright install chromium
fi

export NEXT_TELEMETRY_DISABLED=1
npx --no-install next build
mkdir -p test-results/summary
PLAYWRIGHT_JSON_OUTPUT_NAME=test-results/summary/e2e.json \
  npx --no-install playwright test --reporter=list,json "$@"
