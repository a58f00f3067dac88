#!/bin/bash
# Session eight (issue 15 item 5): a timed FUZZ call (100 ms) reads the
# clock before each of its first 64 executions, so a base whose executions
# are slow ends its call after the first that passes the 100 ms, not after
# 64 of them.  targets/slow_every.c: every input takes 0.1 s and nothing is
# ever new (no call ends early).  With -fuzztime=2s the run used to make at
# least 64 executions (6.4 s: the first call ran 64 before it looked at the
# clock; measured 65, 7 s); now it stops at the budget (measured 18).  The
# bound holds whatever the machine's load: a slower machine only makes
# fewer executions fit in the 2 s, never more than 64.
. "$(dirname "$0")/lib.sh"

build_target slow_every plain
enter_workdir
mkdir -p seeds && printf 'a' >seeds/a
SLOW_EVERY_US=100000 run_ferret slow.log 60 -fuzz -fuzztime=2s -parallel=1 -fuzzminimizetime=0 -cachedir=cache seeds
assert_rc "a timed run on slow inputs" 0 slow.log
n=$(last_execs slow.log)
[ -n "$n" ] && [ "$n" -ge 1 ] && [ "$n" -lt 64 ] ||
    { show_log slow.log; fail "expected 1 to 63 executions in 2 s of 0.1 s inputs, got '$n'"; }
note "$n executions"
assert_no_procs
finish
