#!/bin/bash
# Issue 15: a byte compared with a constant (cmptrace.c,
# __sanitizer_cov_trace_const_cmp1) gets value profile's distances but no
# outcome counts, as a switch case.  targets/feat_constbytes.c dispatches on
# every input byte, as a parser does; there is nothing to find.  The
# outcome counters used to count each '<' and '>' (exact up to 48), so the
# corpus kept an input for each count: 73 entries in 100000 executions at
# seed 1 against 24 with -use_value_profile=0, and on libxml2 the corpus
# drifted to inputs that repeat bytes and loop longer.  Now value profile
# on keeps what it keeps off (24 and 24 here).
. "$(dirname "$0")/lib.sh"

build_target feat_constbytes plain
enter_workdir

run_ferret off.log 60 -fuzz -fuzztime=100000x -parallel=1 -seed=1 -cachedir=off -use_value_profile=0
assert_rc "value profile off" 0
run_ferret on.log 60 -fuzz -fuzztime=100000x -parallel=1 -seed=1 -cachedir=on -use_value_profile=1
assert_rc "value profile on" 0
off=$(count_files off)
on=$(count_files on)
note "corpus entries: $off with value profile off, $on with it on"
[ "$off" -ge 8 ] || fail "value profile off kept only $off entries: the target's loop was not instrumented"
[ "$on" -le $((off + 8)) ] || fail "with value profile on $on entries against $off with value profile off: compares of a byte with a constant still count outcomes"
finish
