#!/bin/bash
# Fault matrix 2: -malloc_limit_mb, no sanitizer (ferret's own malloc wrappers).
# One malloc of 128 MB (inputs starting with 'M') under -malloc_limit_mb=64
# is an out-of-memory finding: exit 1, the malloc reason with the size, the
# allocation named in the report, minimized to the one byte "M", and a re-run
# command that reproduces it; nothing lost, nothing left behind.
# test_fault_malloc_limit_asan.sh runs this script with FAULT_VARIANT=asan.
. "$(dirname "$0")/lib.sh"

build_target fault_malloc "${FAULT_VARIANT:-plain}"
enter_workdir
prepare_dirs 'abcdefgh'

run_ferret fuzz.log 60 -fuzz -fuzztime=2000000x -parallel=2 -seed=102 -cachedir=cache \
    -malloc_limit_mb=64
assert_rc "exit code" 1
assert_report fuzz.log "    out-of-memory: malloc(134217728) is over -malloc_limit_mb"
assert_contains fuzz.log "fuzz: found a oom, minimizing..."
assert_contains fuzz.log "out-of-memory (malloc(134217728))"
assert_not_contains fuzz.log "terminated unexpectedly"
mapfile -t arts < <(artifacts_of)
assert_eq "artifacts written" 1 "${#arts[@]}"
assert_eq "minimized artifact" M "$(cat "${arts[0]}")"
assert_nothing_lost_all
check_cache_dir cache
assert_clean
# The re-run command must reproduce the finding (the limit applies there too).
soft check_rerun fuzz.log
assert_clean
finish
