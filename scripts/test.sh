#!/usr/bin/env bash
# npm test: everything, in the order that fails fastest — format, types, lint, the policy checker,
# the unit tests beside a production build, then the Playwright suite against `next start` in
# Debian's chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
# Its own build folder: npm test never replaces the build that npm start serves.
export NEXT_DIST_DIR=.next-test
# Consent follows the fixture history (several versions, one upcoming), so e2e can cross a date.
export CONSENT_POLICY_DIR=tests/fixtures/policy-history
# One consent cookie for every *.heyimg.test site: the e2e tests embed the consent on another one.
export CONSENT_COOKIE_DOMAIN=heyimg.test
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

# The browser: CHROMIUM_PATH if set, else Debian's chromium-headless-shell (Chromium's own headless
# build, the one Playwright uses by default: the suite runs in half the time of the full browser),
# else Debian's chromium, else Playwright's own chromium if it was installed (npx playwright install
# chromium). npm test never downloads a browser: .ci/run installs the headless shell on a clean machine.
playwright_chromium() {
  node -e "const p=require('playwright-core').chromium.executablePath();if(require('fs').existsSync(p))console.log(p)" 2>/dev/null || true
}
if [ -z "${CHROMIUM_PATH:-}" ]; then
  for candidate in /usr/bin/chromium-headless-shell /usr/bin/chromium "$(playwright_chromium)"; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then
      CHROMIUM_PATH="$candidate"
      break
    fi
  done
fi
if [ -z "${CHROMIUM_PATH:-}" ] || [ ! -x "$CHROMIUM_PATH" ]; then
  echo "npm test needs a Chromium for its browser tests and found none${CHROMIUM_PATH:+ at $CHROMIUM_PATH}." >&2
  echo "Install one: sudo apt-get install chromium-headless-shell (Debian/Ubuntu), or npx playwright install" >&2
  echo "chromium, or set CHROMIUM_PATH to a Chromium binary. Checking the policy text alone needs no browser:" >&2
  echo "npm run policy:test" >&2
  exit 1
fi
export CHROMIUM_PATH

step "Format (Prettier)"
npx prettier --check .
step "Type-check (tsc --noEmit)"
npx tsc --noEmit -p tsconfig.check.json
step "Lint (ESLint, Next's rules)"
npx eslint .
step "Policy check"
npx tsx scripts/policy-check.ts

# The unit tests mostly wait on child processes (the consent stores, npx tsx) and the build mostly
# computes: side by side they take a minute less than one after the other on two cores. The unit
# tests' report is printed once the build is done; either failing fails npm test.
step "Unit tests (vitest) and the production build (with the e2e fixture pages, into $NEXT_DIST_DIR), side by side"
unit_log="$(mktemp)"
npx vitest run --color >"$unit_log" 2>&1 &
unit_pid=$!
build_log="$(mktemp)"
build_status=0
{
  npx tsx scripts/build-assets.ts &&
    E2E_FIXTURES=1 npx next build 2>&1 | tee "$build_log" &&
    E2E_FIXTURES=1 npx tsx scripts/csp-manifest.ts &&
    npx tsx scripts/store-template.ts
} || build_status=$?
unit_status=0
wait "$unit_pid" || unit_status=$?
step "Unit tests (vitest): the report"
cat "$unit_log"
if [ "$unit_status" -ne 0 ] || [ "$build_status" -ne 0 ]; then
  [ "$unit_status" -ne 0 ] && echo "npm test: the unit tests failed (above)." >&2
  [ "$build_status" -ne 0 ] && echo "npm test: the production build failed (above)." >&2
  exit 1
fi
cp "$build_log" "$NEXT_DIST_DIR/build-output.log"
step "End-to-end tests (Playwright, chromium)"
npx playwright test
