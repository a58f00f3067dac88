#!/bin/bash
# The typed API from C++ (issue 14 item 16): a file of FERRET_FUZZ targets
# using every value constructor and ferret_add builds with g++ and clang++
# under -Wall -Wextra -pedantic -Werror (ferret_add was a C compound
# literal: "taking address of temporary array" in g++), links against
# libferret.a, and behaves: the seeds replay, the failing seed is reported,
# and the clang++ build (instrumented) fuzzes.
. "$(dirname "$0")/lib.sh"

src="$E2E/targets/typed_cxx.cc"
dir="$ROOT/build/e2e/typed_cxx"
mkdir -p "$dir" || fail "cannot create $dir"
for cxx in g++ clang++; do
    sans=
    [ "$cxx" = clang++ ] && sans=-fsanitize=fuzzer-no-link
    BIN="$dir/typed_cxx_$cxx"
    "$cxx" -std=c++11 -Wall -Wextra -pedantic -Werror $sans -I"$ROOT/include" \
        -c "$src" -o "$BIN.o" 2>"$dir/$cxx.log" ||
        { cat "$dir/$cxx.log" >&2; fail "$cxx -Wall -Wextra -pedantic -Werror does not compile $src"; }
    "$cxx" $sans "$BIN.o" "$LIB" -o "$BIN" 2>"$dir/$cxx.log" ||
        { cat "$dir/$cxx.log" >&2; fail "$cxx cannot link $src with libferret.a"; }
    enter_workdir
    run_ferret replay.log 60
    assert_rc "[$cxx] replaying the seeds: seed#1 fails" 1
    assert_contains replay.log "--- FAIL: FuzzCxx/seed#1"
    assert_contains replay.log "typed_cxx.cc:31: C++ typed target: CX! with 77"
    assert_contains replay.log "ok  FuzzCxxSkip: 1 input passed"
    run_ferret run.log 60 -run=FuzzCxx/seed#0
    assert_rc "[$cxx] -run=FuzzCxx/seed#0 passes" 0
    assert_no_procs
done
# The instrumented build fuzzes a typed C++ target.
run_ferret fuzz.log 60 -fuzz=FuzzCxxSkip -fuzztime=3000x -parallel=1 -seed=1 -cachedir=cache
assert_rc "[clang++] fuzzing FuzzCxxSkip" 0
assert_contains fuzz.log "fuzz: target FuzzCxxSkip,"
assert_no_procs
finish
