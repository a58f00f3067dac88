#!/bin/bash
# The live status screen (issue 16, item 3), in a real terminal: tmux runs
# the fuzzer in a 100x40 pane and capture-pane shows what a person sees.
# While fuzzing: the screen (run time, last new input, exec/s total and now,
# corpus, coverage, stability, findings by kind, minimization queue, a row
# per worker with its state, restarts, RSS and exec/s).  After Ctrl-C or a
# finding: the normal screen again, the last summary, then every line held
# back (the crash report, the re-run command).  -tui=0 and a stderr that is
# not a terminal keep the progress lines, with no escape sequence.
. "$(dirname "$0")/lib.sh"

for pkg in tmux:tmux python3:python3-minimal rsvg-convert:librsvg2-bin; do
    command -v "${pkg%%:*}" >/dev/null && continue
    [ -n "$(find /var/lib/apt/lists -name '*Packages*' 2>/dev/null | head -1)" ] || apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${pkg#*:}" >/dev/null 2>&1 ||
        fail "${pkg%%:*} is missing and ${pkg#*:} could not be installed"
done
SOCK=""
tm() { tmux -S "$SOCK" "$@"; }
cleanup_tmux() { [ -n "$SOCK" ] && tmux -S "$SOCK" kill-server 2>/dev/null; }

# pane_until PATTERN SECS: waits until the pane (with its history) matches.
pane_until() {
    local i
    for i in $(seq 1 $(($2 * 10))); do
        tm capture-pane -p -S -300 -t t >pane.txt 2>/dev/null
        grep -qE "$1" pane.txt && return 0
        sleep 0.1
    done
    cat pane.txt >&2
    fail "the terminal never showed /$1/ within $2 s"
}

# run_in_tmux CMD: a fresh server and a 100x40 pane running CMD, then
# "EXIT=<status>" once it ends.
NSESS=0
run_in_tmux() {
    cleanup_tmux
    NSESS=$((NSESS + 1))
    SOCK="$WORK/tmux.$NSESS.sock"   # a fresh server each time (the old one may still be going)
    tm new-session -d -s t -x 100 -y 40 "cd '$WORK' && TERM=xterm-256color $1; echo EXIT=\$?; sleep 600" ||
        fail "tmux cannot start"
}

build_target harmless plain
enter_workdir
trap 'cleanup_tmux; _cleanup_workdir' EXIT
run_in_tmux "'$BIN' -fuzz -parallel=2 -seed=7 -cachedir=cache"
pane_until "exec/s now" 30
sleep 1.5   # one more redraw: the rates are over a second
tm capture-pane -p -t t >screen.txt
for want in "ferret  harmless  seed 7  2 workers  fuzzing" "run time" "last new input" \
            "executions" "exec/s now" "over the run" "corpus          [0-9]+ entries" \
            "coverage        [0-9]+ edges, [0-9]+ features, stability" \
            "findings        0 crash, 0 timeout, 0 oom, 0 leak, 0 failure" "minimizing      [0-9]+ queued" \
            "worker  state     restarts       rss   exec/s" "^  0       (busy|idle|starting) " \
            "^  1       (busy|idle|starting) " "recent output:" "Ctrl-C stops"; do
    grep -qE "$want" screen.txt || { cat screen.txt >&2; fail "the screen lacks /$want/"; }
done
grep -q "fuzz: elapsed:.*execs:" screen.txt && fail "a progress line is on the screen"
# The screen as a picture (docs/status-screen.png under `make docs`).
"$ROOT/tools/pane2svg" screen.txt screen.svg "ferret -fuzz -parallel=2 -seed=7" || fail "pane2svg failed"
rsvg-convert -o screen.png screen.svg && [ -s screen.png ] || fail "rsvg-convert cannot render screen.svg"
docs_copy screen.png status-screen.png
tm send-keys -t t C-c
pane_until "^EXIT=" 30
grep -q "^EXIT=0" pane.txt || { cat pane.txt >&2; fail "Ctrl-C: exit status not 0"; }
grep -q "ferret  harmless  seed 7  2 workers" pane.txt || fail "the last summary is not left on the screen"
grep -q "fuzz: interrupted by INT, stopping" pane.txt || { cat pane.txt >&2; fail "a line held back was lost"; }

# A finding: the report and the re-run command come out after the screen.
build_target magic asan
run_in_tmux "'$BIN' -fuzz -parallel=1 -seed=1 -cachedir=cache2 -fuzzminimizetime=200x"
pane_until "^EXIT=" 60
grep -q "^EXIT=1" pane.txt || { cat pane.txt >&2; fail "a finding under the screen: exit status not 1"; }
for want in "findings        1 crash" "--- FAIL: magic" "ERROR: AddressSanitizer: SEGV" "To re-run:"; do
    grep -qF -- "$want" pane.txt || { cat pane.txt >&2; fail "after a finding the terminal lacks '$want'"; }
done

# -tui=0 in a terminal: the progress lines.
build_target harmless plain
run_in_tmux "'$BIN' -fuzz -tui=0 -parallel=1 -seed=1 -cachedir=cache3 -fuzztime=4000000x"
pane_until "^EXIT=" 60
grep -q "fuzz: elapsed: .*execs:" pane.txt || { cat pane.txt >&2; fail "-tui=0: no progress line"; }
grep -q "exec/s now" pane.txt && fail "-tui=0: the screen was drawn"

# Not a terminal: no escape sequence at all.
cleanup_tmux
sleep 0.5
run_ferret plain.log 60 -fuzz -parallel=1 -seed=1 -cachedir=cache4 -fuzztime=20000x
assert_rc "stderr not a terminal" 0
grep -q $'\033' plain.log && fail "escape sequences written to a file"
assert_no_procs
finish
