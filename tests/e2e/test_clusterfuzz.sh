#!/bin/bash
# The invocations ClusterFuzz makes of a libFuzzer target, run against a
# ferret-built one: fuzz, merge in two steps with a control file, minimize,
# cleanse, reproduce.  Checks exit codes, the lines ClusterFuzz parses (its
# regular expressions, from clusterfuzz/_internal/bot/fuzzers/libFuzzer/
# stats.py and engine.py) and the files.
. "$(dirname "$0")/lib.sh"

build_target magic asan
enter_workdir
mkdir -p corpus artifacts
printf 'seed' >corpus/seed

# --- fuzz: libFuzzer flags, a corpus directory, an artifact prefix.
run_ferret fuzz.log 120 -timeout=25 -rss_limit_mb=2560 -max_len=64 -seed=1 -runs=2000000 \
    -print_final_stats=1 -artifact_prefix="$WORK/artifacts/" -use_value_profile=0 \
    -some_future_flag=3 corpus
assert_rc "fuzz: a crash exits with libFuzzer's crash code (-error_exitcode)" 77
assert_contains fuzz.log "WARNING: unrecognized flag '-some_future_flag=3'"
assert_contains fuzz.log "INFO: Seed: 1"
# LIBFUZZER_MODULES_LOADED_REGEX (edges_total; no such line = a start-up crash)
grep -qE '^INFO:\s+Loaded\s+[0-9]+\s+(modules|PC tables)\s+\(([0-9]+)\s+.*\).*' fuzz.log ||
    { show_log fuzz.log; fail "no 'INFO: Loaded 1 modules' line"; }
# LIBFUZZER_LOG_SEED_CORPUS_INFO_REGEX (corpus_crash_count)
grep -qE '^INFO:\s+seed corpus:\s+files:\s+1 .*rss:\s+[0-9]+Mb.*' fuzz.log ||
    { show_log fuzz.log; fail "no 'INFO: seed corpus:' line"; }
assert_not_contains fuzz.log "-max_len is not provided" # -max_len=64 was given
grep -qE '^#[0-9]+	INITED cov: [0-9]+ ft: [0-9]+ corp: [0-9]+/[0-9]+b lim: [0-9]+ exec/s: [0-9]+ rss: [0-9]+Mb' fuzz.log ||
    { show_log fuzz.log; fail "no libFuzzer INITED line"; }
grep -qE '^#[0-9]+	NEW    cov: [0-9]+ ft: [0-9]+ corp: [0-9]+/[0-9]+b lim: [0-9]+ exec/s: [0-9]+ rss: [0-9]+Mb L: [0-9]+/[0-9]+' fuzz.log ||
    { show_log fuzz.log; fail "no libFuzzer NEW line"; }
assert_contains fuzz.log "ERROR: AddressSanitizer: SEGV"
crash=$(ls artifacts/crash-* 2>/dev/null | head -n 1)
[ -n "$crash" ] || { show_log fuzz.log; fail "no crash- artifact in artifacts/"; }
[ "$(basename "$crash")" = "crash-$(sha1sum <"$crash" | cut -d' ' -f1)" ] || fail "artifact not named crash-<sha1>"
assert_contains fuzz.log "artifact_prefix='$WORK/artifacts/'; Test unit written to $WORK/artifacts/$(basename "$crash")"
assert_contains fuzz.log "Base64: "
for stat in number_of_executed_units average_exec_per_sec new_units_added slowest_unit_time_sec peak_rss_mb; do
    grep -qE "^stat::$stat: +[0-9]+$" fuzz.log || { show_log fuzz.log; fail "no stat::$stat line"; }
done
[ "$(count_files corpus)" -gt 1 ] || fail "no new units in the corpus directory"
assert_no_procs

# --- reproduce: -runs=100 on the testcase: crashes, names it.
{ timeout 60 "$BIN" -timeout=25 -rss_limit_mb=2560 -runs=100 "$crash" >repro.log 2>&1; RC=$?; } 2>/dev/null
[ "$RC" != 0 ] || { show_log repro.log; fail "reproduce: the crash did not reproduce"; }
assert_contains repro.log "Running: $crash"
assert_contains repro.log "ERROR: AddressSanitizer: SEGV"
printf 'FUNNY' >benign
{ timeout 60 "$BIN" -timeout=25 -runs=100 benign >ok.log 2>&1; RC=$?; } 2>/dev/null
assert_rc "reproduce: a benign input runs 100 times and exits 0" 0 ok.log
assert_contains ok.log "Executed benign in"

# --- reproduce each way an input ends, as ClusterFuzz's reproduce and
# regression tasks run it, and the lines its parser keys on
# (clusterfuzz/stacktraces/constants.py): the error line before the stack,
# libFuzzer's exit codes.
magic_bin=$BIN
build_target lf_ends asan
printf 'H' >r-hang; printf 'M' >r-oom; printf 'E0' >r-exit; printf 'S' >r-segv
{ timeout 60 "$BIN" -timeout=2 -rss_limit_mb=2560 -runs=100 r-hang >r-hang.log 2>&1; RC=$?; } 2>/dev/null
assert_rc "reproduce a timeout: -timeout_exitcode" 70 r-hang.log
grep -qE '^==[0-9]+== ERROR: libFuzzer: timeout after 2 seconds$' r-hang.log || { show_log r-hang.log; fail "no 'ERROR: libFuzzer: timeout' line"; }
{ timeout 60 "$BIN" -timeout=25 -rss_limit_mb=2560 -runs=100 r-oom >r-oom.log 2>&1; RC=$?; } 2>/dev/null
assert_rc "reproduce an out-of-memory" 71 r-oom.log
assert_contains r-oom.log "ERROR: libFuzzer: out-of-memory (malloc(3221225472))"
{ timeout 60 "$BIN" -timeout=25 -rss_limit_mb=2560 -runs=100 r-exit >r-exit.log 2>&1; RC=$?; } 2>/dev/null
assert_rc "reproduce exit(0) from the target: -error_exitcode" 77 r-exit.log
assert_contains r-exit.log "ERROR: libFuzzer: fuzz target exited"
{ timeout 60 "$BIN" -timeout=25 -rss_limit_mb=2560 -runs=100 r-segv >r-segv.log 2>&1; RC=$?; } 2>/dev/null
assert_ne "reproduce a SEGV" 0 "$RC"
assert_contains r-segv.log "ERROR: AddressSanitizer: SEGV"
for log in r-hang.log r-oom.log r-exit.log r-segv.log; do
    ! grep -E '^    #[0-9]+ 0x[0-9a-f]+ in [^ ]+ '"$ROOT"'/src/' "$log" | grep -vqE ' in (fuzzer::|main )' ||
        { show_log "$log"; fail "$log: a ferret frame would enter ClusterFuzz's crash state"; }
done
# Fuzzing, a target that _exit(1)s (ClusterFuzz's exit_fuzzer): the run
# ends with 1 and names no testcase, so ClusterFuzz logs an engine error
# and keeps an empty testcase, as with libFuzzer.
mkdir -p xc xa; printf 'X1' >xc/x
run_ferret x.log 60 -timeout=25 -rss_limit_mb=2560 -runs=100 -artifact_prefix="$WORK/xa/" xc
assert_rc "fuzzing, _exit(1): its status" 1 x.log
assert_not_contains x.log "Test unit written to"
assert_file_count xa 0
BIN=$magic_bin

# --- minimize: a padded crash goes down to 4 bytes.
{ printf 'FUZZ'; head -c 60 /dev/zero | tr '\0' 'x'; } >big-crash
run_ferret min.log 120 -timeout=25 -rss_limit_mb=2560 -minimize_crash=1 -runs=10000 \
    -exact_artifact_path="$WORK/minimized" big-crash
assert_rc "minimize" 0
[ -f minimized ] || { show_log min.log; fail "no minimized file"; }
assert_eq "minimized crash" "FUZZ" "$(cat minimized)"

# --- cleanse, as ClusterFuzz's cleanse task: the padding becomes spaces.
mkdir -p cleanse-work
run_ferret cleanse.log 120 -timeout=25 -rss_limit_mb=2560 -cleanse_crash=1 \
    -exact_artifact_path="$WORK/cleansed" -artifact_prefix="$WORK/cleanse-work/" big-crash
assert_rc "cleanse" 0 cleanse.log
assert_eq "cleansed crash" "FUZZ$(printf '%60s' '')" "$(cat cleansed)"
run_ferret min2.log 60 -minimize_crash=1 -runs=100 -exact_artifact_path="$WORK/m2" benign
assert_ne "minimizing a non-crashing input" 0 "$RC"
assert_contains min2.log "did not crash"

# --- merge, two steps with a control file: the first step is killed
# part-way (SIGKILL); the second resumes from the control file.
build_target slow_levels asan
mkdir -p new merged merged_ref
for i in $(seq 1 1200); do printf 'input-%d' "$i" >new/i$i; done
printf 'F___' >new/f1; printf 'FU__' >new/f2; printf 'FUZ_' >new/f3; printf 'FUZZ' >new/crashes
{ timeout -s KILL 1.5 "$BIN" -merge=1 -merge_control_file="$WORK/cf" -timeout=25 merged corpus new >step1.log 2>&1; } 2>/dev/null
[ -f cf ] || fail "step 1 left no control file"
run_ferret step2.log 120 -merge=1 -merge_control_file="$WORK/cf" -timeout=25 merged corpus new
assert_rc "merge step 2" 0
assert_contains step2.log "MERGE-OUTER: resuming from $WORK/cf"
assert_contains step2.log "MERGE-OUTER: "
cat step1.log step2.log >steps.log
assert_contains steps.log "MERGE-INNER: skipping new/crashes"
run_ferret ref.log 120 -merge=1 -timeout=25 merged_ref corpus new
assert_rc "reference merge" 0
a=$(cd merged && ls | sort | tr '\n' ' ')
b=$(cd merged_ref && ls | sort | tr '\n' ' ')
assert_eq "a resumed merge keeps the same files as an uninterrupted one" "$b" "$a"
# Four coverage levels exist (first byte not F; F; FU; FUZ): each kept once.
n=$(count_files merged)
[ "$n" -ge 4 ] && [ "$n" -lt 20 ] || { ls merged >&2; fail "the merge kept $n files: expected one per coverage level"; }
[ -f merged/"$(sha1sum <new/crashes | cut -d' ' -f1)" ] && fail "the merge kept the crashing input"

# --- ClusterFuzz's own two-step merge (engine.py, _minimize_corpus_two_step).
# It runs only if the binary holds libFuzzer's const-input message; step 1
# merges the old corpus into an empty directory, step 2 old + new with the
# same control file; new_edges / new_features are step 2's MERGE-OUTER
# figures minus step 1's (LIBFUZZER_MERGE_LOG_STATS_REGEX).  A crashing new
# input is written under -artifact_prefix as crash-<sha1>.
grep -qa 'fuzz target overwrites its const input' "$BIN" ||
    fail "the binary lacks the string ClusterFuzz looks for before a two-step merge"
mkdir -p old new2 out2 mart
printf 'xyz' >old/a
cp new/f1 new/f2 new/f3 new/crashes new/i1 new/i2 new2/
merge_figures() { # LOG -> "features edges" from ClusterFuzz's regular expression
    grep -E 'MERGE-OUTER:\s+[0-9]+\s+new files with\s+[0-9]+\s+new features added;\s+[0-9]+\s+new coverage edges' "$1" |
        tail -n 1 | sed -E 's/.* with +([0-9]+) +new features added; +([0-9]+) +new coverage edges.*/\1 \2/'
}
run_ferret two1.log 120 -merge=1 -merge_control_file="$WORK/mcf" -artifact_prefix="$WORK/mart/" -timeout=25 out2 old
assert_rc "two-step merge, step 1" 0 two1.log
rm -rf out2 && mkdir out2
run_ferret two2.log 120 -merge=1 -merge_control_file="$WORK/mcf" -artifact_prefix="$WORK/mart/" -timeout=25 out2 old new2
assert_rc "two-step merge, step 2" 0 two2.log
read -r f1 e1 <<<"$(merge_figures two1.log)"
read -r f2 e2 <<<"$(merge_figures two2.log)"
[ -n "$e1" ] && [ -n "$e2" ] || { show_log two2.log; fail "no MERGE-OUTER line ClusterFuzz can read"; }
[ "$e1" -gt 0 ] && [ "$e2" -gt "$e1" ] && [ "$f2" -gt "$f1" ] ||
    { show_log two2.log; fail "two-step merge: new_edges $((e2 - e1)), new_features $((f2 - f1)): expected > 0"; }
[ -f "mart/crash-$(sha1sum <new/crashes | cut -d' ' -f1)" ] || { ls mart >&2; fail "no crash- artifact for the crashing input"; }
assert_no_procs
finish
