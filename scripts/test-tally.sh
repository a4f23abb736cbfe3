#!/usr/bin/env bash
# The closing lines of scripts/test.sh, over one log of every runner:
#   cargo: "test result: ok. N passed; M failed; K ignored; ..."
#   node --test (TAP): "# pass N", "# fail N", "# cancelled N", "# skipped N", "# todo N"
# A cancelled Node test (a timeout, a hung hook) counts as failed. Skipped, ignored and todo tests are
# shown, and so is every section that was not run (SKIPPED_SECTIONS, one "name|reason|tests" per line).
# The last line is the plain "N passed, N failed, N skipped" that CI reads (skipped counts the tests
# skipped inside a runner and the tests of the sections not run); when a section was not run, one word
# before it names that section: "firefox_skipped: N passed, N failed, N skipped".
#
#   bash scripts/test-tally.sh LOG
# FAILED_SUITES (names, one a line) are runners that exited non-zero: one that failed without a counted
# failure (it crashed before its summary, a build error) counts as one failed test, so the closing line
# never reads "0 failed" for a failed run.
# Exit status: 1 when a test failed or was cancelled or a suite failed, else 0 (a section skipped on
# purpose exits 0, and says so).
set -uo pipefail
log=${1:?usage: test-tally.sh LOG}
read -r passed failed cancelled skipped todo ignored < <(awk '
  /^test result:/ {
    for (i = 1; i < NF; i++) {
      w = $(i + 1); sub(/[;.,]$/, "", w)
      if (w == "passed") p += $i; else if (w == "failed") f += $i; else if (w == "ignored") ig += $i
    }
  }
  /^# pass [0-9]+$/ { p += $3 }
  /^# fail [0-9]+$/ { f += $3 }
  /^# cancelled [0-9]+$/ { c += $3 }
  /^# skipped [0-9]+$/ { s += $3 }
  /^# todo [0-9]+$/ { t += $3 }
  END { print p + 0, f + 0, c + 0, s + 0, t + 0, ig + 0 }' "$log")
not_run=0
sections=()
prefix=""
while IFS='|' read -r name reason count; do
  [ -n "$name" ] || continue
  not_run=$((not_run + ${count:-0}))
  sections+=("$name (${count:-0} tests; $reason)")
  # The section's first word, for the closing line's one-word prefix ("firefox_skipped: ...").
  word=$(printf '%s' "${name%% *}" | tr '[:upper:]' '[:lower:]' | tr -c 'a-z0-9' '_')
  prefix="${prefix:+${prefix%: }_}${word}_skipped: "
done <<< "${SKIPPED_SECTIONS:-}"
echo "tally: $passed passed, $failed failed, $cancelled cancelled (counted as failed), $skipped skipped, $todo todo, $ignored ignored (Rust)"
if [ ${#sections[@]} -gt 0 ]; then
  printf 'NOT RUN on purpose: %s\n' "${sections[@]}"
  echo "this is not a full run: the sections above were skipped"
fi
bad=$((failed + cancelled))
suites=0
while IFS= read -r name; do
  [ -n "$name" ] && suites=$((suites + 1))
done <<< "${FAILED_SUITES:-}"
if [ "$suites" -gt 0 ] && [ "$bad" -lt "$suites" ]; then
  echo "$suites suite(s) failed with fewer counted failures ($bad): each failed suite counts as at least one failure"
  bad=$suites
fi
echo "$prefix$passed passed, $bad failed, $((skipped + todo + ignored + not_run)) skipped"
[ "$bad" -eq 0 ]
