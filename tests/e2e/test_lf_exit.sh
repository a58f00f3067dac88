#!/bin/bash
# A target that ends the process itself, on libFuzzer's command line, as
# libFuzzer and ClusterFuzz see it:
#  - exit(n): "ERROR: libFuzzer: fuzz target exited" with the stack, and
#    -error_exitcode (77), whatever n: reproducing, and fuzzing (a crash-
#    artifact, as libFuzzer writes);
#  - _exit(n): nothing to report, the process ends with n; fuzzing writes
#    no artifact and exits with n (ClusterFuzz: 1 is an engine error, any
#    other code a bug of the target's, kept as an empty testcase).
# Go's command line keeps ferret's words and its finding.
. "$(dirname "$0")/lib.sh"

for variant in asan plain; do
    build_target lf_ends "$variant"
    enter_workdir
    printf 'E3' >exit3; printf 'X27' >uexit27; printf 'X1' >uexit1

    # Reproduce: exit(3).
    run_ferret r.log 60 -runs=3 exit3
    assert_rc "[$variant] reproduce exit(3): -error_exitcode" 77 r.log
    grep -qE '^==[0-9]+== ERROR: libFuzzer: fuzz target exited$' r.log || { show_log r.log; fail "[$variant] no 'fuzz target exited' line"; }
    assert_contains r.log "SUMMARY: libFuzzer: fuzz target exited"
    assert_not_contains r.log "ERROR: ferret:"
    if [ "$variant" = asan ]; then
        grep -qE '^    #[0-9]+ 0x[0-9a-f]+ in LLVMFuzzerTestOneInput ' r.log || { show_log r.log; fail "[$variant] exit(): no stack"; }
    fi
    run_ferret r2.log 60 -runs=3 -error_exitcode=9 exit3
    assert_rc "[$variant] reproduce exit(3): -error_exitcode=9" 9 r2.log
    # Reproduce: _exit(27) ends the run with 27, as libFuzzer's does.
    run_ferret u.log 60 -runs=3 uexit27
    assert_rc "[$variant] reproduce _exit(27)" 27 u.log

    # Fuzzing: exit(3) is a crash, written, -error_exitcode.
    mkdir -p c1 a1 && cp exit3 c1/
    run_ferret f.log 120 -runs=100 -seed=1 -artifact_prefix="$WORK/a1/" c1
    assert_rc "[$variant] fuzzing, exit(3): -error_exitcode" 77 f.log
    assert_contains f.log "ERROR: libFuzzer: fuzz target exited"
    assert_contains f.log "Test unit written to $WORK/a1/crash-"
    assert_file_count a1 1
    # Fuzzing: _exit(27) and _exit(1) end the run with their status, no artifact.
    for u in uexit27:27 uexit1:1; do
        f=${u%:*}; want=${u#*:}
        rm -rf c2 a2; mkdir -p c2 a2 && cp "$f" c2/
        run_ferret f2.log 120 -runs=100 -seed=1 -artifact_prefix="$WORK/a2/" c2
        assert_rc "[$variant] fuzzing, $f: its status" "$want" f2.log
        assert_not_contains f2.log "Test unit written to"
        assert_file_count a2 0
    done
    assert_no_procs

    # Go's command line: ferret's words, exit 1.
    run_ferret g.log 60 exit3
    assert_rc "[$variant] Go's regression run: exit(3)" 1 g.log
    assert_contains g.log "ERROR: ferret: the target called exit() while running exit3"
done
finish
