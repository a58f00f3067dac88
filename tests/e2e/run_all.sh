#!/bin/bash
# tests/e2e/run_all.sh - runs ferret's end-to-end tests.
#
#   bash tests/e2e/run_all.sh [NAME...]
#
# Runs every tests/e2e/test_*.sh (or only those whose name contains one of
# the NAMEs), each in its own bash process with a time limit
# (E2E_TIMEOUT, default 120 s), prints PASS/FAIL per test (with the test's
# output when it fails) and ends with "e2e: N passed, N failed".  Exit 1 if
# any test failed.  Works from any directory; needs build/libferret.a
# (`make e2e` builds it first).
set -u

E2E=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$E2E/../.." && pwd)
LIMIT=${E2E_TIMEOUT:-120}

if [ ! -f "$ROOT/build/libferret.a" ]; then
    echo "e2e: $ROOT/build/libferret.a is missing; run make first" >&2
    echo "e2e: 0 passed, 1 failed"
    exit 1
fi

# Processes still running a binary built by the tests.
leftovers() {
    find /proc -mindepth 2 -maxdepth 2 -name exe -lname "$ROOT/build/e2e/*" 2>/dev/null | cut -d/ -f3
}

logs=$(mktemp -d "${TMPDIR:-/tmp}/ferret-e2e-logs.XXXXXX") || exit 1
trap 'rm -rf "$logs"' EXIT

passed=0
failed=0
suite_start=$(date +%s)
for t in "$E2E"/test_*.sh; do
    [ -f "$t" ] || continue
    name=$(basename "$t" .sh)
    if [ $# -gt 0 ]; then
        want=
        for pat in "$@"; do
            [[ "$name" == *"$pat"* ]] && want=1
        done
        [ -n "$want" ] || continue
    fi
    log="$logs/$name.log"
    start=$(date +%s)
    (cd "$ROOT" && exec timeout -k 10 "$LIMIT" bash "$t") >"$log" 2>&1 </dev/null
    rc=$?
    took=$(($(date +%s) - start))
    why=
    if [ "$rc" = 124 ] || [ "$rc" = 137 ]; then
        why=" (timed out after ${LIMIT}s)"
        rc=1
    fi
    # (A process still on its way out gets up to 2 s.)
    for i in 1 2 3 4 5 6 7 8 9 10; do
        left=$(leftovers)
        [ -z "$left" ] && break
        sleep 0.2
    done
    if [ -n "$left" ]; then
        echo "left running after $name: $(echo $left)" >>"$log"
        for p in $left; do
            echo "  $p: $(readlink "/proc/$p/exe" 2>/dev/null) $(tr '\0' ' ' 2>/dev/null <"/proc/$p/cmdline")" >>"$log"
        done
        for p in $left; do kill -9 "$p" 2>/dev/null; done
        why="$why (left processes running)"
        rc=1
    fi
    if [ "$rc" = 0 ]; then
        passed=$((passed + 1))
        printf 'PASS %-28s %4ss\n' "$name" "$took"
    else
        failed=$((failed + 1))
        printf 'FAIL %-28s %4ss%s\n' "$name" "$took" "$why"
        sed 's/^/    | /' "$log"
    fi
done
echo "e2e: total time $(($(date +%s) - suite_start))s" >&2
echo "e2e: $passed passed, $failed failed"
[ "$failed" = 0 ]
