#!/bin/bash
# Command-line errors: an unknown flag or a bad value is exit 2 with the
# usage text and the flag named (a value out of its documented range: the
# flag, the value and the range, on one line); a missing input path is exit
# 3 naming it; an unwritable cache directory is exit 4 naming it.  None
# starts fuzzing.
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

    # Every numeric flag within its documented range; digits only.  Each
    # case: exit 2, one line naming the flag and value as written and the
    # range or the fix, then the usage; the target never runs.
    local n=0 args named want first second
    while IFS='|' read -r args named want; do
        [ -n "$args" ] || continue
        n=$((n + 1))
        # shellcheck disable=SC2086 # (args are split on purpose)
        run_ferret "value$n.log" 10 $args
        assert_rc "[$variant] $args: exit code" 2
        first=$(head -n 1 "value$n.log")
        second=$(sed -n 2p "value$n.log")
        [[ "$first" == "ferret: "*"$named"*"$want"* ]] ||
            { show_log "value$n.log"; fail "[$variant] $args: expected one line naming $named and '$want', got: $first"; }
        [[ "$second" == "usage: "* ]] || { show_log "value$n.log"; fail "[$variant] $args: the message is not one line"; }
        assert_not_contains "value$n.log" "execs:"
        assert_not_contains "value$n.log" "INFO: Seed"
    done <<'CASES'
-fuzz -fuzztime=0x|-fuzztime=0x|write 0 for no limit
-fuzz -fuzztime=00x|-fuzztime=00x|write 0 for no limit
-fuzz -fuzztime=0s|-fuzztime=0s|write 0 for no limit
-fuzz -fuzztime=0x3s|-fuzztime=0x3s|not a duration
-fuzz -fuzztime=1e3s|-fuzztime=1e3s|not a duration
-fuzz -fuzztime=10|-fuzztime=10|10s for seconds, or 10x for executions
-fuzz -fuzztime=5s3|-fuzztime=5s3|10s for seconds, or 10x for executions
-fuzz -fuzztime=10sec|-fuzztime=10sec|not a duration
-fuzz -fuzztime=0.1ns|-fuzztime=0.1ns|shorter than 1ns
-fuzz -fuzztime=999999h|-fuzztime=999999h|at most 100000h
-fuzz -fuzztime=18446744073709551616x|-fuzztime=18446744073709551616x|too large a count
-fuzz -fuzzminimizetime=0x3s|-fuzzminimizetime=0x3s|not a duration
-fuzz -fuzztime=100x -parallel=100000|-parallel=100000|0 (one per CPU) to 256 worker processes
-fuzz -fuzztime=100x -parallel=257|-parallel=257|0 (one per CPU) to 256 worker processes
-fuzz -fuzztime=100x -parallel=+2|-parallel=+2|0 (one per CPU) to 256 worker processes
-fuzz -fuzztime=100x -max_len=99999999999|-max_len=99999999999|0 (automatic) to 67108864 bytes (64 MiB
-fuzz -fuzztime=100x -max_len=67108865|-max_len=67108865|67108864 bytes
-fuzz -fuzztime=100x -max_len=-1|-max_len=-1|67108864 bytes
-fuzz -fuzztime=100x -timeout=0s|-timeout=0s|write 0 for the automatic timeout
-fuzz -fuzztime=100x -timeout=-1|-timeout=-1|not a number of seconds
-fuzz -fuzztime=100x -timeout=90000|-timeout=90000|at most 24h
-fuzz -fuzztime=100x -timeout=100us|-timeout=100us|at least 1ms
-fuzz -fuzztime=100x -timeout=1e3|-timeout=1e3|not a number of seconds
-fuzz -fuzztime=100x -rss_limit_mb=-1|-rss_limit_mb=-1|0 (no limit) to 16777216 MiB
-fuzz -fuzztime=100x -rss_limit_mb=99999999999999|-rss_limit_mb=99999999999999|0 (no limit) to 16777216 MiB
-fuzz -fuzztime=100x -malloc_limit_mb=99999999999|-malloc_limit_mb=99999999999|0 (no limit) to 16777216 MiB
-fuzz -fuzztime=100x -close_fd_mask=4|-close_fd_mask=4|0 to 3
-fuzz -fuzztime=100x -seed=12abc|-seed=12abc|not a whole number
-fuzz -fuzztime=100x -seed=18446744073709551616|-seed=18446744073709551616|too large
-fuzz -fuzztime=100x -use_cmp=2|-use_cmp=2|1 or 0
-runs=-5 corpus|-runs=-5|-1 (no limit), then 0 and up
-runs=1e3 corpus|-runs=1e3|-1 (no limit), then 0 and up
-max_total_time=18446744074 corpus|-max_total_time=18446744074|360000000
-max_total_time=60s corpus|-max_total_time=60s|whole seconds
-jobs=300 corpus|-jobs=300|256 worker processes
-workers=-1 corpus|-workers=-1|256 worker processes
-fork=4294967298 corpus|-fork=4294967298|256 worker processes
-error_exitcode=300 corpus|-error_exitcode=300|1 to 255
-error_exitcode=0 corpus|-error_exitcode=0|1 to 255
-timeout_exitcode=256 corpus|-timeout_exitcode=256|1 to 255
-fuzz -fuzztime=10000x -parallel=2 -print_final_stats=1|-print_final_stats=1|(libFuzzer) do not mix
-runs=100 -parallel=2 corpus|-parallel=2|-workers=2
-runs=100 -fuzztime=60s corpus|-fuzztime=60s|-max_total_time=60
-runs=100 -cachedir=cache corpus|-cachedir=cache|first corpus directory (corpus)
CASES

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
