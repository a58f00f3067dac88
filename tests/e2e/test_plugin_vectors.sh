#!/bin/bash
# ferret's pass plugin traces vector compares, which SanitizerCoverage
# skips: what clang's vectorizer makes of a loop of compares at -O2.
#  1. The build: vec_key.c's byte loop becomes <4 x i8> compares and
#     vec_float.c's a <16 x float> compare (checked in the IR FERRET_PLUGIN=0
#     makes, so the test notices if clang stops vectorizing them); with the
#     plugin, each integer vector is reported as the 4-byte integer of its
#     bits (__sanitizer_cov_trace_const_cmp4) and each float lane through
#     __ferret_trace_fcmp4.
#  2. The search: from a seed with one of vec_key's eight 4-byte words
#     wrong (two of its bytes), input-to-state rewrites it from the traced
#     vector compare: solved within the budget with the plugin, not
#     without.  (Two wrong words are solved only by some seeds: the two
#     rewrites must come in one mutation, as nothing rewards the first.)  Value profile is off in both runs: vec_key's AND of lanes
#     gives no other signal, and value profile's features for the other
#     seven sites' distances make so many corpus entries that neither run
#     solves it (a search problem of its own, not what this test is about).
. "$(dirname "$0")/lib.sh"

export CC_OPT=-O2
ir_of() { # NAME PLUGIN(''|0): the -O2 IR of targets/NAME.c as ferret-cc makes it
    FERRET_PLUGIN=$2 "$ROOT/build/bin/ferret-cc" -O2 -S -emit-llvm -fsanitize=fuzzer \
        "$E2E/targets/$1.c" -o - 2>/dev/null
}
enter_workdir
ir_of vec_key 0 >key0.ll && ir_of vec_key '' >key.ll && ir_of vec_float 0 >f0.ll && ir_of vec_float '' >f.ll ||
    fail "ferret-cc -S -emit-llvm failed"
grep -q 'icmp eq <4 x i8>' key0.ll || fail "clang did not vectorize vec_key.c's loop (no icmp of <4 x i8>)"
grep -q 'fcmp [a-z]* <16 x float>' f0.ll || fail "clang did not vectorize vec_float.c's loop (no fcmp of <16 x float>)"
assert_eq "vector compares traced in vec_key without the plugin" 0 "$(grep -c 'trace_const_cmp4(i32 bitcast (<4 x i8>' key0.ll)"
assert_eq "vector compares traced in vec_key with the plugin" 8 "$(grep -c 'trace_const_cmp4(i32 bitcast (<4 x i8>' key.ll)"
assert_eq "float lanes traced without the plugin" 0 "$(grep -c '__ferret_trace_fcmp4(i32' f0.ll)"
assert_eq "float lanes traced with the plugin" 16 "$(grep -c 'call void @__ferret_trace_fcmp4(i32' f.ll)"

BUDGET=300000
for variant in plugin noplugin; do
    build_cc_target vec_key "$variant"
    enter_workdir
    mkdir seeds corpus
    # KEY ("vector-compares-are-traced-too!!") with word 5 wrong
    printf 'vector-compares-are-t0a1ed-too!!' >seeds/near
    run_ferret "$variant.log" 120 -seed=1 -runs=$BUDGET -use_value_profile=0 corpus seeds
    if [ "$variant" = plugin ]; then
        assert_rc "solved with the plugin" 77 "$variant.log"
        assert_contains "$variant.log" "Test unit written to ./crash-"
        assert_eq "the crasher" "vector-compares-are-traced-too!!" "$(cat ./crash-*)"
    else
        assert_rc "not solved without the plugin" 0 "$variant.log"
        assert_contains "$variant.log" "#$BUDGET	DONE"
    fi
done
assert_no_procs
finish
