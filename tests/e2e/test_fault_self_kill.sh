#!/bin/bash
# A target that SIGKILLs itself looks like a worker killed from outside.
# The first kills are taken as such (restart, work handed out again); three
# in a row on the same worker, each while running an input with no reply
# between, and it is reported: a finding, written, exit 1 -- not hundreds
# of silent restarts.
. "$(dirname "$0")/lib.sh"

build_target self_kill plain
enter_workdir
mkdir -p cache && printf 'abc' >cache/seed
run_ferret fuzz.log 60 -fuzz -fuzztime=100000x -parallel=1 -seed=1 -cachedir=cache
assert_rc "a target killing itself" 1
assert_contains fuzz.log "was killed by KILL 3 times in a row, each time while running an input: taken as the target killing itself on this input"
assert_contains fuzz.log "signal KILL"
n=$(grep -c "was killed from outside; restarting it" fuzz.log)
[ "$n" -le 10 ] || { show_log fuzz.log; fail "$n silent restarts before it was reported"; }
crasher=$(grep -o 'failing input written to [^ ]*' fuzz.log | awk '{print $NF}')
[ -f "$crasher" ] || { show_log fuzz.log; fail "no crasher written"; }
[ "$(head -c 1 "$crasher" | od -An -tx1 | tr -d " ")" != 61 ] || fail "the crasher starts with 'a', which does not kill"
assert_clean
finish
