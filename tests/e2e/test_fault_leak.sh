#!/bin/bash
# Fault matrix 4: a memory leak (ASan/LeakSanitizer).  Inputs starting with
# "LK" leak 32 bytes: a leak finding, minimized to "LK", with a re-run command
# that fails; the leaking input never reaches the cache (no cache entry leaks,
# i.e. starts with "LK"); nothing lost, nothing left behind.
. "$(dirname "$0")/lib.sh"

build_target fault_leak asan
enter_workdir
# (the second seed is one byte away from the leak: found well within the budget)
prepare_dirs 'abcdefgh' 'LAbcdefg'

run_ferret fuzz.log 30 -fuzz -fuzztime=2000000x -parallel=2 -seed=104 -cachedir=cache
assert_rc "exit code" 1
assert_report fuzz.log "    memory leak: LeakSanitizer found memory this input allocated and lost"
assert_contains fuzz.log "fuzz: found a leak, minimizing..."
assert_contains fuzz.log "ERROR: LeakSanitizer: detected memory leaks"
assert_contains fuzz.log "leak_some"
mapfile -t arts < <(artifacts_of)
assert_eq "artifacts written" 1 "${#arts[@]}"
assert_eq "minimized artifact" LK "$(cat "${arts[0]}")"
[ -e "cache/$(basename "${arts[0]}")" ] && fail "the leaking input is in the cache"
for f in cache/*; do
    [ "$(head -c 2 "$f")" = LK ] && fail "cache entry $f leaks: $(xxd "$f" | head -2)"
done
assert_nothing_lost_all
check_cache_dir cache
assert_clean
check_rerun fuzz.log
assert_contains rerun.log "LeakSanitizer: detected memory leaks"
assert_clean
finish
