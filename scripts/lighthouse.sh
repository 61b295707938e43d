#!/usr/bin/env bash
# A measurement, not a test: Lighthouse (mobile preset, simulated slow 4G)
# over the release build in dist/, served with gzip as a CDN would. Prints
# the four category scores and the paint and blocking timings.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh >/dev/null
source scripts/env.sh
[ -f dist/index.html ] || trunk build --release --offline
port=4180
GZIP=1 node e2e/serve.mjs dist "$port" >/dev/null &
server=$!
trap 'kill $server' EXIT
sleep 0.5
report=target/lighthouse.json
lighthouse "http://127.0.0.1:$port/${1:-}" --quiet --output=json --output-path="$report" \
  --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync --user-data-dir=$(mktemp -d)"
node -e '
const r = require(process.argv[1]);
for (const [k, c] of Object.entries(r.categories)) console.log(`${c.title.padEnd(16)} ${Math.round(c.score * 100)}`);
for (const k of ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"])
  console.log(`${r.audits[k].title.padEnd(26)} ${r.audits[k].displayValue}`);
' "$PWD/$report"
