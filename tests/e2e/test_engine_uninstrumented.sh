#!/bin/bash
# OSS-Fuzz exports CFLAGS with -fsanitize=fuzzer-no-link,address (and
# coverage builds -fprofile-instr-generate -fcoverage-mapping) for
# everything it builds, ferret included (issue 14 item 10).  The engine must
# come out uninstrumented anyway: no AddressSanitizer references, no
# SanitizerCoverage counters of its own (before, a target counted ~6,800
# counters of ferret's instead of its own 7 and ran 100x slower).
. "$(dirname "$0")/lib.sh"

obuild="$ROOT/build/e2e/ossfuzz-engine"
rm -rf "$obuild"
enter_workdir
OSSFUZZ_FLAGS="-O1 -fno-omit-frame-pointer -gline-tables-only -DFUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION -fsanitize=address -fsanitize-address-use-after-scope -fsanitize=fuzzer-no-link"
(cd "$ROOT" && env -u MAKEFLAGS -u MAKELEVEL CFLAGS="$OSSFUZZ_FLAGS" CXXFLAGS="$OSSFUZZ_FLAGS" \
    nice make -s BUILD="$obuild" "$obuild/libferret.a") >make.log 2>&1 ||
    { show_log make.log; fail "make with OSS-Fuzz's CFLAGS failed"; }
asan=$(nm "$obuild/libferret.a" 2>/dev/null | grep -cE ' U __(asan|msan|ubsan)_')
assert_eq "undefined sanitizer references in the archive" 0 "$asan"
sancov=$(objdump -h "$obuild/ferret.o" | grep -c '__sancov_')
assert_eq "SanitizerCoverage sections in ferret.o" 0 "$sancov"

# A target reports the same number of counters with either archive.
mkdir -p empty
counters() {
    clang -g -O1 -fsanitize=fuzzer-no-link,address "$E2E/targets/magic.c" "$1" -o magic 2>cc.log ||
        { cat cc.log >&2; fail "cannot build magic.c against $1"; }
    ./magic -runs=0 empty 2>&1 | sed -n 's/.*Loaded 1 modules *(\([0-9]*\) inline 8-bit counters).*/\1/p'
}
normal=$(counters "$LIB")
ossfuzz=$(counters "$obuild/libferret.a")
[ -n "$normal" ] || fail "no counter count from the normal build"
assert_eq "counters with the engine built under OSS-Fuzz's CFLAGS" "$normal" "$ossfuzz"
rm -rf "$obuild"
finish
