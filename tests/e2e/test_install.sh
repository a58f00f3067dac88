#!/bin/bash
# make install / make uninstall (issue 16, item 1), from a temporary prefix:
#  - the installed pkg-config file, CMake package and wrapper each build the
#    examples (examples/packet.c, a libFuzzer harness, and examples/typed.c,
#    Go-style targets that #include "ferret.h"), and each binary fuzzes
#    (100 runs, a fixed seed: refused, exit 2, without the instrumentation
#    flag) and replays its seeds;
#  - the man page renders with man -l and names every flag -help prints,
#    every exit code of codes.h and every environment variable the sources
#    and ferret-cc read, so a flag, code or variable added without its
#    documentation fails here;
#  - make uninstall leaves no file in the prefix, and no directory install
#    created; in a prefix shared with another package it removes only
#    ferret's files and keeps the directories that were there; a second
#    install, DESTDIR staging and a plugin "if built" (INSTALL_PLUGIN=) are
#    recorded and removed too; a bad PREFIX is one line.
. "$(dirname "$0")/lib.sh"

# Tools the test drives; installed from Debian's packages if missing.
need() {
    local cmd=$1 pkg=$2
    command -v "$cmd" >/dev/null && return 0
    { [ -n "$(find /var/lib/apt/lists -name '*Packages*' 2>/dev/null | head -1)" ] || apt-get update -qq; } &&
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$pkg" >/dev/null 2>&1
    command -v "$cmd" >/dev/null || fail "$cmd is missing and apt-get install $pkg failed"
}
need pkg-config pkg-config
need cmake cmake
need man man-db

# make TARGET ARGS... in the checkout, its output in make-TARGET.log.
mk() {
    local target=$1
    shift
    (cd "$ROOT" && env -u MAKEFLAGS -u MAKELEVEL make -s "$target" "$@") >"make-$target.log" 2>&1
}

# check_fuzzer WHAT BINARY: fuzzes 100 runs libFuzzer-style (exit 0 only if
# the binary is instrumented) and replays its seeds Go-style.
check_fuzzer() {
    local what=$1
    BIN=$2
    mkdir -p "corpus-$what" || fail "mkdir"
    run_ferret "fuzz-$what.log" 60 -runs=100 -seed=1 "corpus-$what"
    assert_rc "$what: -runs=100 -seed=1" 0
    assert_contains "fuzz-$what.log" "INFO: Seed: 1"
    assert_contains "fuzz-$what.log" "Done 100 runs"
    grep -q "INITED cov: [1-9]" "fuzz-$what.log" || { show_log "fuzz-$what.log"; fail "$what: no coverage"; }
}

# check_typed WHAT BINARY: the Go-style example replays its seeds.
check_typed() {
    local what=$1
    BIN=$2
    run_ferret "typed-$what.log" 60
    assert_rc "$what: typed regression run" 0
    assert_contains "typed-$what.log" "ok  FuzzRange"
    assert_contains "typed-$what.log" "ok  FuzzQuote"
}

enter_workdir
P="$WORK/prefix"
mkdir "$P" || fail "mkdir"
mk install PREFIX="$P" || { cat make-install.log >&2; fail "make install PREFIX=$P failed"; }
for f in lib/libferret.a include/ferret.h bin/ferret-cc bin/ferret-c++ bin/ferret-plot \
    lib/pkgconfig/ferret.pc lib/cmake/ferret/ferretConfig.cmake \
    lib/cmake/ferret/ferretConfigVersion.cmake share/man/man1/ferret.1; do
    [ -f "$P/$f" ] || fail "make install did not install $f"
done
[ -x "$P/bin/ferret-cc" ] || fail "ferret-cc is not executable"

# --- pkg-config: the flags a harness needs, in the order it needs them.
export PKG_CONFIG_PATH="$P/lib/pkgconfig"
pcflags=$(pkg-config --cflags --libs ferret) || fail "pkg-config --cflags --libs ferret failed"
assert_eq "pkg-config --cflags --libs ferret" \
    "-fsanitize=fuzzer-no-link -I$P/include -fsanitize=fuzzer-no-link $P/lib/libferret.a" "$(echo $pcflags)"
version=$(sed -n 's/.*ferret_version(void) { return "\([^"]*\)"; }.*/\1/p' "$ROOT/src/runtime/main.c")
assert_eq "pkg-config --modversion ferret" "$version" "$(pkg-config --modversion ferret)"
mkdir pc && cd pc || fail "cd"
clang -g -O1 "$ROOT/examples/packet.c" $(pkg-config --cflags --libs ferret) -o packet 2>cc.log ||
    { cat cc.log >&2; fail "clang packet.c \$(pkg-config --cflags --libs ferret) failed"; }
clang -g -O1 "$ROOT/examples/typed.c" $(pkg-config --cflags --libs ferret) -o typed 2>cc.log ||
    { cat cc.log >&2; fail "clang typed.c \$(pkg-config --cflags --libs ferret) failed"; }
"$(pwd)/packet" -version >version.txt 2>&1
assert_eq "the pkg-config build's -version" "ferret $version" "$(cat version.txt)"
check_fuzzer pkgconfig "$(pwd)/packet"
check_typed pkgconfig "$(pwd)/typed"
cd "$WORK" || fail "cd"

# --- CMake: find_package(ferret 0.1 REQUIRED) and ferret::ferret, nothing else.
mkdir cm || fail "mkdir"
cat >cm/CMakeLists.txt <<EOF
cmake_minimum_required(VERSION 3.13)
project(ferret_install_test C CXX)
find_package(ferret $version REQUIRED)
add_executable(packet "$ROOT/examples/packet.c")
target_link_libraries(packet PRIVATE ferret::ferret)
add_executable(typed "$ROOT/examples/typed.c")
target_link_libraries(typed PRIVATE ferret::ferret)
add_executable(cxx cxx.cc)
target_link_libraries(cxx PRIVATE ferret::ferret)
EOF
cat >cm/cxx.cc <<'EOF'
#include <cstddef>
#include <cstdint>
#include <string>
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    std::string s(reinterpret_cast<const char *>(data), size);
    return s.find("ferret") == 0 ? 1 : 0;
}
EOF
cmake -S cm -B cm/build -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_PREFIX_PATH="$P" >cmake.log 2>&1 ||
    { cat cmake.log >&2; fail "cmake could not configure a project with find_package(ferret)"; }
cmake --build cm/build -- VERBOSE=1 >cmake-build.log 2>&1 ||
    { cat cmake-build.log >&2; fail "cmake --build failed"; }
grep -q -- "-fsanitize=fuzzer-no-link.* -c .*packet.c" cmake-build.log ||
    { cat cmake-build.log >&2; fail "ferret::ferret did not add -fsanitize=fuzzer-no-link to the compile"; }
grep -q -- "-o packet .*$P/lib/libferret.a" cmake-build.log ||
    { cat cmake-build.log >&2; fail "ferret::ferret did not link libferret.a after the objects"; }
check_fuzzer cmake "$WORK/cm/build/packet"
check_typed cmake "$WORK/cm/build/typed"
check_fuzzer cmake-cxx "$WORK/cm/build/cxx"
# A version the package does not meet, and a compiler it cannot use: not found, saying why.
sed "s/find_package(ferret $version /find_package(ferret 99.0 /" cm/CMakeLists.txt >cm/v.txt && mkdir cmv &&
    mv cm/v.txt cmv/CMakeLists.txt || fail "cannot write cmv"
cmake -S cmv -B cmv/build -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_PREFIX_PATH="$P" >cmake-v.log 2>&1 &&
    fail "find_package(ferret 99.0) was satisfied by $version"
assert_contains cmake-v.log "with requested version \"99.0\""
if command -v gcc >/dev/null; then
    cmake -S cm -B cm/gcc -DCMAKE_C_COMPILER=gcc -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_PREFIX_PATH="$P" >cmake-gcc.log 2>&1 &&
        fail "find_package(ferret) accepted gcc"
    grep -q "ferret needs clang" cmake-gcc.log || { cat cmake-gcc.log >&2; fail "no reason given for gcc"; }
fi

# --- the installed wrapper.
"$P/bin/ferret-cc" -g -O1 -fsanitize=fuzzer "$ROOT/examples/packet.c" -o packet-cc 2>cc.log ||
    { cat cc.log >&2; fail "the installed ferret-cc cannot build packet.c"; }
"$P/bin/ferret-cc" -g -O1 -fsanitize=fuzzer "$ROOT/examples/typed.c" -o typed-cc 2>cc.log ||
    { cat cc.log >&2; fail "the installed ferret-cc cannot build typed.c"; }
check_fuzzer ferret-cc "$WORK/packet-cc"
check_typed ferret-cc "$WORK/typed-cc"

# --- the man page: renders, and documents every flag, exit code and variable.
MANWIDTH=200 man -l "$P/share/man/man1/ferret.1" 2>man.err | col -bx >man.txt
[ -s man.err ] && { cat man.err >&2; fail "man -l printed warnings or errors"; }
for h in NAME SYNOPSIS DESCRIPTION OPTIONS "EXIT STATUS" FILES ENVIRONMENT "SEE ALSO"; do
    grep -q "^$h\$" man.txt || fail "the man page has no section $h"
done
assert_contains man.txt "-fuzztime=DURATION|Nx"
assert_contains man.txt "-print_final_stats[=0|1]"
# section NAME: the lines from the heading NAME to the next heading.
[ "$(MANPATH="$P/share/man" man -w ferret 2>&1)" = "$P/share/man/man1/ferret.1" ] ||
    fail "man -w ferret does not find the page in MANPATH=$P/share/man"
section() { awk -v s="$1" '/^[A-Z]/ { on = ($0 == s); next } on' man.txt; }
section OPTIONS >options.txt
"$WORK/packet-cc" -help >help.txt 2>&1 || fail "-help failed"
flags=$(sed -n 's/^  -\([a-z0-9_]*\) .*/\1/p' help.txt)
[ "$(echo "$flags" | wc -l)" -gt 40 ] || { cat help.txt >&2; fail "cannot read the flags from -help"; }
for f in $flags; do
    grep -Eq "^ +-$f(=|\[=|\$)" options.txt || fail "the man page's OPTIONS do not list -$f (in -help)"
done
section "EXIT STATUS" >exit.txt
codes=$(sed -n 's/^ *X([A-Z_]*, *\([0-9]*\),.*/\1/p' "$ROOT/src/engine/codes.h")
[ -n "$codes" ] || fail "cannot read the exit codes from codes.h"
for c in $codes; do
    grep -Eq "^ +$c +[a-z]" exit.txt || fail "the man page's EXIT STATUS does not list $c (codes.h)"
done
section ENVIRONMENT >env.txt
vars=$(grep -rhoE 'getenv\([A-Z_"]+\)' "$ROOT/src" | sed 's/getenv(//; s/)//' | sort -u)
for v in $vars; do
    case $v in
    \"*) name=${v//\"/} ;;
    *) name=$(grep -rh "#define $v " "$ROOT/src" | sed 's/.*"\(.*\)".*/\1/') ;;
    esac
    [ -n "$name" ] || fail "cannot resolve getenv($v)"
    grep -q "\\b$name\\b" env.txt || fail "the man page's ENVIRONMENT does not name $name (getenv in src/)"
done
for name in $(grep -oE '\$\{?FERRET_[A-Z]+' "$ROOT/tools/ferret-cc" | tr -d '${' | sort -u); do
    grep -q "\\b$name\\b" env.txt || fail "the man page's ENVIRONMENT does not name $name (ferret-cc)"
done

# --- uninstall: nothing left, not even the directories install created.
mk uninstall PREFIX="$P" || { cat make-uninstall.log >&2; fail "make uninstall failed"; }
left=$(find "$P" -mindepth 1)
[ -z "$left" ] || fail "make uninstall left: $left"
mk uninstall PREFIX="$P" && fail "a second make uninstall succeeded"
assert_contains make-uninstall.log "no install manifest"

# A prefix shared with another package, installed twice, with a plugin: only
# ferret's files and the directories install created go.
S="$WORK/shared"
mkdir -p "$S/lib" "$S/share/man/man1" plugin && echo other >"$S/lib/libother.a" &&
    echo other >"$S/share/man/man1/other.1" && echo so >plugin/ferret-pass.so || fail "cannot set up $S"
mk install PREFIX="$S" || { cat make-install.log >&2; fail "make install PREFIX=$S failed"; }
mk install PREFIX="$S" INSTALL_PLUGIN="$WORK/plugin/ferret-pass.so" || { cat make-install.log >&2; fail "second install failed"; }
[ -f "$S/lib/ferret-pass.so" ] || fail "INSTALL_PLUGIN=... was not installed as lib/ferret-pass.so"
mk install PREFIX="$S" INSTALL_PLUGIN="$WORK/plugin/none.so" || { cat make-install.log >&2; fail "an unbuilt plugin is not skipped"; }
mk uninstall PREFIX="$S" || { cat make-uninstall.log >&2; fail "make uninstall PREFIX=$S failed"; }
assert_eq "files left in a shared prefix" "$S/lib/libother.a $S/share/man/man1/other.1" \
    "$(find "$S" -type f | LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//')"
assert_eq "directories left in a shared prefix" "$S $S/lib $S/share $S/share/man $S/share/man/man1" \
    "$(find "$S" -type d | LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//')"

# DESTDIR staging: files under DESTDIR, ferret.pc with the real PREFIX.
mk install DESTDIR="$WORK/stage" PREFIX=/opt/ferret || { cat make-install.log >&2; fail "DESTDIR install failed"; }
assert_contains "$WORK/stage/opt/ferret/lib/pkgconfig/ferret.pc" "prefix=/opt/ferret"
mk uninstall DESTDIR="$WORK/stage" PREFIX=/opt/ferret || { cat make-uninstall.log >&2; fail "DESTDIR uninstall failed"; }
left=$(find "$WORK/stage" -type f)
[ -z "$left" ] || fail "make uninstall DESTDIR=... left: $left"

# A bad PREFIX: one line, nothing installed.
mk install PREFIX=relative/dir && fail "a relative PREFIX was accepted"
assert_contains make-install.log "PREFIX=relative/dir is not an absolute path"
[ -e "$ROOT/relative" ] && fail "a relative PREFIX created $ROOT/relative"
finish
