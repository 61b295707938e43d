#!/usr/bin/env bash
# Mutation testing of the model on a fixed sample: cargo-mutants injects a
# bug at a time into src/model/ (one shard in twenty, round-robin, about
# 150 mutants) and runs the native tests against it. A mutant the tests
# miss is a bug that would ship green, unless it cannot change behaviour
# (an equivalent mutant), listed with its reason in
# scripts/mutants-equivalent.txt. Prints caught / judged per file and
# overall. Not part of scripts/test.sh: about an hour on two cores.
#
#   scripts/mutants.sh            # the sample, then the table
#   scripts/mutants.sh --report   # the table of the last run only
#   MUTANTS_OUT=/tmp/m scripts/mutants.sh   # elsewhere than target/mutants
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

version=27.1.0
out=${MUTANTS_OUT:-target/mutants}
equivalent=scripts/mutants-equivalent.txt

if [ "${1:-}" != --report ]; then
  if ! cargo mutants --version 2>/dev/null | grep -qF "$version"; then
    cargo install cargo-mutants --version "$version" --locked || exit 1
  fi
  # No debug info: each mutant relinks every test binary, and the
  # links are most of a rebuild.
  export CARGO_PROFILE_TEST_DEBUG=false CARGO_PROFILE_DEV_DEBUG=false
  # One job: the machine is shared. A mutant that loops forever is
  # stopped at 90 s (an unmutated run takes about 15 s on an idle machine,
  # 50 s on a loaded one) and counts as caught: the tests do not pass.
  # Shuffled, so a run cut short has tested a random part of the sample. The discrete-event simulation in
  # tests/blending.rs (18 s of the 32 s the native tests take, a check of
  # the blending formula against 434 million simulated events) is left to
  # the test command; the worked examples and properties that run here
  # cover the same code in a fraction of the time.
  cargo mutants -f 'src/model/*.rs' --shard 0/20 --sharding round-robin \
    -j 1 --timeout 90 --shuffle --output "$out" \
    -- -- --skip the_blended_staffing_meets_every_target_in_simulation
  echo
fi

dir=$out/mutants.out
if [ ! -f "$dir/caught.txt" ]; then
  echo "no results in $dir"
  exit 1
fi

# Equivalent mutants: a mutant's name as cargo-mutants prints it, on a line
# of its own, then an indented line giving the reason. A name without a
# reason is an error, so nothing is waved through unexplained.
awk -v file="$equivalent" '
  BEGIN {
    while ((getline line < file) > 0) {
      if (line ~ /^#/ || line ~ /^[[:space:]]*$/) continue
      if (line ~ /^[[:space:]]/) {
        if (name == "") { print "a reason with no mutant in " file ": " line > "/dev/stderr"; bad = 1 }
        reason[name] = 1; name = ""; continue
      }
      if (name != "") { print "no reason for " name > "/dev/stderr"; bad = 1 }
      name = line; listed[line] = 1
    }
    if (name != "") { print "no reason for " name > "/dev/stderr"; bad = 1 }
  }
  function tally(path, outcome,   line, f) {
    while ((getline line < path) > 0) {
      f = line; sub(/:.*/, "", f)
      files[f] = 1
      if (outcome == "missed" && (line in listed)) { eq[f]++; used[line] = 1; continue }
      if (outcome == "missed") { missed[f]++; missed_list = missed_list "  " line "\n" }
      else caught[f]++
    }
  }
  END {
    tally(dir "/caught.txt", "caught")
    tally(dir "/timeout.txt", "caught")
    tally(dir "/missed.txt", "missed")
    for (n in listed) if (!(n in used)) print "listed as equivalent but not missed: " n > "/dev/stderr"
    printf "%-28s %7s %7s %7s %7s\n", "file", "caught", "missed", "equiv", "score"
    n = 0
    for (f in files) names[++n] = f
    for (i = 2; i <= n; i++) for (j = i; j > 1 && names[j] < names[j-1]; j--) { t = names[j]; names[j] = names[j-1]; names[j-1] = t }
    for (i = 1; i <= n; i++) {
      f = names[i]; c = caught[f] + 0; m = missed[f] + 0; e = eq[f] + 0
      printf "%-28s %7d %7d %7d %6.0f%%\n", f, c, m, e, (c + m) ? 100 * c / (c + m) : 100
      tc += c; tm += m; te += e
    }
    printf "%-28s %7d %7d %7d %6.1f%%\n", "all", tc, tm, te, (tc + tm) ? 100 * tc / (tc + tm) : 100
    if (missed_list != "") printf "\nmissed:\n%s", missed_list
    exit bad
  }
' dir="$dir" /dev/null
