#!/bin/bash
# No libFuzzer flag is taken and then ignored (issue 14, item 17): each is
# implemented with libFuzzer's meaning or refused with one line naming it.
# One function per flag; fixed seeds and -runs budgets.
. "$(dirname "$0")/lib.sh"

# A flag ferret does not implement: one line naming it, exit 2, the target
# never runs; the value that is ferret's behaviour anyway is accepted.
refused() {
    build_target count_execs plain
    mkdir -p corpus
    for flag in -focus_function=LLVMFuzzerTestOneInput -print_funcs=2 -shuffle=1 -keep_seed=0 \
                -entropic=0 -mutation_graph_file=g.dot -verbosity=0; do
        run_ferret refused.log 30 "$flag" -runs=100 -seed=1 corpus
        assert_rc "$flag" 2
        assert_contains refused.log "ferret: $flag: libFuzzer's "
        assert_contains refused.log "not implemented in ferret"
        [ "$(grep -c 'not implemented' refused.log)" = 1 ] || fail "$flag: not one line"
        assert_not_contains refused.log "INITED"
    done
    run_ferret accepted.log 30 -print_funcs=0 -cross_over=1 -handle_segv=1 -entropic=1 -runs=100 -seed=1 corpus
    assert_rc "values that are ferret's behaviour" 0
    assert_contains accepted.log "Done 100 runs"
    assert_not_contains accepted.log "WARNING"
    # an unknown flag is still libFuzzer's warning
    run_ferret unknown.log 30 -some_future_flag=3 -runs=100 -seed=1 corpus
    assert_rc "unknown flag" 0
    assert_contains unknown.log "WARNING: unrecognized flag '-some_future_flag=3'"
}

# -fork=N: as libFuzzer's fork mode, a timeout or an out-of-memory is written
# and fuzzing goes on (-ignore_timeouts=1, -ignore_ooms=1 by default); a crash
# ends the run (-ignore_crashes=0) with its exit code.
fork_ignores() {
    build_target lf_kinds plain
    local common="-timeout=1 -malloc_limit_mb=1024 -use_cmp=0 -seed=1"
    rm -rf c && mkdir c && printf HANG >c/h && printf 'OOM!' >c/o && printf abcd >c/a
    mkdir -p art
    run_ferret fork.log 120 -fork=1 $common -runs=2000 -artifact_prefix=art/ c
    assert_contains fork.log "ERROR: libFuzzer: timeout after 1 seconds"
    assert_contains fork.log "out-of-memory (malloc("
    assert_contains fork.log "Done 2000 runs"
    [ -f "art/timeout-$(sha1sum <c/h | cut -d' ' -f1)" ] || fail "-fork: no timeout artifact"
    [ -f "art/oom-$(sha1sum <c/o | cut -d' ' -f1)" ] || fail "-fork: no oom artifact"
    assert_ne "-fork with findings: exit code" 0 "$RC"
    # -ignore_timeouts=0: the first timeout ends the run, as without -fork
    rm -rf art && mkdir art
    run_ferret nofork.log 120 -fork=1 -ignore_timeouts=0 $common -runs=2000 -artifact_prefix=art/ c
    assert_rc "-fork=1 -ignore_timeouts=0" 70
    assert_not_contains nofork.log "Done 2000 runs"
    # without -fork, libFuzzer's defaults do not hold: the first finding ends it
    rm -rf art && mkdir art
    run_ferret plain.log 120 $common -runs=2000 -artifact_prefix=art/ c
    assert_not_contains plain.log "Done 2000 runs"
    # a crash is not ignored: it ends the run with -error_exitcode
    rm -rf art && mkdir art && printf CRSH >c/c
    run_ferret crash.log 120 -fork=1 $common -runs=2000 -artifact_prefix=art/ c
    assert_rc "-fork=1 and a crash" 77
    assert_not_contains crash.log "Done 2000 runs"
    [ -f "art/crash-$(sha1sum <c/c | cut -d' ' -f1)" ] || fail "-fork: no crash artifact"
    # ... unless -ignore_crashes=1
    rm -rf art && mkdir art
    run_ferret igncrash.log 120 -fork=1 -ignore_crashes=1 $common -runs=2000 -artifact_prefix=art/ c
    assert_contains igncrash.log "Done 2000 runs"
    assert_file_count art 3
}

# -stop_file: fuzzing stops as when the budget is spent once the file exists
# and is not empty (an empty one does not stop libFuzzer either).
stop_file() {
    build_target count_execs plain
    rm -rf c && mkdir c && printf abc >c/a
    : >empty
    run_ferret empty.log 60 -stop_file=empty -runs=3000 -seed=1 c
    assert_rc "-stop_file, empty" 0
    assert_contains empty.log "Done 3000 runs"
    echo stop >stop
    run_ferret stop.log 60 -stop_file=stop -runs=1000000000 -seed=1 c
    assert_rc "-stop_file" 0
    assert_contains stop.log "INITED"
    assert_contains stop.log "Done 0 runs"
}

# -reload=1: an input another process drops into the first corpus directory
# while fuzzing runs is run here within a second or so, and kept.  The run
# is ended by -stop_file once it was (or after 60 s, a failure).
reload() {
    build_target reload_me plain
    rm -rf c seen stop && mkdir c && printf abc >c/a
    export FERRET_E2E_OUT="$WORK/seen"
    timeout -k 5 120 "$BIN" -reload=1 -use_cmp=0 -use_value_profile=0 -seed=1 -stop_file=stop c >reload.log 2>&1 </dev/null &
    local pid=$! i
    for i in $(seq 1 600); do grep -q INITED reload.log && break; sleep 0.1; done
    printf RELOAD-ME-PLEASE >c/dropped.bin
    for i in $(seq 1 600); do [ -f seen ] && break; sleep 0.1; done
    echo stop >stop
    wait "$pid"
    RC=$?
    unset FERRET_E2E_OUT
    [ -f seen ] || { show_log reload.log; fail "-reload=1: the input added to the corpus directory never ran"; }
    assert_rc "-reload=1" 0 reload.log
    assert_contains reload.log "NEW"
    [ -f "c/$(printf RELOAD-ME-PLEASE | sha1sum | cut -d' ' -f1)" ] || fail "-reload: the new input is not in the corpus"
    # -reload=0: never looked at again
    rm -rf c seen stop && mkdir c && printf abc >c/a
    export FERRET_E2E_OUT="$WORK/seen"
    timeout -k 5 120 "$BIN" -reload=0 -use_cmp=0 -use_value_profile=0 -seed=1 -stop_file=stop c >noreload.log 2>&1 </dev/null &
    pid=$!
    for i in $(seq 1 600); do grep -q INITED noreload.log && break; sleep 0.1; done
    printf RELOAD-ME-PLEASE >c/dropped.bin
    sleep 3
    echo stop >stop
    wait "$pid"
    unset FERRET_E2E_OUT
    [ -f seen ] && fail "-reload=0: the corpus directory was read again"
}

# -features_dir=D: each input in the corpus has a file of its features in D,
# named by the SHA-1 of its content (uint32 ids); one minimized away has
# none.  A missing D is libFuzzer's error, exit 3.
features_dir() {
    build_target magic plain
    rm -rf c fd && mkdir c fd && printf abc >c/a
    run_ferret fd.log 60 -features_dir=fd -runs=1000 -seed=1 -use_cmp=0 c
    assert_rc "-features_dir" 0
    local want got f
    want=$(for f in c/*; do sha1sum <"$f" | cut -d' ' -f1; done | sort -u | tr '\n' ' ')
    got=$(ls fd | sort | tr '\n' ' ')
    assert_eq "-features_dir: one file per corpus input" "$want" "$got"
    [ "$(ls fd | wc -l)" -ge 2 ] || fail "-features_dir: fuzzing found nothing to write"
    for f in fd/*; do
        local n; n=$(stat -c %s "$f")
        [ "$n" -gt 0 ] && [ $((n % 4)) = 0 ] || fail "-features_dir: $f is $n bytes, not uint32s"
    done
    run_ferret nofd.log 60 -features_dir=nosuchdir -runs=10 c
    assert_rc "-features_dir missing" 3
    assert_contains nofd.log 'ERROR: The required directory "nosuchdir" does not exist'
}

# -print_corpus_stats=1: libFuzzer's line per corpus input at exit; the runs
# add up to the budget (one worker, -runs).
print_corpus_stats() {
    build_target magic plain
    rm -rf c && mkdir c && printf abc >c/a
    run_ferret pcs.log 60 -print_corpus_stats=1 -runs=1000 -seed=1 -use_cmp=0 c
    assert_rc "-print_corpus_stats" 0
    local lines sum
    lines=$(grep -cE '^  \[ *[0-9]+ [0-9a-f]{40}\] sz: +[0-9]+ runs: +[0-9]+ succ: +[0-9]+ focus: 0$' pcs.log)
    assert_eq "-print_corpus_stats: a line per corpus input" "$(for f in c/*; do sha1sum <"$f"; done | sort -u | wc -l)" "$lines"
    sum=$(grep -oE 'runs: +[0-9]+' pcs.log | awk '{s += $2} END {print s}')
    assert_eq "-print_corpus_stats: runs add up" 1000 "$sum"
}

# -print_pcs=1: each PC covered for the first time, symbolized, once.
print_pcs() {
    build_target magic plain
    rm -rf c && mkdir c && printf abc >c/a
    run_ferret pcs.log 60 -print_pcs=1 -runs=1000 -seed=1 -use_cmp=0 c
    assert_rc "-print_pcs" 0
    grep -qE $'^\tNEW_PC: 0x[0-9a-f]+ in LLVMFuzzerTestOneInput .*magic\\.c:[0-9]+' pcs.log ||
        { show_log pcs.log; fail "-print_pcs: no symbolized NEW_PC line"; }
    local n u
    n=$(grep -c 'NEW_PC: ' pcs.log)
    u=$(grep 'NEW_PC: ' pcs.log | awk '{print $2}' | sort -u | wc -l)
    assert_eq "-print_pcs: each PC once" "$n" "$u"
    run_ferret nopcs.log 60 -runs=1000 -seed=1 -use_cmp=0 c
    assert_not_contains nopcs.log "NEW_PC"
}

# -print_coverage=1: libFuzzer's COVERAGE: block at exit, a line per
# function (named by the symbolizer), UNCOVERED_FUNC for one never entered.
print_coverage() {
    build_target two_funcs asan
    rm -rf c && mkdir c && printf abc >c/a
    run_ferret cov.log 60 -print_coverage=1 -runs=3000 -seed=1 c
    assert_rc "-print_coverage" 0
    assert_contains cov.log "COVERAGE:"
    grep -qE '^UNCOVERED_FUNC: hits: 0 edges: 0/[0-9]+ never .*two_funcs\.c:[0-9]+$' cov.log ||
        { show_log cov.log; fail "-print_coverage: no UNCOVERED_FUNC line for never()"; }
    grep -qE '^COVERED_FUNC: hits: [1-9][0-9]* edges: ([0-9]+)/\1 sometimes .*two_funcs\.c:[0-9]+$' cov.log ||
        { show_log cov.log; fail "-print_coverage: sometimes() not fully covered"; }
    grep -qE '^COVERED_FUNC: hits: [1-9][0-9]* edges: [0-9]+/[0-9]+ LLVMFuzzerTestOneInput ' cov.log ||
        { show_log cov.log; fail "-print_coverage: no line for LLVMFuzzerTestOneInput"; }
}

# -create_missing_dirs=1: the corpus, -artifact_prefix's and -features_dir
# directories are made (without it, a missing corpus is libFuzzer's error).
create_missing_dirs() {
    build_target count_execs plain
    rm -rf new art fdir
    run_ferret nodirs.log 60 -runs=100 -seed=1 new/corpus
    assert_rc "missing corpus directory" 3
    assert_contains nodirs.log 'ERROR: The required directory "new/corpus" does not exist'
    run_ferret dirs.log 60 -create_missing_dirs=1 -artifact_prefix=art/x/ -features_dir=fdir/f -runs=100 -seed=1 new/corpus
    assert_rc "-create_missing_dirs=1" 0
    [ -d new/corpus ] && [ -d art/x ] && [ -d fdir/f ] || fail "-create_missing_dirs=1: a directory is missing"
    [ "$(ls fdir/f | wc -l)" -ge 1 ] || fail "-create_missing_dirs=1: nothing in -features_dir"
}

# -seed_inputs=A,B or =@LIST: more seed files, run like the corpus's own.
seed_inputs() {
    build_target count_execs plain
    rm -rf c s calls && mkdir c s && printf 1 >s/a && printf 22 >s/b && printf 333 >s/c
    export FERRET_E2E_OUT="$WORK/calls"
    run_ferret si.log 60 -seed_inputs=s/a,s/b -runs=0 -seed=1 c
    assert_rc "-seed_inputs=A,B" 0
    assert_eq "-seed_inputs=A,B: target calls" 2 "$(stat -c %s calls)"
    rm -f calls && printf 's/a,s/b,s/c\n' >list
    run_ferret sil.log 60 -seed_inputs=@list -runs=0 -seed=1 c
    assert_rc "-seed_inputs=@LIST" 0
    assert_eq "-seed_inputs=@LIST: target calls" 3 "$(stat -c %s calls)"
    unset FERRET_E2E_OUT
    run_ferret sim.log 60 -seed_inputs=s/nosuch -runs=0 -seed=1 c
    assert_rc "-seed_inputs, a missing file" 3
    assert_contains sim.log "s/nosuch"
}

# -exit_on_src_pos=F:L: fuzzing stops (exit 0) once new coverage is at that
# line (sometimes()'s compare with 'Q', its new edge once an input starts with 'Q');
# -exit_on_item=SHA1: once that input is in the corpus (here a seed).
exit_on() {
    build_target two_funcs asan
    rm -rf c && mkdir c && printf abc >c/a
    run_ferret eosp.log 60 -exit_on_src_pos=two_funcs.c:16 -runs=100000000 -seed=1 c
    assert_rc "-exit_on_src_pos" 0
    assert_contains eosp.log "INFO: found line matching 'two_funcs.c:16', exiting."
    assert_not_contains eosp.log "Done 100000000 runs"
    printf xyz >c/b
    run_ferret eoi.log 60 -exit_on_item="$(printf xyz | sha1sum | cut -d' ' -f1)" -runs=100000000 -seed=1 c
    assert_rc "-exit_on_item" 0
    assert_contains eoi.log "INFO: found item with checksum '$(printf xyz | sha1sum | cut -d' ' -f1)', exiting."
    assert_contains eoi.log "Done 0 runs"
}

# -handle_usr1 (and usr2, int, term): SIGUSR1 stops fuzzing cleanly (exit
# 0, DONE), as it stops libFuzzer; with -handle_usr1=0 it kills the process.
handle_signals() {
    build_target count_execs plain
    rm -rf c && mkdir c && printf abc >c/a
    local flag pid i
    for flag in -handle_usr1=1 -handle_usr1=0; do
        "$BIN" "$flag" -max_total_time=60 -seed=1 c >usr1.log 2>&1 </dev/null &  # (timeout(1) would take the signal)
        pid=$!
        for i in $(seq 1 600); do grep -q INITED usr1.log && break; sleep 0.1; done
        kill -USR1 "$pid"
        wait "$pid"
        RC=$?
        if [ "$flag" = -handle_usr1=1 ]; then
            assert_rc "SIGUSR1" 0 usr1.log
            assert_contains usr1.log "DONE"
        else
            assert_rc "SIGUSR1 with -handle_usr1=0" $((128 + 10)) usr1.log
        fi
    done
}

# -runs=0 with a corpus directory: as libFuzzer, each input runs once
# (INITED), nothing is mutated, exit 0 (libFuzzer counts those runs in
# "Done N runs", ferret only mutated ones: README).  Already so before
# issue 14's item 17; kept as the check that it stays so.
runs0() {
    build_target count_execs plain
    rm -rf c calls && mkdir c && printf a >c/1 && printf bb >c/2 && printf ccc >c/3
    export FERRET_E2E_OUT="$WORK/calls"
    run_ferret r0.log 60 -runs=0 -seed=1 c
    unset FERRET_E2E_OUT
    assert_rc "-runs=0" 0
    assert_contains r0.log "INITED"
    assert_contains r0.log "Done 0 runs"
    assert_eq "-runs=0: target calls" 3 "$(stat -c %s calls)"
    assert_file_count c 3
}

# -len_control=0: inputs up to -max_len from the start (INITED's lim:).
len_control() {
    build_target count_execs plain
    rm -rf c && mkdir c && printf abc >c/a
    run_ferret lc.log 60 -len_control=0 -max_len=999 -runs=100 -seed=1 c
    assert_contains lc.log "lim: 999 "
    run_ferret lc100.log 60 -max_len=999 -runs=100 -seed=1 c
    assert_not_contains lc100.log "lim: 999 "
}

# -verbosity=2: also logs each new input (-v=1).
verbosity() {
    build_target magic plain
    rm -rf c && mkdir c && printf abc >c/a
    run_ferret v2.log 60 -verbosity=2 -runs=3000 -seed=1 c
    assert_contains v2.log "fuzz: new interesting input"
}

enter_workdir
for t in ${LF_FLAGS2_ONLY:-refused fork_ignores stop_file reload features_dir print_corpus_stats print_pcs print_coverage create_missing_dirs seed_inputs exit_on handle_signals runs0 len_control verbosity}; do
    "$t"
done
assert_no_procs
finish
