# tests/e2e/lib.sh - helpers for ferret's end-to-end tests.
#
# Source it from a test script:   . "$(dirname "$0")/lib.sh"
# It sets ROOT (the repository), E2E (this directory), TEST_NAME, and gives:
#
#   build_target NAME [asan|plain] [c|cxx]
#                      compile tests/e2e/targets/NAME.c (or .cc) with
#                      -fsanitize=fuzzer-no-link[,address] against
#                      build/libferret.a into build/e2e/<variant>/NAME; sets BIN
#   enter_workdir      make a fresh temp dir, cd into it (removed on exit); sets WORK
#   run_ferret OUT SECS ARGS...   run "$BIN" ARGS... (stdin /dev/null), stderr
#                      and stdout into OUT; sets RC; fails if it overran SECS
#   fail MSG           print "FAIL: <test>: MSG" and exit 1
#   assert_eq WHAT EXPECTED ACTUAL
#   assert_ne WHAT UNEXPECTED ACTUAL
#   assert_rc WHAT WANT [LOG]        $RC is WANT (else the log is shown)
#   assert_contains FILE STRING      (fixed string)
#   assert_not_contains FILE STRING
#   assert_file_count DIR N          (regular, non-hidden files)
#   assert_no_procs                  no process of $BIN still alive
#   check_cache_dir DIR              each file named by the SHA-1 of its content, no temp files
#   find_crasher LOG / check_rerun LOG   the crasher written and its re-run command
#   soft CHECK... / finish           non-fatal checks, and the final verdict
#   last_execs LOG                   the execs: value of the last stats line
#
# Conventions: `set -u`, no `set -e`: every check is explicit.

set -u

E2E=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$E2E/../.." && pwd)
LIB="$ROOT/build/libferret.a"
TEST_NAME=$(basename "$0" .sh)
BIN=
WORK=
RC=
LAST_LOG=
CC=${E2E_CC:-clang}
CXX=${E2E_CXX:-clang++}

fail() {
    echo "FAIL: $TEST_NAME: $*" >&2
    exit 1
}

# soft CMD...: runs a check (e.g. soft assert_eq ...) in a subshell; a failure
# is reported and counted but the test goes on; finish() exits 1 at the end.
# For behaviour known to be broken, so the checks after it still run.
SOFT_FAILURES=0
soft() {
    ("$@")
    local rc=$?
    [ "$rc" = 0 ] || SOFT_FAILURES=$((SOFT_FAILURES + 1))
    return "$rc"
}

finish() {
    if [ "$SOFT_FAILURES" != 0 ]; then
        echo "FAIL: $TEST_NAME: $SOFT_FAILURES check(s) failed (see above)" >&2
        exit 1
    fi
    exit 0
}

note() {
    echo "  $TEST_NAME: $*" >&2
}

# Shows the last lines of a log, for a failure message's context.
show_log() {
    local f=$1 n=${2:-40}
    if [ -f "$f" ]; then
        echo "----- last $n lines of $f -----" >&2
        tail -n "$n" "$f" >&2
        echo "-----" >&2
    fi
}

build_target() {
    local name=$1 variant=${2:-plain} lang=${3:-c}
    local src sans compiler
    case "$variant" in
    asan) sans="fuzzer-no-link,address" ;;
    plain) sans="fuzzer-no-link" ;;
    *) fail "build_target: unknown variant '$variant'" ;;
    esac
    case "$lang" in
    c) src="$E2E/targets/$name.c"; compiler=$CC ;;
    cxx) src="$E2E/targets/$name.cc"; compiler=$CXX ;;
    *) fail "build_target: unknown language '$lang'" ;;
    esac
    [ -f "$src" ] || fail "build_target: no source $src"
    [ -f "$LIB" ] || fail "build_target: $LIB is missing; run make first"
    local dir="$ROOT/build/e2e/$variant"
    mkdir -p "$dir" || fail "cannot create $dir"
    BIN="$dir/$name"
    # Build into a temp name, then rename: a concurrent run never sees half a binary.
    local tmp="$BIN.tmp.$$"
    if ! "$compiler" -g -O1 -fsanitize="$sans" "$src" "$LIB" -o "$tmp" 2>"$tmp.log"; then
        cat "$tmp.log" >&2
        rm -f "$tmp" "$tmp.log"
        fail "could not build $src ($variant)"
    fi
    rm -f "$tmp.log"
    mv -f "$tmp" "$BIN" || fail "cannot install $BIN"
}

_cleanup_workdir() {
    if [ -n "$WORK" ] && [ -d "$WORK" ]; then
        cd / && rm -rf "$WORK"
    fi
}

enter_workdir() {
    _cleanup_workdir
    WORK=$(mktemp -d "${TMPDIR:-/tmp}/ferret-e2e-$TEST_NAME.XXXXXX") || fail "mktemp failed"
    cd "$WORK" || fail "cannot cd to $WORK"
    # Never touch the user's real cache, whatever a test forgets to pass.
    export XDG_CACHE_HOME="$WORK/xdg-cache"
    trap _cleanup_workdir EXIT
}

# run_ferret OUT SECS ARGS...: runs $BIN with a hard limit (SIGTERM at SECS,
# SIGKILL 5 s later).  Stdin is /dev/null.
run_ferret() {
    local out=$1 secs=$2
    shift 2
    LAST_LOG=$out
    timeout -k 5 "$secs" "$BIN" "$@" >"$out" 2>&1 </dev/null
    RC=$?
    if [ "$RC" = 124 ] || [ "$RC" = 137 ]; then
        show_log "$out"
        fail "$(basename "$BIN") $* did not finish within ${secs}s"
    fi
}

assert_eq() {
    local what=$1 want=$2 got=$3
    [ "$want" = "$got" ] || fail "$what: expected '$want', got '$got'"
}

# assert_rc WHAT WANT [LOG]: $RC must be WANT; on failure the log (default:
# the last run_ferret's or check_rerun's) is shown.
assert_rc() {
    local what=$1 want=$2 log=${3:-$LAST_LOG}
    if [ "$RC" != "$want" ]; then
        show_log "$log"
        fail "$what: expected exit code $want, got $RC"
    fi
}

assert_ne() {
    local what=$1 bad=$2 got=$3
    [ "$bad" != "$got" ] || fail "$what: expected anything but '$bad'"
}

assert_contains() {
    local file=$1 str=$2
    [ -f "$file" ] || fail "assert_contains: no file $file"
    if ! grep -qF -- "$str" "$file"; then
        show_log "$file"
        fail "$file does not contain '$str'"
    fi
}

assert_not_contains() {
    local file=$1 str=$2
    [ -f "$file" ] || fail "assert_not_contains: no file $file"
    if grep -qF -- "$str" "$file"; then
        show_log "$file"
        fail "$file unexpectedly contains '$str'"
    fi
}

# Regular, non-hidden files directly in DIR (a missing DIR counts 0).
count_files() {
    local dir=$1
    if [ ! -d "$dir" ]; then
        echo 0
        return
    fi
    find "$dir" -mindepth 1 -maxdepth 1 -type f ! -name '.*' | wc -l | tr -d ' '
}

assert_file_count() {
    local dir=$1 want=$2
    local got
    got=$(count_files "$dir")
    [ "$got" = "$want" ] || { ls -la "$dir" >&2 2>/dev/null; fail "$dir: expected $want files, found $got"; }
}

# Pids of live processes running $BIN (by command line or by exe link).
# Zombies are left out: they are dead, only not yet reaped by their parent.
procs_of_bin() {
    local bin=${1:-$BIN}
    {
        # The path goes through the environment, so awk's own command line
        # does not match.
        ps -eo pid=,stat=,args= | B="$bin" awk 'index($0, ENVIRON["B"]) && $2 !~ /^Z/ { print $1 }'
        find /proc -mindepth 2 -maxdepth 2 -name exe -lname "$bin" 2>/dev/null | cut -d/ -f3
    } | sort -u | grep -vx "$$"
    return 0
}

# Fails if any process of $BIN is still around (after a short grace period
# for processes that are exiting); kills what it finds so later tests are clean.
assert_no_procs() {
    local bin=${1:-$BIN} left i
    for i in 1 2 3 4 5 6 7 8 9 10; do
        left=$(procs_of_bin "$bin")
        [ -z "$left" ] && return 0
        sleep 0.2
    done
    ps -o pid,ppid,stat,args -p "$(echo $left | tr ' ' ',')" >&2 2>/dev/null
    for i in $left; do kill -9 "$i" 2>/dev/null; done
    fail "processes of $bin still running after the run: $(echo $left)"
}

# Every regular file in DIR is named by the SHA-1 of its content; no temp files.
check_cache_dir() {
    local dir=$1 f name sum
    [ -d "$dir" ] || fail "cache directory $dir does not exist"
    for f in "$dir"/.tmp-* "$dir"/*.tmp*; do
        [ -e "$f" ] && fail "temporary file left in cache: $f"
    done
    for f in "$dir"/*; do
        [ -e "$f" ] || continue
        [ -f "$f" ] || fail "unexpected non-file in cache: $f"
        name=$(basename "$f")
        sum=$(sha1sum <"$f" | cut -d' ' -f1)
        [ "$name" = "$sum" ] || fail "cache file $name is incomplete or corrupt: its content hashes to $sum"
    done
}

# Sets CRASHER to the single file in testdata/fuzz/<target>/ (fails unless
# there is exactly one) and checks that the log names it as written.
find_crasher() {
    local log=$1 dir="testdata/fuzz/$(basename "$BIN")"
    local n
    n=$(count_files "$dir")
    [ "$n" = 1 ] || { ls -la "$dir" >&2 2>/dev/null; show_log "$log"; fail "expected exactly one crasher in $dir, found $n"; }
    CRASHER=$(find "$dir" -mindepth 1 -maxdepth 1 -type f ! -name '.*')
    assert_contains "$log" "    failing input written to $CRASHER"
    [ "$(basename "$CRASHER")" = "$(sha1sum <"$CRASHER" | cut -d' ' -f1)" ] ||
        fail "crasher $CRASHER is not named by the SHA-1 of its content"
}

# Runs the "To re-run:" command exactly as the log prints it (from the cwd);
# it must fail.  Sets RERUN (the command) and RC.
check_rerun() {
    local log=$1
    RERUN=$(grep -A1 -F '    To re-run:' "$log" | tail -n 1)
    [[ "$RERUN" == "    "* ]] || { show_log "$log"; fail "no re-run command after 'To re-run:'"; }
    RERUN=${RERUN#    }
    LAST_LOG=rerun.log
    # (braces: the shell's own "Aborted" notice goes to /dev/null too)
    { timeout -k 5 30 $RERUN >rerun.log 2>&1 </dev/null; RC=$?; } 2>/dev/null
    if [ "$RC" = 0 ] || [ "$RC" = 124 ] || [ "$RC" = 137 ]; then
        show_log rerun.log
        fail "the re-run command '$RERUN' exited $RC; expected it to fail"
    fi
}

# The last "fuzz: elapsed: ..., execs: N" value in a log.
last_execs() {
    grep -oE 'execs: [0-9]+' "$1" | tail -n 1 | awk '{print $2}'
}
