#!/usr/bin/env bash
# npm test: everything, in the order that fails fastest — format, types, lint, unit tests, the policy
# checker, a production build, then the Playwright suite against `next start` in Debian's chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
# Its own build folder: npm test never replaces the build that npm start serves.
export NEXT_DIST_DIR=.next-test
# Consent follows the fixture history (several versions, one upcoming), so e2e can cross a date.
export CONSENT_POLICY_DIR=tests/fixtures/policy-history
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

# The browser: CHROMIUM_PATH if set, else Debian's chromium, else Playwright's own chromium if it was
# installed (npx playwright install chromium). As root on Debian, a missing browser is installed.
playwright_chromium() {
  node -e "const p=require('playwright-core').chromium.executablePath();if(require('fs').existsSync(p))console.log(p)" 2>/dev/null || true
}
if [ -z "${CHROMIUM_PATH:-}" ]; then
  if [ -x /usr/bin/chromium ]; then
    CHROMIUM_PATH=/usr/bin/chromium
  else
    CHROMIUM_PATH="$(playwright_chromium)"
  fi
fi
if [ -z "$CHROMIUM_PATH" ] || [ ! -x "$CHROMIUM_PATH" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    step "Installing Debian's chromium (first run only)"
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium
    CHROMIUM_PATH=/usr/bin/chromium
  else
    echo "npm test needs a Chromium for its browser tests and found none${CHROMIUM_PATH:+ at $CHROMIUM_PATH}." >&2
    echo "Install one: sudo apt-get install chromium (Debian/Ubuntu), or npx playwright install chromium," >&2
    echo "or set CHROMIUM_PATH to a Chromium binary. Checking the policy text alone needs no browser:" >&2
    echo "npm run policy:test" >&2
    exit 1
  fi
fi
export CHROMIUM_PATH

step "Format (Prettier)"
npx prettier --check .
step "Type-check (tsc --noEmit)"
npx tsc --noEmit -p tsconfig.check.json
step "Lint (ESLint, Next's rules)"
npx eslint .
step "Unit tests (vitest)"
npx vitest run
step "Policy check"
npx tsx scripts/policy-check.ts
step "Production build (with the e2e fixture pages, into $NEXT_DIST_DIR)"
build_log="$(mktemp)"
npx tsx scripts/build-assets.ts
E2E_FIXTURES=1 npx next build 2>&1 | tee "$build_log"
E2E_FIXTURES=1 npx tsx scripts/csp-manifest.ts
cp "$build_log" "$NEXT_DIST_DIR/build-output.log"
step "End-to-end tests (Playwright, chromium)"
npx playwright test
