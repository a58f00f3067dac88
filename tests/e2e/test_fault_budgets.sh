#!/bin/bash
# Budgets that silently vanished (issue 12 item 10).  Each bad command line
# is exit 2 with one line naming the flag as written and what to do, before
# the target runs once; the command lines that line suggests run with the
# budget and the worker count they name; where ferret keeps one of two
# libFuzzer flags, a line says which.  The target (count_execs) appends one
# byte per call to $FERRET_E2E_OUT, so "never ran" and "ran N times" are
# counted, not guessed.  Fixed seeds, Nx budgets.
. "$(dirname "$0")/lib.sh"

calls() { wc -c <"$FERRET_E2E_OUT" | tr -d ' '; }

# usage_error LOG WHAT WANT...: exit 2; the first line is the one-line
# message ("ferret: ...") holding every WANT; the usage text follows it;
# the target never ran and no process is left.
usage_error() {
    local log=$1 what=$2 want
    shift 2
    assert_rc "$what: exit code" 2
    local first second
    first=$(head -n 1 "$log")
    second=$(sed -n 2p "$log")
    [[ "$first" == "ferret: "* ]] || { show_log "$log"; fail "$what: the first line is not ferret's message: $first"; }
    for want in "$@"; do
        [[ "$first" == *"$want"* ]] || { show_log "$log"; fail "$what: the message does not say '$want': $first"; }
    done
    [[ "$second" == "usage: "* ]] || { show_log "$log"; fail "$what: the message is not one line: $second"; }
    assert_not_contains "$log" "execs:"
    assert_not_contains "$log" "INFO: Seed"
    assert_eq "$what: target calls" 0 "$(calls)"
    assert_clean
}

for variant in plain asan; do
    build_target count_execs "$variant"
    enter_workdir
    export FERRET_E2E_OUT="$WORK/calls"
    : >calls
    mkdir -p corpus

    # --- The tester's command line: Go-style, plus a libFuzzer-only flag.
    # It used to switch to libFuzzer mode, drop -fuzztime and -parallel and
    # fuzz forever with one worker.  Now: the mix is named, and both ways out.
    run_ferret mix.log 20 -fuzz -fuzztime=10000x -parallel=2 -print_final_stats=1 -seed=1 -cachedir=cache
    usage_error mix.log "[$variant] -fuzz with -print_final_stats" \
        "-fuzz (Go-style) and -print_final_stats=1 (libFuzzer) do not mix" \
        "drop -print_final_stats=1 to fuzz Go-style" \
        "drop -fuzz for libFuzzer's command line (-runs=10000 -workers=2)"
    assert_file_count cache 0

    # Way out 1, Go-style: exactly 10000 fuzzing executions on 2 workers.
    : >calls
    run_ferret go.log 60 -fuzz -fuzztime=10000x -parallel=2 -seed=1 -cachedir=cache
    assert_rc "[$variant] Go-style run: exit code" 0
    assert_contains go.log "fuzz: target count_execs, 2 workers, seed 1"
    assert_contains go.log "now fuzzing with 2 workers"
    assert_eq "[$variant] Go-style run: execs in the last stats line" 10000 "$(last_execs go.log)"
    assert_eq "[$variant] Go-style run: target calls (10000 + 1 baseline)" 10001 "$(calls)"
    assert_clean

    # Way out 2, the libFuzzer line the message spells out: the same budget
    # and workers, and the final stats it asked for.
    : >calls
    run_ferret lf.log 60 -runs=10000 -workers=2 -print_final_stats=1 -seed=1 corpus
    assert_rc "[$variant] libFuzzer run: exit code" 0
    assert_contains lf.log "INFO: ferret: 2 workers,"
    assert_contains lf.log "Done 10000 runs in "
    assert_contains lf.log "stat::number_of_executed_units: 10000"
    assert_eq "[$variant] libFuzzer run: target calls (10000 + 1 baseline)" 10001 "$(calls)"
    assert_clean

    # --- Go-style flags in a libFuzzer command line: named, with the
    # libFuzzer spelling of the same value.
    : >calls
    run_ferret lfpar.log 20 -runs=10000 -parallel=2 -seed=1 corpus
    usage_error lfpar.log "[$variant] -parallel with -runs" \
        "-parallel=2 (Go-style) and -runs=10000 (libFuzzer) do not mix" "-workers=2"
    run_ferret lftime.log 20 -max_total_time=600 -fuzztime=10000x -seed=1 corpus
    usage_error lftime.log "[$variant] -fuzztime with -max_total_time" \
        "-fuzztime=10000x (Go-style) and -max_total_time=600 (libFuzzer) do not mix" "-runs=10000"
    run_ferret lfcache.log 20 -runs=100 -cachedir=cache -seed=1 corpus
    usage_error lfcache.log "[$variant] -cachedir with a libFuzzer corpus" \
        "-cachedir=cache (Go-style) and -runs=100 (libFuzzer)" "first corpus directory (corpus)"
    # FERRET_LIBFUZZER=1 selects libFuzzer's command line as a flag does.
    LAST_LOG=env.log
    timeout -k 5 20 env FERRET_LIBFUZZER=1 "$BIN" -fuzz -fuzztime=100x -seed=1 -cachedir=cache >env.log 2>&1 </dev/null
    RC=$?
    usage_error env.log "[$variant] -fuzz with FERRET_LIBFUZZER=1" \
        "-fuzz (Go-style) and FERRET_LIBFUZZER=1 (libFuzzer) do not mix" "unset FERRET_LIBFUZZER"

    # --- The budgets themselves.  -fuzztime=0x was "no limit" (a run
    # without end); 0x3s was strtod's hex float, 3 s; 10 has no unit.
    run_ferret zero.log 20 -fuzz -fuzztime=0x -seed=1 -cachedir=cache
    usage_error zero.log "[$variant] -fuzztime=0x" "-fuzztime=0x" "write 0 for no limit"
    run_ferret hex.log 20 -fuzz -fuzztime=0x3s -seed=1 -cachedir=cache
    usage_error hex.log "[$variant] -fuzztime=0x3s" "-fuzztime=0x3s" "not a duration"
    run_ferret unit.log 20 -fuzz -fuzztime=10 -seed=1 -cachedir=cache
    usage_error unit.log "[$variant] -fuzztime=10" "-fuzztime=10" "10s for seconds, or 10x for executions"
    # -parallel=100000 was 256 workers without a word.
    run_ferret par.log 20 -fuzz -fuzztime=100x -parallel=100000 -seed=1 -cachedir=cache
    usage_error par.log "[$variant] -parallel=100000" "-parallel=100000" "0 (one per CPU) to 256 worker processes"
    # -max_len=99999999999 was "cannot set up workers: Cannot allocate memory" (exit 6).
    run_ferret len.log 20 -fuzz -fuzztime=100x -max_len=99999999999 -seed=1 -cachedir=cache
    usage_error len.log "[$variant] -max_len=99999999999" "-max_len=99999999999" "67108864 bytes (64 MiB"
    # -max_total_time past 2^64 ns used to wrap to a fraction of a second.
    run_ferret mtt.log 20 -max_total_time=18446744074 -seed=1 corpus
    usage_error mtt.log "[$variant] -max_total_time=18446744074" "-max_total_time=18446744074" "360000000"
    # -rss_limit_mb << 20 wrapped: 2^44 + 1 MiB made a 1 MiB malloc limit.
    run_ferret rss.log 20 -fuzz -fuzztime=100x -rss_limit_mb=17592186044417 -seed=1 -cachedir=cache
    usage_error rss.log "[$variant] -rss_limit_mb=17592186044417" "-rss_limit_mb=17592186044417" "16777216 MiB"
    # -fork past 2^32 was cast to int: 4294967298 ran 2 workers.
    run_ferret fork.log 20 -fork=4294967298 -runs=100 -seed=1 corpus
    usage_error fork.log "[$variant] -fork=4294967298" "-fork=4294967298" "256 worker processes"

    # The bounds themselves are usable: 64 MiB inputs, 256 is accepted (not
    # run here: 2 cores), the budget honoured.
    : >calls
    run_ferret maxlen.log 60 -fuzz -fuzztime=1000x -parallel=2 -max_len=67108864 -seed=1 -cachedir=cache
    assert_rc "[$variant] -max_len=67108864: exit code" 0
    assert_contains maxlen.log "max_len 67108864"
    assert_eq "[$variant] -max_len=67108864: execs" 1000 "$(last_execs maxlen.log)"
    assert_eq "[$variant] -max_len=67108864: target calls" 1001 "$(calls)"
    assert_clean

    # --- libFuzzer flags ferret keeps one of: a line says which.
    # -runs and -max_total_time (libFuzzer: whichever comes first): -runs=0
    # is used when given (nothing to fuzz), else -max_total_time.
    : >calls
    run_ferret both.log 60 -runs=0 -max_total_time=600 -seed=1 corpus
    assert_rc "[$variant] -runs=0 -max_total_time=600: exit code" 0
    assert_contains both.log "INFO: ferret: one budget at a time: -runs=0 is used, -max_total_time=600 is not"
    assert_contains both.log "Done 0 runs in "
    assert_eq "[$variant] -runs=0: target calls (the baseline only)" 1 "$(calls)"
    assert_clean
    # -minimize_crash: -runs is the budget; -max_total_time and
    # -fuzzminimizetime are named as unused (the input does not crash: one call).
    : >calls
    printf 'benign' >benign
    run_ferret min.log 60 -minimize_crash=1 -runs=100 -max_total_time=600 -fuzzminimizetime=5s -seed=1 benign
    assert_rc "[$variant] -minimize_crash of a benign input: exit code" 77
    assert_contains min.log "INFO: ferret: one budget at a time: -runs=100 is used, -max_total_time=600 is not"
    assert_contains min.log "INFO: ferret: one budget at a time: -runs=100 is used, -fuzzminimizetime=5s is not"
    assert_contains min.log "did not crash"
    assert_eq "[$variant] -minimize_crash of a benign input: target calls" 1 "$(calls)"
    assert_clean
    # -workers and -jobs: -workers is the worker count, -jobs is named as unused.
    : >calls
    run_ferret jobs.log 60 -jobs=8 -workers=2 -runs=2000 -print_final_stats=1 -seed=1 corpus
    assert_rc "[$variant] -jobs=8 -workers=2: exit code" 0
    assert_contains jobs.log "INFO: ferret: -workers=2 sets the worker count (2); -jobs=8 is not used"
    assert_contains jobs.log "INFO: ferret: 2 workers,"
    assert_contains jobs.log "stat::number_of_executed_units: 2000"
    assert_eq "[$variant] -jobs=8 -workers=2: target calls" 2001 "$(calls)"
    # No libFuzzer flag is taken and then ignored: -len_control=0 mutates up
    # to -max_len at once; one ferret does not implement is refused.
    run_ferret noeff.log 60 -len_control=0 -reload=0 -max_len=777 -runs=100 -seed=1 corpus
    assert_rc "[$variant] -len_control=0: exit code" 0
    assert_contains noeff.log "INITED cov:"
    assert_contains noeff.log "lim: 777 "
    assert_not_contains noeff.log "no effect"
    run_ferret refused.log 60 -print_funcs=3 -runs=100 -seed=1 corpus
    assert_rc "[$variant] -print_funcs=3: exit code" 2
    assert_contains refused.log "ferret: -print_funcs=3: libFuzzer's -print_funcs is not implemented in ferret"
    assert_clean
done
finish
