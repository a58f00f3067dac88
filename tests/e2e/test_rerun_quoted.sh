#!/bin/bash
# The re-run command is quoted for the shell: pasted as printed, it works
# for a binary whose path holds a space and a quote (and so does the
# crasher's path, under testdata/fuzz/<binary name>/).
. "$(dirname "$0")/lib.sh"

build_target fault_onebug plain
enter_workdir
mkdir -p "my dir" && cp "$BIN" "my dir/it's fuzzer" || fail "copy"
BIN="$WORK/my dir/it's fuzzer"
mkdir -p cache && printf 'xyz' >cache/seed
run_ferret fuzz.log 60 -fuzz -parallel=1 -seed=1 -cachedir=cache
assert_rc "a crash" 1
rerun=$(grep -A1 -F '    To re-run:' fuzz.log | tail -n 1)
rerun=${rerun#    }
[ -n "$rerun" ] || { show_log fuzz.log; fail "no re-run command"; }
note "re-run: $rerun"
{ timeout -k 5 30 bash -c "$rerun" >rerun.log 2>&1 </dev/null; rc=$?; } 2>/dev/null
assert_not_contains rerun.log "No such file"
assert_not_contains rerun.log "command not found"
[ "$rc" != 0 ] || { show_log rerun.log; fail "the re-run passed"; }
assert_contains rerun.log "in bug_only"
assert_clean
finish
