#!/bin/bash
# A run that wrote a finding exits 1, whatever went wrong after it; the
# line saying what went wrong is printed, and the finding is on disk:
#  1. LLVMFuzzerInitialize fails when the worker is restarted to minimize
#     the crash (it used to exit 5);
#  2. fork() fails when the worker is restarted to minimize the crash (it
#     used to exit 6, with the crasher left unminimized without a word).
. "$(dirname "$0")/lib.sh"

build_target init_after_crash plain
enter_workdir
mkdir -p cache && printf 'xyz' >cache/seed
run_ferret init.log 60 -fuzz -parallel=1 -seed=1 -cachedir=cache
assert_rc "Initialize fails after the crash" 1 init.log
assert_contains init.log "terminated without fuzzing"
assert_contains init.log "after a finding: it is written as it is"
assert_contains init.log "giving up in LLVMFuzzerInitialize"
find_crasher init.log
assert_eq "crasher's first byte" A "$(head -c 1 "$CRASHER")"
assert_clean

build_target fault_onebug plain
shim="$ROOT/build/e2e/fork_fail_shim.so"
$CC -shared -fPIC -O1 "$E2E/targets/fork_fail_shim.c" -o "$shim" -ldl || fail "cannot build the fork shim"
enter_workdir
mkdir -p cache && printf 'xyz' >cache/seed
LD_PRELOAD=$shim FORK_FAIL_AFTER=1 run_ferret fork.log 60 -fuzz -parallel=1 -seed=1 -cachedir=cache
assert_rc "fork fails after the crash" 1 fork.log
assert_contains fork.log "cannot restart worker 0: Resource temporarily unavailable; the finding is written as it is, not minimized further"
find_crasher fork.log
assert_eq "crasher's first byte" A "$(head -c 1 "$CRASHER")"
assert_clean
finish
