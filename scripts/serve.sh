#!/usr/bin/env bash
# npm start: build when there is no build or a source file is newer than it; then serve on PORT
# (3000). npm test and npm run bench build into folders of their own, never into .next.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
unset NEXT_DIST_DIR
sources=(app pages components content i18n lib messages public next.config.ts package-lock.json scripts/csp-manifest.ts scripts/store-template.ts)
if [ ! -f .next/csp-manifest.json ] || [ -n "$(find "${sources[@]}" -newer .next/csp-manifest.json -print -quit 2>/dev/null)" ]; then
  npm run build
fi
# The embedded consent store's folder (PGlite); with DATABASE_URL set, PostgreSQL is used instead.
mkdir -p "${CONSENT_DATA_DIR:-data/consent}"
# The site's server (Next's custom server with the site's way in before it): one process, so that
# a stop signal reaches it directly.
exec node --import tsx scripts/server.ts
