#!/bin/bash
# Progress on long operations (issue 16, item 7): the baseline run, a merge
# and minimizing a crash show done/total, the rate and an ETA, at most one
# line every 3 s; on a terminal (run under script(1)) the line is redrawn
# in place (\r ... ESC[K) and its last state left as a normal line; without
# one, plain lines and no \r.  The target sleeps $PROGRESS_US per input so
# each operation lasts several seconds.  The 3 s spacing is read from the
# elapsed time each line prints, not from the test's clock.
. "$(dirname "$0")/lib.sh"

build_target progress_slow asan
enter_workdir
mkdir -p corpus seed
for i in $(seq 1 150); do printf 'input-%d' "$i" >corpus/i$i; done
printf 'P' >corpus/p1; printf 'PR' >corpus/p2; printf 'PRO' >corpus/p3

# spaced WHAT FILE: the elapsed seconds (one per line, in FILE) never come
# less than 3 apart, and there are at least two.
spaced() {
    local what=$1 file=$2 prev="" n=0 s
    while read -r s; do
        n=$((n + 1))
        if [ -n "$prev" ] && [ $((s - prev)) -lt 3 ]; then
            cat "$file" >&2; fail "$what: two progress lines ${prev}s and ${s}s: less than 3 s apart"
        fi
        prev=$s
    done <"$file"
    [ "$n" -ge 2 ] || { cat "$file" >&2; fail "$what: $n progress line(s), expected at least 2"; }
}

# --- Go mode, the baseline, not a terminal: ~6 s for 153 inputs at 40 ms.
export PROGRESS_US=40000
run_ferret base.log 120 -fuzz -tui=0 -parallel=1 -fuzztime=1x -seed=1 -cachedir=cache corpus
assert_rc "Go mode, fuzzing after the baseline" 0 base.log
grep -qE '^fuzz: elapsed: [0-9]+s, gathering baseline coverage: [0-9]+/153 completed \([0-9.]+/s\), ETA [0-9hms]+$' base.log ||
    { show_log base.log; fail "no baseline line with done/total, rate and ETA"; }
assert_contains base.log "fuzz: elapsed: 0s, gathering baseline coverage: 0/153 completed"
grep -qE '^fuzz: elapsed: [0-9]+s, gathering baseline coverage: 153/153 completed, now fuzzing with 1 workers$' base.log ||
    { show_log base.log; fail "the baseline's last line changed"; }
grep -E 'gathering baseline coverage: [0-9]+/153 completed( |$)' base.log |
    sed -E 's/^fuzz: elapsed: ([0-9]+)s,.*/\1/' >base.secs
spaced "baseline" base.secs
grep -q $'\r' base.log && fail "not a terminal, but a \\r in the output"

# --- libFuzzer's -merge=1, not a terminal: 2 workers, ~9 s for 453 inputs.
mkdir -p merged more
for i in $(seq 151 450); do printf 'input-%d' "$i" >more/i$i; done
run_ferret merge.log 120 -merge=1 -seed=1 merged corpus more
assert_rc "merge" 0 merge.log
grep -qE '^INFO: ferret: merge: [0-9]+/453 inputs, [0-9]+s, [0-9.]+/s, ETA [0-9hms]+$' merge.log ||
    { show_log merge.log; fail "no merge line with done/total, rate and ETA"; }
grep -qE '^INFO: ferret: merge: 453/453 inputs in [0-9]+s, [0-9.]+/s, done$' merge.log ||
    { show_log merge.log; fail "no final merge line"; }
grep -qE '^MERGE-OUTER: [0-9]+ new files with [0-9]+ new features added; [0-9]+ new coverage edges' merge.log ||
    { show_log merge.log; fail "the MERGE-OUTER line ClusterFuzz reads is gone"; }
grep -E '^INFO: ferret: merge: [0-9]+/453 inputs, ' merge.log | sed -E 's/.* inputs, ([0-9]+)s, .*/\1/' >merge.secs
spaced "merge" merge.secs
# No progress line matches what ClusterFuzz's libFuzzer parsers look for.
grep 'INFO: ferret: ' merge.log | grep -E '#[0-9]+.*cov:|MERGE.*new files with|INFO:\s+seed corpus:\s+files:|^INFO:\s+Loaded|Done\s+[0-9]+\s+runs' &&
    fail "a progress line looks like a line ClusterFuzz parses"
grep -q $'\r' merge.log && fail "merge, not a terminal: a \\r in the output"
# "INFO: Loaded" still comes before any progress line, as in libFuzzer.
first=$(grep -nE '^INFO: (Loaded|ferret: merge:)' merge.log | head -n 1)
case "$first" in *"INFO: Loaded"*) ;; *) show_log merge.log; fail "a progress line before INFO: Loaded" ;; esac

# --- libFuzzer's -minimize_crash=1 with a count budget: tries of -runs, an ETA.
{ head -c 1500 /dev/zero | tr '\0' 'a'; printf '\377'; head -c 500 /dev/zero | tr '\0' 'b'; } >big
export PROGRESS_US=150000
run_ferret min.log 120 -minimize_crash=1 -runs=400 -seed=1 -exact_artifact_path="$WORK/min" big
assert_rc "minimize_crash" 0 min.log
grep -qE '^INFO: ferret: minimizing the crash: 2001 -> [0-9]+ bytes, [0-9]+/400 tries, [0-9]+s, [0-9.]+/s, budget ETA [0-9hms]+$' min.log ||
    { show_log min.log; fail "no minimizing line with size, tries of the budget and ETA"; }
grep -qE '^INFO: ferret: minimized the crash: 2001 -> 1 bytes, [0-9]+ tries in [0-9]+s, [0-9.]+/s, done$' min.log ||
    { show_log min.log; fail "no final minimized line"; }
assert_eq "minimized" 1 "$(stat -c %s min)"

# --- Go mode, a crash found by fuzzing, minimized within a time budget:
# the total is not known, so counts and rate, what is left of the budget,
# and no ETA (how small it gets within 8 s depends on the machine's load).
head -c 2000 /dev/zero | tr '\0' 'a' >seed/long
# (A crash found from a short input minimizes in under 3 s, which shows no
# progress line at all; this run is about the lines, so only an input of
# 1000 bytes or more crashes here: a mutant of the long seed.)
export PROGRESS_US=100000 PROGRESS_CRASH_MIN=1000
run_ferret gomin.log 120 -fuzz -tui=0 -parallel=1 -seed=1 -fuzzminimizetime=8s -cachedir=cache2 seed
unset PROGRESS_CRASH_MIN
assert_rc "Go mode, a crash" 1 gomin.log
grep -qE '^fuzz: elapsed: [0-9]+s, minimizing the crash: [0-9]{4} -> [0-9]+ bytes, [0-9]+ tries \([0-9.]+/s\), [0-9]+s of the time budget left$' gomin.log ||
    { show_log gomin.log; fail "no minimizing line with tries, rate and the time budget left"; }
grep 'minimizing the crash' gomin.log | grep -q ETA && fail "an ETA for a minimization with no known total"
grep -qE '^fuzz: elapsed: [0-9]+s, minimized the crash: [0-9]{4} -> [0-9]+ bytes, [0-9]+ tries in [0-9]+s \([0-9.]+/s\)$' gomin.log ||
    { show_log gomin.log; fail "no final minimized line"; }
grep -E 'minimizing the crash' gomin.log | sed -E 's/^fuzz: elapsed: ([0-9]+)s,.*/\1/' >gomin.secs
[ "$(wc -l <gomin.secs)" -lt 2 ] || spaced "Go minimizing" gomin.secs
assert_contains gomin.log "--- FAIL: progress_slow"
rm -rf testdata

# --- On a terminal (script(1) gives the run a pty): the baseline line is
# redrawn in place: several states on one line, each \r ... ESC[K, and the
# last one (now fuzzing) left as a normal line.
export PROGRESS_US=40000
command -v script >/dev/null || fail "script(1) (util-linux) is missing"
{ timeout -k 5 120 script -qec "'$BIN' -fuzz -tui=0 -parallel=1 -fuzztime=1x -seed=1 -cachedir=cache3 corpus" /dev/null >tty.log 2>&1; RC=$?; } </dev/null
assert_rc "on a terminal" 0 tty.log
inplace=$(awk '{ n = gsub(/gathering baseline coverage: [0-9]+\/153 completed/, "&"); if (n > m) m = n } END { print m + 0 }' tty.log)
[ "$inplace" -ge 2 ] || { cat -A tty.log | head -20 >&2; fail "on a terminal: $inplace baseline state(s) on one line, expected the line redrawn in place"; }
grep -q $'\r''fuzz: elapsed: [0-9]*s, gathering baseline coverage: [0-9]*/153 completed ([0-9.]*/s), ETA [0-9]*s'$'\033''\[K' tty.log ||
    { cat -A tty.log | head -20 >&2; fail "on a terminal: no \\r ... ESC[K redraw"; }
grep -q 'gathering baseline coverage: 153/153 completed, now fuzzing with 1 workers' tty.log ||
    { cat -A tty.log | head -20 >&2; fail "on a terminal: the last state is not left"; }

# --- What a person sees (tmux, a 120x40 pane): the redrawn states are
# gone, only the last baseline line (now fuzzing) stays on the screen.
if ! command -v tmux >/dev/null; then
    [ -n "$(find /var/lib/apt/lists -name '*Packages*' 2>/dev/null | head -1)" ] || apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tmux >/dev/null 2>&1 ||
        fail "tmux is missing and could not be installed"
fi
SOCK="$WORK/tmux.sock"
trap 'tmux -S "$SOCK" kill-server 2>/dev/null; _cleanup_workdir' EXIT
tmux -S "$SOCK" new-session -d -s t -x 120 -y 40 \
    "cd '$WORK' && PROGRESS_US=40000 TERM=xterm-256color '$BIN' -fuzz -tui=0 -parallel=1 -fuzztime=1x -seed=1 -cachedir=cache4 corpus; echo EXIT=\$?; sleep 600" ||
    fail "tmux cannot start"
for i in $(seq 1 600); do
    tmux -S "$SOCK" capture-pane -p -S -100 -t t >pane.txt 2>/dev/null
    grep -q '^EXIT=' pane.txt && break
    [ $((i % 30)) = 15 ] && grep -q 'gathering baseline coverage: [1-9][0-9]*/153 completed' pane.txt && cp pane.txt mid.txt
    sleep 0.1
done
grep -q '^EXIT=0' pane.txt || { cat pane.txt >&2; fail "tmux: the run did not end with status 0"; }
[ -f mid.txt ] && [ "$(grep -c 'gathering baseline coverage' mid.txt)" = 1 ] ||
    { cat mid.txt pane.txt >&2 2>/dev/null; fail "tmux: while it ran, not one baseline line redrawn in place"; }
assert_eq "tmux: baseline lines left on the screen" 1 "$(grep -c 'gathering baseline coverage' pane.txt)"
grep -q 'gathering baseline coverage: 153/153 completed, now fuzzing with 1 workers' pane.txt ||
    { cat pane.txt >&2; fail "tmux: the last state is not on the screen"; }
tmux -S "$SOCK" kill-server 2>/dev/null
assert_no_procs
finish
