#!/usr/bin/env bash
# A measurement, not a test (issue 12): what loads when (the wasm chunks),
# criterion medians of the model, our required_agents against pyworkforce's
# on one grid of loads, keystroke to paint under a 4x CPU throttle, a host
# page's blocking time with the app in its frame, and Lighthouse. Prints
# one Markdown table.
# Fail-soft: a part that cannot run shows "n/a" and why; the others still run.
# Usage: scripts/bench.sh [--build]   (--build rebuilds dist/ first)
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
logs=target/bench
mkdir -p "$logs"
started=$SECONDS
marker=$logs/started   # criterion reports older than this are a previous run's
touch "$marker"
rows=()
row() { rows+=("| $1 | $2 |"); }
step() { printf '== bench: %s\n' "$*" >&2; }
# Why a part failed: its log's first error line (cargo's, rustup's) or else
# its last (Python's, Node's), without a table's pipes.
why() { { grep -m1 -i '^error' "$1" || tail -n1 "$1"; } | tr '|' '/' | cut -c1-100; }
na() { row "$1" "n/a: $(why "$2") ($2)"; }
json() { node -p "const r = JSON.parse(require('fs').readFileSync(0, 'utf8')); $1" <"$2"; }

step "release build in dist/"
built=yes
if [ "${1:-}" = --build ] || [ ! -f dist/index.html ]; then
  trunk build --release --offline >"$logs/build.log" 2>&1 || built=no
fi

step "what loads when (the split build's chunks)"
if [ "$built" = yes ] && node e2e/chunk-table.mjs dist >"$logs/chunks.md" 2>"$logs/chunks.log"; then
  mapfile -t -O "${#rows[@]}" rows <"$logs/chunks.md"
else
  na "what loads when" "$logs/chunks.log"
fi

step "criterion (cargo bench --bench model)"
if cargo bench --bench model >"$logs/criterion.log" 2>&1; then
  # The median, not the slope criterion prints; in the order the run wrote them.
  find target/criterion -path '*/new/estimates.json' -newer "$marker" -printf '%T@ %h\n' | sort -n |
    while read -r _ dir; do
      node -e '
        const [dir] = process.argv.slice(1), read = (f) => require(`${dir}/${f}`);
        const ns = read("estimates.json").median.point_estimate;
        const [v, u] = ns < 1e3 ? [ns, "ns"] : ns < 1e6 ? [ns / 1e3, "µs"] : [ns / 1e6, "ms"];
        console.log(`${read("benchmark.json").full_id}\t${v.toPrecision(3)} ${u}`);
      ' "$PWD/$dir"
    done >"$logs/criterion.tsv"
  while IFS=$'\t' read -r name median; do row "criterion median: \`$name\`" "$median"; done <"$logs/criterion.tsv"
else
  na "criterion" "$logs/criterion.log"
fi

step "instructions for one quote (callgrind)"
# Counted, not timed: the same on a busy machine, so a change's effect on
# the model shows even where criterion's spread hides it.
if command -v valgrind >/dev/null && cargo build --release --quiet --example quote 2>"$logs/callgrind.log" &&
  valgrind --tool=callgrind --callgrind-out-file="$logs/callgrind.out" target/release/examples/quote 'v=1' \
    >/dev/null 2>>"$logs/callgrind.log"; then
  ir=$(sed -n 's/^==[0-9]*== Collected : //p' "$logs/callgrind.log")
  row "instructions for \`examples/quote 'v=1'\` (the default scenario: parse, compute, JSON), callgrind" "$(node -p "($ir / 1e6).toFixed(2)") M"
else
  echo "valgrind is not installed, or the quote example did not build" >>"$logs/callgrind.log"
  na "callgrind" "$logs/callgrind.log"
fi

step "required_agents against pyworkforce 0.5.1"
venv=target/bench-venv
pyworkforce() {
  "$venv/bin/python" -c 'import importlib.metadata as m; assert m.version("pyworkforce") == "0.5.1"' 2>/dev/null ||
    { python3 -m venv "$venv" && "$venv/bin/pip" install -q pyworkforce==0.5.1; } || return
  # The grid of examples/agents_grid.rs. intensity = transactions / interval
  # * aht, so interval = aht = 1 makes it the load itself, exactly, and the
  # answer-time ratio asa / aht is our 20 / 180.
  "$venv/bin/python" - <<'EOF'
import json, time
from pyworkforce.queuing import ErlangC

def agents(erlangs):
    return ErlangC(transactions=erlangs, aht=1, asa=20 / 180, interval=1).required_positions(
        service_level=0.8, max_occupancy=0.85)["positions"]

loads = [k / 2 for k in range(1, 401)]
total = sum(agents(a) for a in loads)
# The fastest of 10 calls per load, summed. A whole pass (tens of ms)
# outlasts a time slice on this shared machine, so none is uncontended; one
# call (under 1 ms) often is, as is a pass of ours (under 1 ms).
def fastest(a):
    best = float("inf")
    for _ in range(10):
        start = time.perf_counter()
        agents(a)
        best = min(best, time.perf_counter() - start)
    return best

seconds = sum(fastest(a) for a in loads)
print(json.dumps({"calls": len(loads), "total_agents": total, "ns_per_call": seconds / len(loads) * 1e9}))
EOF
}
ours= theirs=
cargo run --release --quiet --example agents_grid >"$logs/ours.json" 2>"$logs/ours.log" &&
  ours=$(json '`${r.total_agents}\t${r.ns_per_call}`' "$logs/ours.json")
pyworkforce >"$logs/pyworkforce.json" 2>"$logs/pyworkforce.log" &&
  theirs=$(json '`${r.total_agents}\t${r.ns_per_call}`' "$logs/pyworkforce.json")
IFS=$'\t' read -r our_total our_ns <<<"${ours:-n/a: $(why "$logs/ours.log")}"
IFS=$'\t' read -r their_total their_ns <<<"${theirs:-n/a: $(why "$logs/pyworkforce.log")}"
grid="agents summed over the grid (loads 0.5 to 200 E by 0.5, AHT 180 s, 80 % in 20 s, occupancy ≤ 85 %): ours / pyworkforce"
if [ -z "$ours" ] || [ -z "$theirs" ]; then
  row "$grid" "$our_total / $their_total"
else
  row "$grid" "$our_total / $their_total ($([ "$our_total" = "$their_total" ] && echo equal || echo DIFFERENT))"
  row "required_agents, time per call: ours / pyworkforce" "$(printf '%.0f ns / %.0f ns' "$our_ns" "$their_ns")"
  row "speed ratio, pyworkforce / ours" "$(node -p "Math.round($their_ns / $our_ns)")×"
fi

step "keystroke to paint (Event Timing, 4x CPU throttle)"
port=4181
server=
trap '[ -z "$server" ] || kill "$server" 2>/dev/null' EXIT
keystroke() {
  [ "$built" = yes ] || { echo "the release build failed: $logs/build.log" >&2; return 1; }
  node e2e/serve.mjs dist "$port" >"$logs/serve.log" 2>&1 &
  server=$!
  # Wait for the server's own word: a busy port must not measure someone else's page.
  for _ in $(seq 50); do grep -q serving "$logs/serve.log" && break; kill -0 "$server" 2>/dev/null || break; sleep 0.1; done
  grep -q serving "$logs/serve.log" || { echo "node e2e/serve.mjs did not start on port $port" >&2; return 1; }
  node e2e/keystroke.mjs "http://127.0.0.1:$port/" 4
}
if keystroke >"$logs/keystroke.json" 2>"$logs/keystroke.log"; then
  k=$(json '`${r.median_ms} ms\t${r.p75_ms} ms\t${r.keystrokes}`' "$logs/keystroke.json")
  IFS=$'\t' read -r k_median k_p75 k_count <<<"$k"
  row "keystroke to paint into \"Phone calls\", median ($k_count keystrokes)" "$k_median"
  row "keystroke to paint, 75th percentile" "$k_p75"
else
  na "keystroke to paint" "$logs/keystroke.log"
fi

step "the first load's long tasks (Chromium trace, 4x CPU throttle)"
[ -n "$server" ] || echo "no page server: see the keystroke part" >"$logs/loadtrace.log"
if [ -n "$server" ] && node e2e/loadtrace.mjs "http://127.0.0.1:$port/" 4 >"$logs/loadtrace.json" 2>"$logs/loadtrace.log" &&
  node e2e/loadtrace.mjs "http://127.0.0.1:$port/" 4 --wasm >"$logs/loadtrace-wasm.json" 2>>"$logs/loadtrace.log"; then
  lt=$(json '[r.long_tasks, r.blocking_ms, r.style_layout_paint_ms, r.longest_ms].join("\t")' "$logs/loadtrace.json")
  IFS=$'\t' read -r lt_count lt_blocking lt_layout lt_longest <<<"$lt"
  lw=$(json '[r.longest_ms, r.longest_lazy_compile_ms].join("\t")' "$logs/loadtrace-wasm.json")
  IFS=$'\t' read -r lw_longest lw_compile <<<"$lw"
  row "first load at 4x: long tasks, and their blocking time past 50 ms" "$lt_count, $lt_blocking ms"
  row "first load at 4x: style, layout and paint in those tasks" "$lt_layout ms"
  row "first load at 4x: the longest task (the app's start)" "$lt_longest ms"
  row "first load at 4x, tracing each wasm function's compile: the longest task, and V8 compiling wasm in it" "$lw_longest ms, $lw_compile ms"
else
  na "the first load's long tasks" "$logs/loadtrace.log"
fi
[ -z "$server" ] || kill "$server" 2>/dev/null
server=

step "a host's page with the calculator in its frame (same origin, 4x CPU throttle)"
# The site a marketing team runs: its page at /, the app under /tools/calc/,
# one origin, so the frame's tasks run on the host page's main thread. The
# same page with an empty document in its frame (/empty.html) is the floor:
# what the host page and a frame cost this machine without the calculator.
# Three runs of each, in turn, as the machine's load moves both.
hostsite() {
  [ "$built" = yes ] || { echo "the release build failed: $logs/build.log" >&2; return 1; }
  local site=$logs/hostsite
  rm -rf "$site" && mkdir -p "$site/tools/empty" && cp -r dist "$site/tools/calc"
  echo '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Empty</title></head><body></body></html>' \
    >"$site/tools/empty/index.html"
  local frame
  for frame in calc empty; do
    cat >"$site/$frame.html" <<HTML
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>A host page</title><style>body { font: 16px/1.5 Georgia, serif; margin: 0 auto; max-width: 60rem; padding: 1rem; } iframe { display: block; width: 100%; height: 900px; border: 0; }</style></head>
<body><h1>Acme Support Outsourcing</h1><p>What would outsourced support cost you?</p>
<iframe title="Support cost calculator" src="/tools/$frame/?embed=1"></iframe></body></html>
HTML
  done
  node e2e/serve.mjs "$site" "$hport" >"$logs/hostserve.log" 2>&1 &
  server=$!
  for _ in $(seq 50); do grep -q serving "$logs/hostserve.log" && break; kill -0 "$server" 2>/dev/null || break; sleep 0.1; done
  grep -q serving "$logs/hostserve.log" || { echo "node e2e/serve.mjs did not start on port $hport" >&2; return 1; }
}
# "a, b, c (median m)" of the runs' JSON lines' field.
runs() {
  node -e 'const v = require("fs").readFileSync(0, "utf8").trim().split("\n").map((l) => JSON.parse(l)[process.argv[1]]);
    const m = [...v].sort((a, b) => a - b)[v.length >> 1];
    console.log(`${v.join(", ")} (median ${m})`)' "$2" <"$1"
}
hport=4182
if hostsite 2>"$logs/hostblock.log"; then
  : >"$logs/hostblock-calc.json"
  : >"$logs/hostblock-empty.json"
  for _ in 1 2 3; do
    node e2e/hostblock.mjs "http://127.0.0.1:$hport/calc.html" 4 >>"$logs/hostblock-calc.json" 2>>"$logs/hostblock.log"
    node e2e/hostblock.mjs "http://127.0.0.1:$hport/empty.html" 4 >>"$logs/hostblock-empty.json" 2>>"$logs/hostblock.log"
  done
fi
if [ -s "$logs/hostblock-calc.json" ] && [ -s "$logs/hostblock-empty.json" ]; then
  row "a same-origin host page with the app in its frame, first 8 s at 4x: blocked (past 50 ms), three runs" "$(runs "$logs/hostblock-calc.json" blocking_ms) ms"
  row "the same, its longest task" "$(runs "$logs/hostblock-calc.json" longest_ms) ms"
  row "the same host page with an empty frame (its floor on this machine): blocked" "$(runs "$logs/hostblock-empty.json" blocking_ms) ms"
else
  na "the host page's blocking time" "$logs/hostblock.log"
fi
[ -z "$server" ] || kill "$server" 2>/dev/null
server=

step "Lighthouse (scripts/lighthouse.sh), three runs"
# The issue's bars are medians of three runs: one run on a shared machine
# says little.
lighthouse() {
  [ "$built" = yes ] || { echo "the release build failed: $logs/build.log"; return 1; }
  local i
  for i in 1 2 3; do
    scripts/lighthouse.sh && cp target/lighthouse.json "$logs/lighthouse-$i.json" || return 1
  done
}
if lighthouse >"$logs/lighthouse.log" 2>&1; then
  # One row a figure: "run 1, run 2, run 3 (median)".
  node -e '
    const runs = [1, 2, 3].map((i) => require(`${process.cwd()}/${process.argv[1]}/lighthouse-${i}.json`));
    const figure = (label, value, show) => {
      const v = runs.map(value);
      const m = [...v].sort((a, b) => a - b)[1];
      console.log(`| ${label} | ${v.map(show).join(", ")} (median ${show(m)}) |`);
    };
    figure("Lighthouse mobile (gzip): performance", (r) => r.categories.performance.score * 100, (v) => v.toFixed(0));
    figure("Lighthouse: largest contentful paint", (r) => r.audits["largest-contentful-paint"].numericValue, (v) => `${(v / 1000).toFixed(1)} s`);
    figure("Lighthouse: total blocking time", (r) => r.audits["total-blocking-time"].numericValue, (v) => `${Math.round(v)} ms`);
    figure("Lighthouse: cumulative layout shift", (r) => r.audits["cumulative-layout-shift"].numericValue, (v) => v.toFixed(2));
  ' "$logs" >"$logs/lighthouse.md" && mapfile -t -O "${#rows[@]}" rows <"$logs/lighthouse.md"
else
  na "Lighthouse" "$logs/lighthouse.log"
fi

echo
# dist/ is rebuilt only with --build, so its age says which code the browser figures saw.
echo "scripts/bench.sh at \`$(git describe --always --dirty)\` (dist/ of $(date -ur dist/index.html '+%H:%M' 2>/dev/null || echo '-')), $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg), $((SECONDS - started)) s:"
echo
echo "| figure | value |"
echo "|---|---|"
printf '%s\n' "${rows[@]}"
