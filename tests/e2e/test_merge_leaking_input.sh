#!/bin/bash
# -merge=1 over a corpus whose last input leaks memory (ASan): the input is
# named and left out (MERGE-INNER), and counted as run once -- it used to be
# counted twice (by the merge and by the coordinator), so a leaking input
# at the end left the merge waiting forever, and one in the middle ended it
# before the inputs after it had run.
. "$(dirname "$0")/lib.sh"

build_target fault_leak asan
enter_workdir
mkdir -p out in || fail "mkdir"
printf 'ab' >in/a_good
printf 'LK1' >in/m_leak
printf 'cd' >in/q_good
printf 'LK2' >in/z_leak
run_ferret merge.log 60 -merge=1 -workers=1 out in
assert_rc "merge with leaking inputs" 0 merge.log
assert_contains merge.log "MERGE-OUTER:"
[ "$(grep -c 'MERGE-INNER: skipping' merge.log)" = 2 ] || { show_log merge.log; fail "the two leaking inputs were not both named"; }
n=$(count_files out)
[ "$n" -ge 1 ] || { show_log merge.log; fail "nothing kept"; }
grep -l LK out/* >/dev/null 2>&1 && fail "a leaking input was kept"
assert_clean
finish
