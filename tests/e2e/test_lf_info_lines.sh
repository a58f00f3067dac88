#!/bin/bash
# libFuzzer mode: the INFO lines ClusterFuzz reads (issue 14 item 7).
#  - "INFO: Loaded 1 modules (N inline 8-bit counters)" once the target's
#    LLVMFuzzerInitialize has returned: a target dying in it prints none, so
#    ClusterFuzz counts a start-up crash;
#  - "INFO: -max_len is not provided; libFuzzer will not generate inputs
#    larger than N bytes" (only without -max_len), ClusterFuzz's max_len stat;
#  - "INFO: seed corpus: files: N min: Nb max: Nb total: Nb rss: NMb", before
#    the seed inputs run (ClusterFuzz's corpus_crash_count needs it), or
#    "INFO: A corpus is not provided, starting from an empty corpus";
#  - "ParseDictionaryFile: error in line N" for a malformed -dict file.
. "$(dirname "$0")/lib.sh"

build_target harmless asan
enter_workdir
mkdir -p corpus
printf 'seed' >corpus/a
printf 'longer seed' >corpus/b

run_ferret fuzz.log 60 -runs=200 -seed=1 corpus
assert_rc "fuzz" 0 fuzz.log
grep -qE '^INFO: Loaded 1 modules +\([0-9]+ inline 8-bit counters\)' fuzz.log ||
    { show_log fuzz.log; fail "no 'INFO: Loaded 1 modules' line"; }
assert_contains fuzz.log "INFO: -max_len is not provided; libFuzzer will not generate inputs larger than 4096 bytes"
grep -qE '^INFO: seed corpus: files: 2 min: 4b max: 11b total: 15b rss: [0-9]+Mb$' fuzz.log ||
    { show_log fuzz.log; fail "no 'INFO: seed corpus:' line for the two seeds"; }
# In libFuzzer's order: Loaded, max_len, seed corpus, INITED.
order=$(grep -nE '^(INFO: Loaded|INFO: -max_len|INFO: seed corpus|#[0-9]+	INITED)' fuzz.log | cut -d: -f2- | cut -c1-15 | tr '\n' '|')
assert_eq "order of the start-up lines" "INFO: Loaded 1 |INFO: -max_len |INFO: seed corp|#" "${order%%#*}#"

# No seed input (an empty corpus directory): libFuzzer's line for that instead.
mkdir -p none
run_ferret none.log 60 -runs=100 -seed=1 none
assert_rc "fuzz from nothing" 0 none.log
assert_contains none.log "INFO: A corpus is not provided, starting from an empty corpus"
assert_not_contains none.log "INFO: seed corpus"

run_ferret maxlen.log 60 -runs=100 -seed=1 -max_len=64 corpus
assert_rc "fuzz with -max_len" 0 maxlen.log
assert_not_contains maxlen.log "-max_len is not provided"

printf '"abc"\na=\n' >bad.dict
run_ferret dict.log 60 -runs=100 -seed=1 -dict=bad.dict corpus
assert_rc "malformed dictionary" 3 dict.log
assert_contains dict.log "ParseDictionaryFile: error in line 2"
assert_contains dict.log "ferret: bad dictionary: bad.dict:2:"
assert_not_contains dict.log "INITED"

# A target dying in LLVMFuzzerInitialize: no "Loaded" line, exit 5.
build_target fault_init_segv asan
run_ferret init.log 60 -runs=100 -seed=1 corpus
assert_rc "start-up crash" 5 init.log
assert_contains init.log "about to crash in LLVMFuzzerInitialize"
assert_not_contains init.log "INFO: Loaded"
assert_not_contains init.log "INFO: seed corpus"
assert_no_procs
finish
