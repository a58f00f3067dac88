#!/bin/bash
# Command-line errors: an unknown flag or a bad value is exit 2 with the
# usage text and the flag named; a missing input path is exit 3 naming it;
# an unwritable cache directory is exit 4 naming it.  None starts fuzzing.
. "$(dirname "$0")/lib.sh"

check_variant() {
    # Under ASan, LeakSanitizer must not turn these early exits into exit 1.
    local variant=$1
    build_target harmless "$variant"
    enter_workdir

    run_ferret unknown.log 20 -nosuchflag=1
    assert_rc "[$variant] unknown flag: exit code" 2
    assert_contains unknown.log "-nosuchflag"
    assert_contains unknown.log "usage: "
    assert_contains unknown.log "-fuzztime"

    run_ferret unknown2.log 20 -fuzz --fuzz_time=10s
    assert_rc "[$variant] unknown flag with -fuzz: exit code" 2
    assert_contains unknown2.log "--fuzz_time"
    assert_contains unknown2.log "usage: "

    run_ferret badtime.log 20 -fuzz -fuzztime=abc
    assert_rc "[$variant] -fuzztime=abc: exit code" 2
    assert_contains badtime.log "-fuzztime"
    assert_contains badtime.log "abc"
    assert_contains badtime.log "usage: "

    run_ferret badpar.log 20 -fuzz -parallel=two
    assert_rc "[$variant] -parallel=two: exit code" 2
    assert_contains badpar.log "-parallel"

    run_ferret novalue.log 20 -fuzz -timeout
    assert_rc "[$variant] -timeout without a value: exit code" 2
    assert_contains novalue.log "-timeout"

    run_ferret help.log 20 -help
    assert_rc "[$variant] -help: exit code" 0
    assert_contains help.log "usage: "

    # Missing paths: a file and a directory, with and without -fuzz.
    run_ferret missing.log 20 -fuzz -fuzztime=10x -cachedir=cache no-such-corpus-dir
    assert_rc "[$variant] -fuzz with a missing corpus dir: exit code" 3
    assert_contains missing.log "no-such-corpus-dir"
    run_ferret missing2.log 20 -fuzz -fuzztime=10x -cachedir=cache no/such/file.bin
    assert_rc "[$variant] -fuzz with a missing file: exit code" 3
    assert_contains missing2.log "no/such/file.bin"
    run_ferret missing3.log 20 no-such-input
    assert_rc "[$variant] replay of a missing file: exit code" 3
    assert_contains missing3.log "no-such-input"

    # An unwritable cache directory.
    run_ferret cache.log 20 -fuzz -fuzztime=10x -cachedir=/proc/nope
    assert_rc "[$variant] -cachedir=/proc/nope: exit code" 4
    assert_contains cache.log "/proc/nope"
    touch plainfile
    run_ferret cache2.log 20 -fuzz -fuzztime=10x -cachedir=plainfile/sub
    assert_rc "[$variant] -cachedir under a regular file: exit code" 4
    assert_contains cache2.log "plainfile/sub"

    # Nothing fuzzed: no stats, no testdata, no cache, no process.
    for f in unknown unknown2 badtime badpar novalue missing missing2 cache cache2; do
        assert_not_contains "$f.log" "execs:"
    done
    [ -e testdata ] && fail "[$variant] testdata was created"
    [ -e cache ] && [ "$(count_files cache)" != 0 ] && fail "[$variant] cache entries were written"
    assert_no_procs
}

check_variant plain
check_variant asan
finish
