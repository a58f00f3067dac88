#!/bin/bash
# ferret's pass plugin (issue 15 item 1) makes the compares SanitizerCoverage
# cannot see solvable: float and double equality, a double range
# (1234.5 < x < 1234.6), long double equality and a range, two chained unsigned __int128
# fields, and _BitInt(24) then _BitInt(72).  Each target, built with
# ferret-cc, finds its crash within a fixed budget; built with the same
# wrapper but FERRET_PLUGIN=0 (what plain clang makes), it does not within
# the same budget: the plugin is what finds it.
. "$(dirname "$0")/lib.sh"

BUDGET=${PLUGIN_BUDGET:-200000}

check_target() {
    local name=$1 seed=$2 san=${3:-}
    build_cc_target "$name" plugin $san
    enter_workdir
    run_ferret on.log 120 -fuzz -fuzztime=${BUDGET}x -parallel=1 -seed="$seed" -cachedir=cache
    assert_rc "[$name${san:+/$san}] solved with the plugin" 1
    assert_contains on.log "--- FAIL: $name"
    find_crasher on.log
    check_rerun on.log
    rm -rf testdata cache
    build_cc_target "$name" noplugin $san
    run_ferret off.log 120 -fuzz -fuzztime=${BUDGET}x -parallel=1 -seed="$seed" -cachedir=cache
    assert_rc "[$name${san:+/$san}] not solved without the plugin" 0
    assert_contains off.log "execs: $BUDGET "
    assert_no_procs
}

# The hooks are in the binary only with the plugin.
build_cc_target wide_double plugin
objdump -d "$BIN" | grep -q 'call.*<__ferret_trace_fcmp8>' ||
    fail "wide_double built by ferret-cc does not call __ferret_trace_fcmp8"
build_cc_target wide_double noplugin
objdump -d "$BIN" | grep -q 'call.*<__ferret_trace_fcmp8>' &&
    fail "wide_double built with FERRET_PLUGIN=0 calls __ferret_trace_fcmp8"

# ferret-c++ loads it too, and so does an installed ferret-cc (make
# install puts the plugin in PREFIX/lib, next to libferret.a).
enter_workdir
printf '%s\n' '#include <cstring>' '#include <cstdint>' \
    'extern "C" int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)' \
    '{ double x; if (n < 8) return 0; std::memcpy(&x, d, 8); if (x == 0.5) throw 1; return 0; }' >t.cc
"$ROOT/build/bin/ferret-c++" -O1 -fsanitize=fuzzer t.cc -o t 2>cc.log || { cat cc.log >&2; fail "ferret-c++ t.cc failed"; }
objdump -d t | grep -q 'call.*<__ferret_trace_fcmp8>' || fail "a C++ harness built by ferret-c++ does not call __ferret_trace_fcmp8"
(cd "$ROOT" && env -u MAKEFLAGS -u MAKELEVEL make -s install DESTDIR="$WORK/inst" PREFIX=/opt/ferret) \
    >install.log 2>&1 || { cat install.log >&2; fail "make install failed"; }
[ -f "$WORK/inst/opt/ferret/lib/ferret-pass.so" ] || fail "make install did not install PREFIX/lib/ferret-pass.so"
"$WORK/inst/opt/ferret/bin/ferret-cc" -O1 -fsanitize=fuzzer "$E2E/targets/wide_float.c" -o t 2>cc.log ||
    { cat cc.log >&2; fail "the installed ferret-cc cannot build wide_float.c"; }
objdump -d t | grep -q 'call.*<__ferret_trace_fcmp4>' || fail "the installed ferret-cc did not load the installed plugin"
rm -rf "$WORK/inst"

# FERRET_PLUGIN naming a missing file: one line, exit 2, nothing built.
enter_workdir
FERRET_PLUGIN=/nonexistent/ferret-pass.so "$ROOT/build/bin/ferret-cc" -c "$E2E/targets/wide_float.c" \
    -o x.o 2>cc.log
RC=$?
assert_rc "ferret-cc with a missing FERRET_PLUGIN" 2 cc.log
assert_contains cc.log "ferret-cc: FERRET_PLUGIN=/nonexistent/ferret-pass.so is not a file"
[ -f x.o ] && fail "ferret-cc built x.o with a missing FERRET_PLUGIN"

check_target wide_float 1
check_target wide_double 1
check_target wide_range 1
check_target wide_ldouble 1
check_target wide_ldrange 1
check_target wide_int128 1
check_target wide_bitint 1
check_target wide_range 2 address
check_target wide_int128 3 address
finish
