#!/usr/bin/env bash
# npm start: build when there is no build, the build is not for serving (npm test's, with fixture
# pages, or npm run bench's) or a source file is newer than it; then serve on PORT (3000).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
sources=(app components content i18n lib messages public proxy.ts next.config.ts package-lock.json)
if [ ! -f .next/BUILD_ID ] || [ -f .next/NOT_FOR_SERVING ] || [ -n "$(find "${sources[@]}" -newer .next/BUILD_ID -print -quit 2>/dev/null)" ]; then
  npm run build
fi
# The embedded consent store's folder (PGlite); with DATABASE_URL set, PostgreSQL is used instead.
mkdir -p "${CONSENT_DATA_DIR:-data/consent}"
# No -H 127.0.0.1: it breaks next-intl's rewrite (vercel/next.js#94745). Browse http://localhost:PORT.
exec npx next start -p "${PORT:-3000}"
