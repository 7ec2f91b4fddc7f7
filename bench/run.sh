#!/usr/bin/env bash
# npm run bench: installs what the measurements need (Debian's nginx, wrk and chromium, as root),
# then runs bench/bench.ts.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
missing=()
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v wrk >/dev/null || missing+=(wrk)
[ -x "$CHROMIUM_PATH" ] || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
  else
    echo "npm run bench needs: ${missing[*]} (sudo apt-get install ${missing[*]})" >&2
    exit 1
  fi
fi
export PATH="$PATH:/usr/sbin"
exec npx tsx bench/bench.ts
