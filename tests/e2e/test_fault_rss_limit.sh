#!/bin/bash
# Fault matrix 1: -rss_limit_mb.  A target (no sanitizer) that touches 300 MB
# on inputs starting with 'M' under -rss_limit_mb=100 is an out-of-memory
# finding: exit 1, the rss reason, an artifact starting with 'M' (RSS findings
# are not minimized), a re-run command that reproduces it; nothing lost,
# nothing left behind.
. "$(dirname "$0")/lib.sh"

build_target fault_rss plain
enter_workdir
prepare_dirs 'abcdefgh'

run_ferret fuzz.log 60 -fuzz -fuzztime=2000000x -parallel=2 -seed=101 -cachedir=cache \
    -rss_limit_mb=100 -timeout=20
assert_rc "exit code" 1
assert_report fuzz.log "    out-of-memory: the worker's resident memory exceeded -rss_limit_mb=100"
assert_not_contains fuzz.log "minimizing"
assert_not_contains fuzz.log "terminated unexpectedly"
mapfile -t arts < <(artifacts_of)
assert_eq "artifacts written" 1 "${#arts[@]}"
[ "$(head -c 1 "${arts[0]}")" = M ] || fail "the artifact is not the input that used the memory: $(xxd "${arts[0]}" | head -3)"
assert_nothing_lost_all
check_cache_dir cache
assert_clean
# The re-run command must reproduce the finding.
soft check_rerun fuzz.log
assert_clean
finish
