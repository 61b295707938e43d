#!/usr/bin/env bash
# Fuzzing at scale, beyond what the test command runs.
#
# Links: opens 5,000 random hostile links in the release build, from a new
# seed each run, and prints each link that broke the page (console error,
# injected markup or script, a request off the page's origin, no form and
# no results, a bad value the notice does not name). The test command runs
# the same fuzz with 320 links of a fixed seed.
#
# Properties: the model's and the link parser's proptest properties with
# 100,000 cases each (the test command runs 32 to 20,000), optimised
# (profile `fuzz`), printing each property's count and the time.
#
# Blending: the blended staffing against the discrete-event simulation
# (tests/blending.rs), each team simulated ten times longer than the test
# command does (`BLEND_SIM_SCALE`, default 10).
#
#   scripts/fuzz.sh                                 # all three
#   scripts/fuzz.sh links                           # new seed, 5,000 links
#   scripts/fuzz.sh properties                      # 100,000 cases each
#   scripts/fuzz.sh blending                        # the long simulation
#   FUZZ_SEED=123 FUZZ_LINKS=200 scripts/fuzz.sh links   # replay a seed
#   PROPTEST_CASES=1000 scripts/fuzz.sh properties
#   FUZZ_TESTS="options compare" scripts/fuzz.sh properties
#
# Builds first, so it never fuzzes a stale dist/. Exits non-zero on a failure.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

what=${1:-all}
case $what in links | properties | blending | all) ;; *) echo "usage: $0 [links|properties|blending|all]"; exit 2 ;; esac

properties() {
  local cases=${PROPTEST_CASES:-100000}
  local log=target/fuzz-properties.log
  echo "running the properties with $cases cases each"
  local start=$SECONDS
  # The model's properties, the advice's, the link parsers' (page keys in
  # options, scenario keys in model_properties, saved sets in compare), the
  # hourly volumes parser's and the decimal printer's; FUZZ_TESTS names fewer.
  local tests=${FUZZ_TESTS:-model_properties advice options compare hourly decimal}
  PROPTEST_CASES=$cases cargo test --profile fuzz --locked --no-fail-fast \
    $(printf -- '--test %s ' $tests) >"$log" 2>&1
  local rc=$?
  grep -E '^test .* \.\.\. |^test result' "$log"
  echo "properties: $cases cases each in $((SECONDS - start)) s (log: $log)"
  return $rc
}

links() {
  local seed=${FUZZ_SEED:-$(( $(od -An -N4 -tu4 /dev/urandom) % 2147483647 + 1 ))}
  local links=${FUZZ_LINKS:-5000}
  local report
  report=$(mktemp)
  local log=target/fuzz-$seed.log
  echo "building the release page and the quote example"
  if ! { trunk build --release --offline && cargo build --release --locked --example quote; } >"$log" 2>&1; then
    tail -n 30 "$log"
    echo "build failed (log: $log)"
    rm -f "$report"
    return 2
  fi
  echo "fuzzing $links links, seed $seed"
  local start=$SECONDS
  (cd e2e && FUZZ_SEED=$seed FUZZ_LINKS=$links FUZZ_REPORT=$report \
    npx playwright test tests/share.spec.mjs --grep 'fuzz:' --reporter=line) >>"$log" 2>&1
  local rc=$?
  local failures
  failures=$(grep -c '^seed ' "$report")
  cat "$report"
  rm -f "$report"
  echo "seed $seed: $links links in $((SECONDS - start)) s, $failures failed (log: $log)"
  # A run that failed without naming a link (a crash, a batch out of time
  # before its first failure) must not pass as clean.
  if [ "$rc" -ne 0 ] && [ "$failures" -eq 0 ]; then
    grep -E '^\s+[0-9]+\) |Error:' "$log" | head -n 20
    echo "the fuzz run itself failed"
  fi
  return $rc
}

blending() {
  local scale=${BLEND_SIM_SCALE:-10}
  local log=target/fuzz-blending.log
  local start=$SECONDS
  BLEND_SIM_SCALE=$scale cargo test --profile fuzz --locked --test blending -- --nocapture >"$log" 2>&1
  local rc=$?
  grep -vE '^\s*(Compiling|Finished|Running)' "$log"
  echo "blending: $scale times the test command's simulated hours in $((SECONDS - start)) s (log: $log)"
  return $rc
}

rc=0
case $what in
  links) links || rc=1 ;;
  properties) properties || rc=1 ;;
  blending) blending || rc=1 ;;
  all) links || rc=1; properties || rc=1; blending || rc=1 ;;
esac
exit $rc
