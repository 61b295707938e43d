#!/usr/bin/env bash
# Command two: installs what is missing, then runs every check in order and
# ends with one line "N passed, N failed". Exits non-zero if anything failed.
# A failed step does not stop the later ones, except those that need its output.
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh || { echo "setup failed"; echo "0 passed, 1 failed"; exit 1; }
source scripts/env.sh
export CARGO_TERM_COLOR=never
# Each step builds once: cargo's incremental caches would only take disk
# (about 1 GB of the 4.3 GB a clean run wrote before).
export CARGO_INCREMENTAL=0

log_dir=target/test-logs
mkdir -p "$log_dir"
rm -f "$log_dir"/*.log
passed=0
failed=0
failed_steps=()

# cargo test and wasm-bindgen-test print "test result: … N passed; M failed";
# Playwright's line reporter prints "N passed" and "M failed" lines.
count_cargo() {
  awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } }
       END { print p + 0, f + 0 }' "$1"
}
count_playwright() {
  awk '/^ *[0-9]+ passed/ { p += $1 } /^ *[0-9]+ failed/ { f += $1 } /^ *[0-9]+ flaky/ { p += $1 } END { print p + 0, f + 0 }' "$1"
}

# run NAME COUNTER COMMAND…: COUNTER is "one" (the step is one check) or a counter above.
run() {
  local name=$1 counter=$2; shift 2
  local log="$log_dir/$name.log"
  printf '\n== %s\n' "$name"
  "$@" 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]} p f
  if [ "$counter" = one ]; then
    if [ "$rc" -eq 0 ]; then p=1 f=0; else p=0 f=1; fi
  else
    read -r p f < <("$counter" "$log")
    # a runner that failed without reporting a failed test (a compile error) counts as one failure
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  fi
  passed=$((passed + p)); failed=$((failed + f))
  [ "$rc" -eq 0 ] || failed_steps+=("$name")
  return "$rc"
}

run fmt one cargo fmt --all --check
run clippy-native one cargo clippy --all-targets --locked -- -D warnings
run clippy-wasm one cargo clippy --target wasm32-unknown-unknown --lib --bins --tests --locked -- -D warnings
# --no-fail-fast: a failing test binary does not hide the ones after it.
run model-tests count_cargo cargo test --locked --no-fail-fast
run wasm-tests count_cargo cargo test --target wasm32-unknown-unknown --lib --tests --locked --no-fail-fast
# The e2e tests compare the page with the model's own output through the quote example.
if run release-build one bash -c 'trunk build --release --offline && cargo build --release --locked --example quote --example texts'; then
  run e2e count_playwright bash -c 'cd e2e && npx playwright test --reporter=line'
  run size-budget one node e2e/size-budget.mjs dist
else
  failed=$((failed + 2)); failed_steps+=("e2e (no build)" "size-budget (no build)")
fi

printf '\n== summary\n'
[ ${#failed_steps[@]} -eq 0 ] || echo "failed steps: ${failed_steps[*]}"
# The failing tests' names again, last, where a truncated log still shows them.
grep -h -E '^test .* FAILED$' "$log_dir"/model-tests.log "$log_dir"/wasm-tests.log 2>/dev/null
grep -h -E '^ +[0-9]+\) \[' "$log_dir"/e2e.log 2>/dev/null | sort -u
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
