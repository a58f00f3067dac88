#!/bin/bash
# Issue 15, "default flags find them": value profile's gate (vpgate.h).  At
# default flags value profile is on but, once 64 inputs with new edges
# were kept, shut while they come fast (8 within 32768 executions), and
# open again once they stop.  targets/vp_gate.c gives a burst of 128 easy edges, then a 64-bit
# magic that only value profile climbs (input-to-state off).  Seed 1,
# fixed budgets:
#  - 20000 executions: -v says the gate shut, not that it opened again;
#  - 150000: it shut and opened again, and the magic was found (seeds 1-3:
#    each found it, each said both);
#  - the same with -use_value_profile=0: not found (seeds 1-3: closest
#    kept input 20-23 bits away), so the find needed value profile after
#    the gate opened;
#  - -use_value_profile=1 given: value profile as libFuzzer's, never gated.
. "$(dirname "$0")/lib.sh"

SHUT="inputs that only come closer at a compare are not kept for now"
OPEN="inputs that come closer at a compare are kept again"

build_target vp_gate plain
enter_workdir

run_ferret early.log 60 -fuzz -fuzztime=20000x -parallel=1 -seed=1 -cachedir=early -use_cmp=0 -v=1
assert_rc "default flags, 20000 executions" 0
grep -q "$SHUT" early.log || fail "the burst of edges did not shut the gate"
grep -q "$OPEN" early.log && fail "the gate opened again within 20000 executions"
# Reductions go on while it is shut (their keep lists leave value profile
# out: a shut call does not see it).  Seeds 1-3: 4, 3, 4 after the shut.
n=$(sed -n "/$SHUT/,\$p" early.log | grep -c '^fuzz: reduced')
note "entries reduced while the gate was shut: $n"
[ "$n" -ge 1 ] || fail "no entry was reduced while the gate was shut"

run_ferret late.log 60 -fuzz -fuzztime=150000x -parallel=1 -seed=1 -cachedir=late -use_cmp=0 -v=1
assert_rc "default flags, 150000 executions (the magic found)" 1
find_crasher late.log
grep -q "$SHUT" late.log || fail "the gate did not shut"
grep -q "$OPEN" late.log || fail "the gate did not open again once edges stopped"

rm -rf testdata # (the crasher found above would end the next run at its baseline)
run_ferret off.log 60 -fuzz -fuzztime=150000x -parallel=1 -seed=1 -cachedir=off -use_cmp=0 -use_value_profile=0
assert_rc "without value profile (not found)" 0

run_ferret on.log 60 -fuzz -fuzztime=20000x -parallel=1 -seed=1 -cachedir=on -use_cmp=0 -use_value_profile=1 -v=1
assert_rc "-use_value_profile=1, 20000 executions" 0
grep -q "$SHUT" on.log && fail "-use_value_profile=1 was gated"
assert_no_procs
finish
