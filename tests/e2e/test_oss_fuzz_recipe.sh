#!/bin/bash
# The OSS-Fuzz / ClusterFuzzLite recipe of examples/cflite (README, "Under
# OSS-Fuzz and ClusterFuzzLite"), run as base-builder runs it: the project
# with ferret vendored under third_party/ferret, its .clusterfuzzlite/build.sh
# run with base-builder's environment (CC, CXX, the ASan CFLAGS/CXXFLAGS
# with -fsanitize=fuzzer-no-link exported, SRC, OUT,
# LIB_FUZZING_ENGINE=-fsanitize=fuzzer).  The binary's engine is ferret's,
# the engine carries no instrumentation of its own although the exported
# CFLAGS asked for it (issue 14 item 10), and ClusterFuzz's command line
# finds and reproduces the planted bug.
. "$(dirname "$0")/lib.sh"

enter_workdir
export SRC="$WORK/src" OUT="$WORK/out"
mkdir -p "$SRC/project/third_party/ferret" "$OUT" || fail "mkdir"
cp -r "$ROOT/examples/cflite/." "$SRC/project/" || fail "cannot copy examples/cflite"
cp -r "$ROOT/Makefile" "$ROOT/src" "$ROOT/include" "$ROOT/tools" "$SRC/project/third_party/ferret/" ||
    fail "cannot vendor ferret"
ASAN_FLAGS="-O1 -fno-omit-frame-pointer -gline-tables-only -DFUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION -fsanitize=address -fsanitize-address-use-after-scope -fsanitize=fuzzer-no-link"
(
    export CC=clang CXX=clang++ CFLAGS="$ASAN_FLAGS" CXXFLAGS="$ASAN_FLAGS" LIB_FUZZING_ENGINE=-fsanitize=fuzzer
    unset MAKEFLAGS MAKELEVEL
    nice bash -eu "$SRC/project/.clusterfuzzlite/build.sh"
) >build.log 2>&1 || { cat build.log >&2; fail "build.sh failed"; }
BIN="$OUT/fuzz_parser"
[ -x "$BIN" ] || fail "build.sh did not write $BIN"
nm "$BIN" | grep -q ' T ferret_version$' || fail "$BIN was not linked with ferret"
nm -C "$BIN" | grep 'fuzzer::' | grep -qv 'fuzzer::ferret::' && fail "$BIN holds libFuzzer's code"
engine="$SRC/project/third_party/ferret/build"
assert_eq "undefined sanitizer references in the vendored libferret.a" 0 \
    "$(nm "$engine/libferret.a" 2>/dev/null | grep -cE ' U __(asan|msan|ubsan)_')"
assert_eq "SanitizerCoverage sections in the vendored ferret.o" 0 "$(objdump -h "$engine/ferret.o" | grep -c __sancov_)"

# ClusterFuzz's fuzzing command line, then its reproduce command.
mkdir -p corpus artifacts
printf 'V\004FERR' >corpus/seed
run_ferret fuzz.log 120 -timeout=25 -rss_limit_mb=2560 -max_len=64 -seed=1 -runs=3000000 \
    -artifact_prefix="$WORK/artifacts/" corpus
assert_ne "fuzzing finds the planted overflow" 0 "$RC"
assert_contains fuzz.log "ERROR: AddressSanitizer: stack-buffer-overflow"
crash=$(ls artifacts/crash-* 2>/dev/null | head -n 1)
[ -n "$crash" ] || { show_log fuzz.log; fail "no crash- artifact"; }
assert_no_procs
{ timeout 60 "$BIN" -timeout=25 -rss_limit_mb=2560 -runs=100 "$crash" >repro.log 2>&1; RC=$?; } 2>/dev/null
assert_ne "the crash reproduces" 0 "$RC"
assert_contains repro.log "Running: $crash"
assert_contains repro.log "stack-buffer-overflow"
finish
