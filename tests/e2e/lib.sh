# tests/e2e/lib.sh - helpers for ferret's end-to-end tests.
#
# Source it from a test script:   . "$(dirname "$0")/lib.sh"
# It sets ROOT (the repository), E2E (this directory), TEST_NAME, and gives:
#
#   build_target NAME [asan|plain] [c|cxx]
#                      compile tests/e2e/targets/NAME.c (or .cc) with
#                      -fsanitize=fuzzer-no-link[,address] against
#                      build/libferret.a into build/e2e/<variant>/NAME; sets BIN
#   build_target_with NAME TAG FLAGS...   the same, plain C, with more compiler
#                      flags (e.g. -fno-sanitize-coverage=stack-depth), into
#                      build/e2e/TAG/NAME; sets BIN
#   build_cc_target NAME [plugin|noplugin] [asan]
#                      compile tests/e2e/targets/NAME.c with build/bin/ferret-cc
#                      -fsanitize=fuzzer[,address], with ferret's pass plugin
#                      or without it (FERRET_PLUGIN=0), into
#                      build/e2e/cc-<variant>[-asan]/NAME (at -O1, or at
#                      $CC_OPT when set, e.g. CC_OPT=-O2); sets BIN
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
#   assert_crasher_is_seen WHAT      $CRASHER is the input the target recorded in ./seen
#   solved_only_with_value_profile NAME BUDGET [SEED]   found at default flags, not with -use_value_profile=0
#   solved_only_with_coverage NAME KIND BUDGET SEED SECS   found by the plain build, not by one
#                      built with -fno-sanitize-coverage=KIND (value profile off in both)
#   soft CHECK... / finish           non-fatal checks, and the final verdict
#   last_execs LOG                   the execs: value of the last stats line
#   assert_children_gone DIR PREFIX WHAT   a target's children (pid files) all gone
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

# solved_only_with_value_profile NAME BUDGET [SEED]: the plain build of NAME,
# fuzzed with -seed=SEED (1) and -fuzztime=BUDGET (Nx), finds its crash at default
# flags (value profile is on by default) and runs the whole budget without
# it with -use_value_profile=0: the pattern needs value profile's features.
solved_only_with_value_profile() {
    local name=$1 budget=$2 seed=${3:-1}
    build_target "$name" plain
    enter_workdir
    run_ferret on.log 180 -fuzz -fuzztime="$budget" -parallel=1 -seed="$seed" -cachedir=on
    assert_rc "solved at default flags" 1 on.log
    assert_contains on.log "--- FAIL: $name"
    find_crasher on.log
    check_rerun on.log
    rm -rf testdata # the crasher the first run wrote there would be replayed as a seed
    run_ferret off.log 180 -fuzz -fuzztime="$budget" -parallel=1 -seed="$seed" -cachedir=off -use_value_profile=0
    assert_rc "not solved with -use_value_profile=0" 0 off.log
    assert_contains off.log "execs: ${budget%x} "
    assert_no_procs
}

# solved_only_with_coverage NAME KIND BUDGET SEED SECS: the plain build of
# NAME, fuzzed with -seed=SEED and -fuzztime=BUDGET (Nx), finds its crash; the
# same target built with -fno-sanitize-coverage=KIND (stack-depth,
# indirect-calls) runs the whole budget without it: the pattern needs that
# instrumentation's features.  Value profile is off in both runs (it could
# climb some of these patterns too; off, the two runs differ in KIND alone).
solved_only_with_coverage() {
    local name=$1 kind=$2 budget=$3 seed=$4 secs=$5
    build_target "$name" plain
    enter_workdir
    run_ferret on.log "$secs" -fuzz -fuzztime="$budget" -parallel=1 -seed="$seed" -cachedir=on -use_value_profile=0
    assert_rc "solved with $kind features" 1 on.log
    assert_contains on.log "--- FAIL: $name"
    find_crasher on.log
    check_rerun on.log
    rm -rf testdata # the crasher the first run wrote there would be replayed as a seed
    build_target_with "$name" "no-$kind" -fno-sanitize-coverage="$kind"
    run_ferret off.log "$secs" -fuzz -fuzztime="$budget" -parallel=1 -seed="$seed" -cachedir=off -use_value_profile=0
    assert_rc "not solved without $kind instrumentation" 0 off.log
    assert_contains off.log "execs: ${budget%x} "
    assert_no_procs
}

# docs_copy FILE NAME: under `make docs` (FERRET_DOCS_DIR set) keeps a
# picture a test made as $FERRET_DOCS_DIR/NAME, so docs/ shows what the
# tests' own commands draw; otherwise does nothing.
docs_copy() {
    [ -n "${FERRET_DOCS_DIR:-}" ] || return 0
    mkdir -p "$FERRET_DOCS_DIR" && cp "$1" "$FERRET_DOCS_DIR/$2.tmp" &&
        mv -f "$FERRET_DOCS_DIR/$2.tmp" "$FERRET_DOCS_DIR/$2" || fail "cannot keep $1 as $FERRET_DOCS_DIR/$2"
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
    local src sans compiler extra=""
    case "$variant" in
    asan) sans="fuzzer-no-link,address" ;;
    msan) sans="fuzzer-no-link,memory" ;;
    ubsan) sans="fuzzer-no-link,undefined"; extra="-fno-sanitize-recover=undefined" ;;
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
    if ! "$compiler" -g -O1 -fsanitize="$sans" $extra -I"$ROOT/include" "$src" "$LIB" -o "$tmp" 2>"$tmp.log"; then
        cat "$tmp.log" >&2
        rm -f "$tmp" "$tmp.log"
        fail "could not build $src ($variant)"
    fi
    rm -f "$tmp.log"
    mv -f "$tmp" "$BIN" || fail "cannot install $BIN"
}

build_target_with() {
    local name=$1 tag=$2
    shift 2
    local src="$E2E/targets/$name.c" dir="$ROOT/build/e2e/$tag"
    [ -f "$src" ] || fail "build_target_with: no source $src"
    [ -f "$LIB" ] || fail "build_target_with: $LIB is missing; run make first"
    mkdir -p "$dir" || fail "cannot create $dir"
    BIN="$dir/$name"
    local tmp="$BIN.tmp.$$"
    if ! "$CC" -g -O1 -fsanitize=fuzzer-no-link "$@" -I"$ROOT/include" "$src" "$LIB" -o "$tmp" 2>"$tmp.log"; then
        cat "$tmp.log" >&2
        rm -f "$tmp" "$tmp.log"
        fail "could not build $src ($tag: $*)"
    fi
    rm -f "$tmp.log"
    mv -f "$tmp" "$BIN" || fail "cannot install $BIN"
}

build_cc_target() {
    local name=$1 variant=${2:-plugin} san=${3:-} plugin=0
    local fcc="$ROOT/build/bin/ferret-cc" src="$E2E/targets/$name.c"
    [ -x "$fcc" ] || fail "build_cc_target: $fcc is missing; run make first"
    [ -f "$src" ] || fail "build_cc_target: no source $src"
    case "$variant" in
    plugin)
        [ -f "$ROOT/build/lib/ferret-pass.so" ] ||
            fail "build/lib/ferret-pass.so is missing: install llvm-14-dev (make deps) and run make"
        plugin= ;;
    noplugin) ;;
    *) fail "build_cc_target: unknown variant '$variant'" ;;
    esac
    local dir="$ROOT/build/e2e/cc-$variant${san:+-$san}"
    mkdir -p "$dir" || fail "cannot create $dir"
    BIN="$dir/$name"
    local tmp="$BIN.tmp.$$"
    if ! FERRET_PLUGIN=$plugin "$fcc" -g "${CC_OPT:--O1}" -fsanitize=fuzzer${san:+,$san} "$src" -o "$tmp" 2>"$tmp.log"; then
        cat "$tmp.log" >&2
        rm -f "$tmp" "$tmp.log"
        fail "could not build $src with ferret-cc ($variant)"
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

# assert_crasher_is_seen WHAT: the target recorded the exact bytes it died on
# in ./seen (targets/record.h, FERRET_E2E_OUT); $CRASHER must be those bytes.
assert_crasher_is_seen() {
    [ -f seen ] || { show_log "$LAST_LOG"; fail "$1: the target never recorded its input"; }
    [ -n "$CRASHER" ] && [ -f "$CRASHER" ] || { show_log "$LAST_LOG"; fail "$1: no crasher written"; }
    if ! cmp seen "$CRASHER"; then
        echo "target saw:" >&2; xxd seen | head -20 >&2
        echo "crasher:" >&2; xxd "$CRASHER" | head -20 >&2
        fail "$1: the crasher differs from the input the target died on"
    fi
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

# ---- fault-matrix helpers (tests/e2e/test_fault_*.sh) -------------------------
#
#   snapshot_dir DIR OUT          one line per entry under DIR (recursive):
#                                 "f PATH SHA1", "l PATH -> TARGET", "d PATH";
#                                 a missing DIR gives an empty snapshot.
#                                 The cache's .autodict is left out: ferret
#                                 rewrites it on purpose at every run.
#   assert_nothing_lost SNAP DIR  every entry of SNAP is still in DIR, with the
#                                 same content (files), target (links), type
#   assert_no_memfd               no process of this test holds a memfd:ferret-*
#                                 (after a grace period); names the holders if one does
#   assert_no_tmp_files [DIR]     no .tmp-* file anywhere under DIR (default $WORK)
#   assert_clean [DIR]            assert_no_procs + assert_no_memfd + assert_no_tmp_files
#   start_ferret LOG ARGS...      runs "$BIN" ARGS... in the background (stdin
#                                 /dev/null, output into LOG); sets COORD (its pid)
#   wait_for_stats LOG PID [SECS] waits for the first "execs:" stats line (default 20 s)
#   wait_exit PID SECS            waits for PID (a child of this shell) to end;
#                                 sets RC; kills it and fails after SECS
#   artifacts_of [TARGET]         the files named by a SHA-1 in testdata/fuzz/TARGET
#                                 (default $BIN's): what ferret wrote, not the seeds

snapshot_dir() {
    local dir=$1 out=$2 type path
    : >"$out" || fail "snapshot_dir: cannot write $out"
    [ -d "$dir" ] || return 0
    (cd "$dir" && find . -mindepth 1 ! -name .autodict -printf '%y %p\n') | LC_ALL=C sort |
        while read -r type path; do
            case "$type" in
            f) echo "f $path $(sha1sum <"$dir/$path" | cut -d' ' -f1)" ;;
            l) echo "l $path -> $(readlink "$dir/$path")" ;;
            *) echo "$type $path" ;;
            esac
        done >"$out"
}

assert_nothing_lost() {
    local snap=$1 dir=$2 now missing
    now=$(mktemp "${TMPDIR:-/tmp}/ferret-snap.XXXXXX") || fail "mktemp failed"
    snapshot_dir "$dir" "$now"
    missing=$(LC_ALL=C comm -23 <(LC_ALL=C sort "$snap") <(LC_ALL=C sort "$now"))
    if [ -n "$missing" ]; then
        echo "entries of $dir before the run that are gone or changed:" >&2
        echo "$missing" | sed 's/^/    /' >&2
        echo "$dir now:" >&2
        sed 's/^/    /' "$now" >&2
        rm -f "$now"
        fail "something was lost from $dir"
    fi
    rm -f "$now"
}

# Pids of processes holding a memfd:ferret-* descriptor.
memfd_holders() {
    local d
    for d in /proc/[0-9]*; do
        ls -l "$d/fd" 2>/dev/null | grep -q 'memfd:ferret' && echo "${d#/proc/}"
    done
    return 0
}

# Is PID one of this test's processes: running $BIN, or a process that
# inherited this test's environment (enter_workdir exports
# XDG_CACHE_HOME=$WORK/xdg-cache, and every process the test starts, a
# target's children included, inherits it)?
is_ours() {
    local pid=$1 exe
    exe=$(readlink "/proc/$pid/exe" 2>/dev/null)
    [ -n "$BIN" ] && [ "$exe" = "$BIN" ] && return 0
    [ -n "$WORK" ] && tr '\0' '\n' 2>/dev/null <"/proc/$pid/environ" | grep -qxF "XDG_CACHE_HOME=$WORK/xdg-cache"
}

# No memfd:ferret-* descriptor may be open after a run.  The count is the
# brief's `ls -l /proc/*/fd | grep -c memfd:ferret`, but only the holders that
# belong to this test count (is_ours): other ferret runs on the machine (a
# developer's, another suite's) are named and ignored.  FAULT_MEMFD_STRICT=1
# counts every holder.
assert_no_memfd() {
    local i p ours others
    for i in $(seq 1 15); do
        ours= others=
        for p in $(memfd_holders); do
            if [ "${FAULT_MEMFD_STRICT:-0}" = 1 ] || is_ours "$p"; then
                ours="$ours $p"
            else
                others="$others $p"
            fi
        done
        [ -z "$ours" ] && break
        sleep 0.2
    done
    [ -n "$others" ] && note "ignoring memfd:ferret held by processes that are not this test's:$others"
    [ -z "$ours" ] && return 0
    echo "memfd:ferret descriptors still open:" >&2
    for p in $ours; do
        echo "    pid $p: $(readlink "/proc/$p/exe" 2>/dev/null) $(tr '\0' ' ' 2>/dev/null <"/proc/$p/cmdline")" >&2
        ls -l "/proc/$p/fd" 2>/dev/null | grep 'memfd:ferret' | sed 's/^/        /' >&2
    done
    fail "memfd:ferret descriptors are still open after the run"
}

assert_no_tmp_files() {
    local dir=${1:-$WORK} left
    left=$(find "$dir" -name '.tmp-*' 2>/dev/null)
    [ -z "$left" ] || fail "temporary files left behind: $(echo $left)"
}

assert_clean() {
    assert_no_procs
    assert_no_memfd
    assert_no_tmp_files "${1:-$WORK}"
}

COORD=
start_ferret() {
    local out=$1
    shift
    LAST_LOG=$out
    "$BIN" "$@" >"$out" 2>&1 </dev/null &
    COORD=$!
}

wait_for_stats() {
    local log=$1 pid=$2 secs=${3:-20} deadline
    deadline=$(($(date +%s) + secs))
    until grep -qE '^fuzz: elapsed: .*, execs: [0-9]+' "$log" 2>/dev/null; do
        if [ "$(date +%s)" -gt "$deadline" ] || ! kill -0 "$pid" 2>/dev/null; then
            kill -9 "$pid" 2>/dev/null
            show_log "$log"
            fail "no fuzzing stats line within ${secs}s"
        fi
        sleep 0.1
    done
}

wait_exit() {
    local pid=$1 secs=$2 i
    for i in $(seq 1 $((secs * 10))); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
        kill -9 "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
        show_log "$LAST_LOG"
        fail "process $pid still running after ${secs}s"
    fi
    wait "$pid"
    RC=$?
}

artifacts_of() {
    local dir="testdata/fuzz/${1:-$(basename "$BIN")}"
    [ -d "$dir" ] || return 0
    find "$dir" -mindepth 1 -maxdepth 1 -type f -regextype posix-extended \
        -regex '.*/[0-9a-f]{40}' | LC_ALL=C sort
}

#   put_named DIR STRING          writes STRING (printf %b escapes) to DIR/<its SHA-1>,
#                                 as ferret names corpus files; sets PUT (the path)
#   prepare_dirs SEED...          testdata/fuzz/<target>/ with the seeds (seed1, seed2...),
#                                 cache/ with one entry of its own, and snapshots of
#                                 both in snap.testdata and snap.cache
#   assert_nothing_lost_all       assert_nothing_lost for both snapshots
#   assert_report LOG REASON      the failure report: "--- FAIL: <target>", the
#                                 reason line, the artifact written, the re-run
#                                 command and the closing FAIL

put_named() {
    local dir=$1 str=$2 tmp sum
    mkdir -p "$dir" || fail "cannot create $dir"
    tmp="$dir/put.$$"
    printf '%b' "$str" >"$tmp" || fail "cannot write $tmp"
    sum=$(sha1sum <"$tmp" | cut -d' ' -f1)
    mv "$tmp" "$dir/$sum" || fail "cannot rename $tmp"
    PUT="$dir/$sum"
}

prepare_dirs() {
    local t i=0 s
    t=$(basename "$BIN")
    mkdir -p "testdata/fuzz/$t" cache || fail "mkdir"
    for s in "$@"; do
        i=$((i + 1))
        printf '%b' "$s" >"testdata/fuzz/$t/seed$i" || fail "cannot write seed $i"
    done
    put_named cache 'an old cache entry, kept from an earlier run'
    snapshot_dir testdata snap.testdata
    snapshot_dir cache snap.cache
}

assert_nothing_lost_all() {
    assert_nothing_lost snap.testdata testdata
    assert_nothing_lost snap.cache cache
}

assert_report() {
    local log=$1 reason=$2 t
    t=$(basename "$BIN")
    assert_contains "$log" "--- FAIL: $t"
    assert_contains "$log" "$reason"
    assert_contains "$log" "    failing input written to testdata/fuzz/$t/"
    assert_contains "$log" "    To re-run:"
    grep -qx 'FAIL' "$log" || { show_log "$log"; fail "$log has no closing FAIL line"; }
}

# assert_children_gone DIR PREFIX WHAT: the processes whose pids a target
# left as DIR/PREFIX.<pid> files are all gone (1 s of grace each), and there
# were at least 2 of them (else the test proves nothing).  WHAT names them
# in the failure.
assert_children_gone() {
    local dir=$1 prefix=$2 what=$3 alive= f pid st i n
    for f in "$dir/$prefix".*; do
        [ -e "$f" ] || continue
        pid=${f##*.}
        for i in 1 2 3 4 5; do
            st=$(ps -o stat= -p "$pid" 2>/dev/null | tr -d ' ')
            [ -z "$st" ] || [[ "$st" == Z* ]] && break
            sleep 0.2
        done
        [ -n "$st" ] && [[ "$st" != Z* ]] && alive="$alive $pid"
    done
    n=$(ls "$dir" | grep -c "^$prefix\.")
    if [ -n "$alive" ]; then
        ps -o pid,ppid,pgid,sid,stat,args -p "$(echo $alive | tr ' ' ',')" >&2
        kill -9 $alive 2>/dev/null
        fail "$what still running after the run:$alive"
    fi
    [ "$n" -ge 2 ] || { show_log "$LAST_LOG"; fail "only $n $what were started; the test proves nothing"; }
    note "$n $what started, none left"
}
