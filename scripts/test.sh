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

export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM_PATH" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    step "Installing Debian's chromium (first run only)"
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium
  else
    echo "npm test needs Chromium at $CHROMIUM_PATH and cannot install it as a non-root user." >&2
    echo "Install it with: sudo apt-get install chromium   (or set CHROMIUM_PATH to a Chromium binary)" >&2
    exit 1
  fi
fi

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
