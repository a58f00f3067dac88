#!/bin/bash
# The compiler wrappers (issue 14 item 11), build/bin/ferret-cc and
# ferret-c++:
#  - -fsanitize=fuzzer,address builds a harness (ferret's engine linked in),
#    in one command and compiled and linked apart, in C and C++;
#  - CC=ferret-cc ./configure && make builds an autotools library
#    instrumented (SanitizerCoverage counters in its objects), configure's
#    test programs and the library's own tool link and run with their own
#    main and without the engine, and the library's harness, linked with
#    LIB_FUZZING_ENGINE=-fsanitize=fuzzer, finds the library's bug;
#  - a command with no input (--version) is passed through;
#  - installed by make install, the wrapper finds the archive and ferret.h.
. "$(dirname "$0")/lib.sh"

FCC="$ROOT/build/bin/ferret-cc"
FCXX="$ROOT/build/bin/ferret-c++"
[ -x "$FCC" ] && [ -x "$FCXX" ] || fail "$FCC or $FCXX is missing; run make first"
command -v autoreconf >/dev/null && command -v automake >/dev/null ||
    fail "autoconf and automake are missing; run make deps (apt-get install autoconf automake)"
enter_workdir
out="$ROOT/build/e2e/ferret_cc"
mkdir -p "$out" || fail "cannot create $out"

"$FCC" --version >version.log 2>&1 || { cat version.log >&2; fail "ferret-cc --version failed"; }
assert_contains version.log "clang version"

# --- a harness from -fsanitize=fuzzer,address, in one step.
BIN="$out/magic"
"$FCC" -g -O1 -fsanitize=fuzzer,address "$E2E/targets/magic.c" -o "$BIN" 2>cc.log ||
    { cat cc.log >&2; fail "ferret-cc -fsanitize=fuzzer,address magic.c failed"; }
nm "$BIN" | grep -q ' T ferret_version$' || fail "the harness was not linked with ferret"
nm -C "$BIN" | grep 'fuzzer::' | grep -qv 'fuzzer::ferret::' && fail "the harness holds libFuzzer's code"
run_ferret fuzz.log 90 -fuzz -fuzztime=2000000x -parallel=1 -seed=1 -cachedir=cache-magic
assert_rc "magic built by ferret-cc finds its crash" 1
assert_contains fuzz.log "--- FAIL: magic"
assert_no_procs

# --- installed (make install): the wrapper finds PREFIX/lib/libferret.a and
# PREFIX/include/ferret.h.
(cd "$ROOT" && env -u MAKEFLAGS -u MAKELEVEL make -s install DESTDIR="$WORK/inst" PREFIX=/opt/ferret) \
    >install.log 2>&1 || { cat install.log >&2; fail "make install failed"; }
"$WORK/inst/opt/ferret/bin/ferret-cc" -g -O1 -fsanitize=fuzzer "$E2E/targets/typed.c" -o typed_installed \
    2>cc.log || { cat cc.log >&2; fail "the installed ferret-cc cannot build typed.c (#include \"ferret.h\")"; }
nm typed_installed | grep -q ' T ferret_version$' || fail "the installed ferret-cc did not link libferret.a"
rm -rf "$WORK/inst" typed_installed

# --- compiled and linked apart; C++ through ferret-c++.
"$FCXX" -g -O1 -fsanitize=fuzzer,address -c "$E2E/targets/cxx_throw.cc" -o cxx_throw.o 2>cc.log ||
    { cat cc.log >&2; fail "ferret-c++ -c failed"; }
objdump -h cxx_throw.o | grep -q __sancov_cntrs || fail "ferret-c++ -c did not instrument cxx_throw.o"
BIN="$out/cxx_throw"
"$FCXX" -fsanitize=fuzzer,address cxx_throw.o -o "$BIN" 2>cc.log ||
    { cat cc.log >&2; fail "ferret-c++ link failed"; }
run_ferret cxx.log 90 -fuzz -fuzztime=2000000x -parallel=1 -seed=23 -cachedir=cache-cxx
assert_rc "cxx_throw built by ferret-c++ finds its crash" 1
assert_contains cxx.log "--- FAIL: cxx_throw"
assert_no_procs

# --- an autotools library.
cp -r "$E2E/targets/autolib" lib && cd lib || fail "cannot copy autolib"
autoreconf -i >autoreconf.log 2>&1 || { cat autoreconf.log >&2; fail "autoreconf -i failed"; }
CC="$FCC" CFLAGS="-g -O1 -fsanitize=address" ./configure >configure.log 2>&1 ||
    { tail -n 30 config.log >&2; fail "CC=ferret-cc ./configure failed"; }
grep -q '^ac_cv_func_memmem=yes' config.log || { tail -n 30 config.log >&2; fail "configure's link test of memmem failed"; }
env -u MAKEFLAGS -u MAKELEVEL make >make.log 2>&1 || { cat make.log >&2; fail "make of the library failed"; }
objdump -h parse.o | grep -q __sancov_cntrs || fail "parse.o is not instrumented"
./parsetool 'PARS:a,b' >tool.log 2>&1 || { cat tool.log >&2; fail "the library's tool does not run"; }
assert_contains tool.log "parsetool: 2 fields"
nm parsetool | grep -q ferret_version && fail "the library's tool was linked with ferret's engine"
BIN="$out/fuzz_parse"
"$FCC" -g -O1 -fsanitize=address -I. fuzz_parse.c libparse.a -fsanitize=fuzzer -o "$BIN" 2>cc.log ||
    { cat cc.log >&2; fail "linking the library's harness failed"; }
cd "$WORK" || fail "cd"
run_ferret lib.log 90 -fuzz -fuzztime=3000000x -parallel=1 -seed=1 -cachedir=cache-lib
assert_rc "the library's harness finds the bug" 1
assert_contains lib.log "--- FAIL: fuzz_parse"
assert_contains lib.log "heap-buffer-overflow"
assert_contains lib.log "parse.c:"
assert_no_procs
finish
