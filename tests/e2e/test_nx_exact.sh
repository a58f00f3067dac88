#!/bin/bash
# -fuzztime=Nx runs exactly N fuzzing executions across all workers, plus the
# baseline (an empty corpus = one empty input).  A flat target that appends
# one byte per call to a file counts them; the last stats line says N.
. "$(dirname "$0")/lib.sh"

N=5000
for variant in plain asan; do
    build_target count_execs "$variant"
    for par in 1 2; do
        enter_workdir
        export FERRET_E2E_OUT="$WORK/calls"
        : >calls
        run_ferret fuzz.log 60 -fuzz -fuzztime=${N}x -parallel=$par -seed=17 -cachedir=cache
        assert_rc "[$variant -parallel=$par] exit code" 0
        assert_not_contains fuzz.log "--- FAIL"
        assert_contains fuzz.log "now fuzzing with $par workers"
        got=$(wc -c <calls | tr -d ' ')
        assert_eq "[$variant -parallel=$par] target calls (N fuzzing + 1 baseline)" $((N + 1)) "$got"
        last=$(grep -E '^fuzz: elapsed: ' fuzz.log | grep -F 'execs:' | tail -n 1)
        [ -n "$last" ] || { show_log fuzz.log; fail "[$variant -parallel=$par] no stats line"; }
        [[ "$last" == *", execs: $N ("* ]] || fail "[$variant -parallel=$par] last stats line does not say execs: $N: $last"
        # Flat: nothing after the baseline is new coverage, so nothing cached
        # (and no deflake re-runs skewed the count above).
        assert_file_count cache 0
        assert_no_procs
    done
done
finish
