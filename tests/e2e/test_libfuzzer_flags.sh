#!/bin/bash
# libFuzzer flags beyond ClusterFuzz's four invocations: -set_cover_merge,
# -only_ascii, -jobs/-workers/-fork, -ignore_remaining_args, -help=1,
# -timeout_exitcode and -exact_artifact_path.
. "$(dirname "$0")/lib.sh"

build_target magic plain
enter_workdir
mkdir -p corpus in out out2
for i in $(seq 1 60); do printf 'x%d' "$i" >in/x$i; done
printf 'F___' >in/f1; printf 'FU__' >in/f2; printf 'FUZ_' >in/f3; printf 'FUZ_FUZ_' >in/f3long

run_ferret sc.log 60 -set_cover_merge=1 -use_value_profile=0 out in
assert_rc "set cover merge" 0
assert_contains sc.log "MERGE-OUTER: "
# One file per coverage level (x..., F, FU, FUZ), and the shorter FUZ_ wins
# (edges only: value profile, on by default, would tell the x... apart too).
assert_file_count out 4
[ -f out/"$(sha1sum <in/f3 | cut -d' ' -f1)" ] || fail "set cover merge did not keep the smaller FUZ_"

# -only_ascii: every input kept is printable ASCII or white space.
run_ferret ascii.log 60 -only_ascii=1 -runs=30000 -seed=3 -use_value_profile=1 corpus
assert_rc "-only_ascii run" 77
for f in corpus/*; do
    if LC_ALL=C grep -q '[^[:print:][:space:]]' "$f"; then xxd "$f" >&2; fail "non-ASCII input $f with -only_ascii=1"; fi
done

# Worker counts: -fork, -workers, -jobs (at most the CPUs).
for flag in -fork=2 -workers=2 -jobs=2; do
    rm -rf c2 && mkdir c2
    run_ferret w.log 60 $flag -runs=2000 -seed=1 -use_cmp=0 c2
    assert_contains w.log "INFO: ferret: 2 workers"
done

# -ignore_remaining_args=1: what follows is the target's, not ours.
mkdir -p c3
run_ferret ira.log 60 -runs=1000 -seed=1 -use_cmp=0 -ignore_remaining_args=1 c3 -not_a_flag=1 whatever
assert_rc "-ignore_remaining_args" 0
assert_not_contains ira.log "not_a_flag"

# -help=1 lists libFuzzer's flags with ferret's.
run_ferret help.log 10 -help=1
assert_rc "-help=1" 0
assert_contains help.log "-merge_control_file"
assert_contains help.log "-fuzztime"

# -timeout_exitcode and -exact_artifact_path on a hang.
build_target hang plain
mkdir -p c4
run_ferret hang.log 60 -timeout=1 -timeout_exitcode=55 -runs=100000 -seed=5 -exact_artifact_path="$WORK/the-hang" c4
assert_rc "hang exit code" 55
assert_contains hang.log "ERROR: libFuzzer: timeout after 1 seconds"
[ -f the-hang ] || fail "no artifact at -exact_artifact_path"
assert_no_procs
finish
