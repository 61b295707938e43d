#!/usr/bin/env bash
# The link fuzz at scale: opens 5,000 random hostile links in the release
# build, from a new seed each run, and prints each link that broke the page
# (console error, injected markup or script, a request off the page's
# origin, no form and no results, a bad value the notice does not name).
# The test command runs the same fuzz with 320 links of a fixed seed.
#
#   scripts/fuzz.sh                                 # new seed, 5,000 links
#   FUZZ_SEED=123 FUZZ_LINKS=200 scripts/fuzz.sh    # replay a run's seed
#
# Builds first, so it never fuzzes a stale dist/. Exits non-zero on a failure.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

seed=${FUZZ_SEED:-$(( $(od -An -N4 -tu4 /dev/urandom) % 2147483647 + 1 ))}
links=${FUZZ_LINKS:-5000}
report=$(mktemp)
log=target/fuzz-$seed.log
trap 'rm -f "$report"' EXIT

echo "building the release page and the quote example"
if ! { trunk build --release --offline && cargo build --release --locked --example quote; } >"$log" 2>&1; then
  tail -n 30 "$log"
  echo "build failed (log: $log)"
  exit 2
fi

echo "fuzzing $links links, seed $seed"
start=$SECONDS
(cd e2e && FUZZ_SEED=$seed FUZZ_LINKS=$links FUZZ_REPORT=$report \
  npx playwright test tests/share.spec.mjs --grep 'fuzz:' --reporter=line) >>"$log" 2>&1
rc=$?
failures=$(grep -c '^seed ' "$report")

cat "$report"
echo "seed $seed: $links links in $((SECONDS - start)) s, $failures failed (log: $log)"
# A run that failed without naming a link (a crash, a batch out of time
# before its first failure) must not pass as clean.
if [ "$rc" -ne 0 ] && [ "$failures" -eq 0 ]; then
  grep -E '^\s+[0-9]+\) |Error:' "$log" | head -n 20
  echo "the fuzz run itself failed"
fi
[ "$rc" -eq 0 ]
