#!/bin/bash
# -h, -help, --help and -help=1 print the flags on stdout and exit 0 (a bad
# flag still prints them on stderr, exit 2); -version prints the version on
# stdout and exits 0 (issue 16, item 1).
. "$(dirname "$0")/lib.sh"

build_target magic plain
enter_workdir
for arg in -h -help --help -help=1; do
    "$BIN" "$arg" >out.txt 2>err.txt
    assert_eq "$arg: exit code" 0 "$?"
    grep -q "^usage: $BIN \[flags\]" out.txt || { cat out.txt err.txt; fail "$arg: no usage on stdout"; }
    grep -q -- "-fuzzminimizetime" out.txt || fail "$arg: the flag list is not on stdout"
    [ -s err.txt ] && { cat err.txt; fail "$arg: wrote to stderr"; }
done
"$BIN" -version >out.txt 2>err.txt
assert_eq "-version: exit code" 0 "$?"
grep -qE "^ferret [0-9]+\.[0-9]+\.[0-9]+$" out.txt || { cat out.txt; fail "-version: no version on stdout"; }
[ -s err.txt ] && fail "-version wrote to stderr"
"$BIN" -no_such_flag >out.txt 2>err.txt
assert_eq "a bad flag: exit code" 2 "$?"
grep -q "unknown flag -no_such_flag" err.txt || fail "a bad flag is not named on stderr"
grep -q "^usage:" err.txt || fail "a bad flag: no usage on stderr"
[ -s out.txt ] && fail "a bad flag wrote to stdout"
finish
