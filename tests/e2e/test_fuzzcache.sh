#!/bin/bash
# Go mode's default cache is keyed by the binary's absolute path, as Go keys
# its fuzz cache by import path: two programs with the same base name in two
# directories do not share a cache (issue 14, item 18), and a typed target's
# cache is a directory below its binary's.  -clean_fuzzcache removes the
# files ferret wrote there (and only those), as `go clean -fuzzcache`.
. "$(dirname "$0")/lib.sh"

build_target harmless plain
enter_workdir
mkdir -p proj_a proj_b
cp "$BIN" proj_a/fuzz_parser
cp "$BIN" proj_b/fuzz_parser
cache_a="$XDG_CACHE_HOME/ferret$WORK/proj_a/fuzz_parser"
cache_b="$XDG_CACHE_HOME/ferret$WORK/proj_b/fuzz_parser"

BIN=$WORK/proj_a/fuzz_parser
run_ferret a.log 120 -fuzz -fuzztime=20000x -parallel=1 -seed=1
assert_rc "project a's run" 0
assert_contains a.log "cache $cache_a"
n_a=$(count_files "$cache_a")
[ "$n_a" -ge 2 ] || { show_log a.log; fail "project a's cache $cache_a holds $n_a files, want 2 or more"; }
[ -e "$cache_b" ] && fail "project b has a cache before it ran: $cache_b"

BIN=$WORK/proj_b/fuzz_parser
run_ferret b.log 120 -fuzz -fuzztime=10x -parallel=1 -seed=1
assert_rc "project b's run" 0
assert_contains b.log "cache $cache_b"
assert_contains b.log "corpus 1,"   # its own empty seed, none of a's entries

# Cleaning a: ferret's files go (the entries and the .autodict), a file of
# the user's stays and is named.
n_all=$(ls -A "$cache_a" | wc -l)
echo "my notes" >"$cache_a/notes.txt"
BIN=$WORK/proj_a/fuzz_parser
run_ferret clean.log 60 -clean_fuzzcache
assert_rc "-clean_fuzzcache" 0
assert_contains clean.log "removed $n_all files from $cache_a (1 other file left there)"
[ "$(ls -A "$cache_a")" = notes.txt ] || fail "after -clean_fuzzcache $cache_a holds: $(ls -A "$cache_a")"
[ "$(count_files "$cache_b")" -ge 1 ] || fail "cleaning project a touched project b's cache"

# Cleaned again, the directory goes once it is empty; -cachedir names one.
rm "$cache_a/notes.txt"
run_ferret clean2.log 60 -clean_fuzzcache
assert_rc "-clean_fuzzcache of an empty cache" 0
[ -e "$cache_a" ] && fail "an empty cache directory stayed: $cache_a"
run_ferret clean3.log 60 -clean_fuzzcache -cachedir="$cache_b"
assert_rc "-clean_fuzzcache -cachedir" 0
assert_contains clean3.log "from $cache_b"
[ -e "$cache_b" ] && fail "-cachedir's directory was not cleaned: $cache_b"

# A typed target: <binary path>/<Target>, cleaned with its binary's.
build_target typed plain
BIN_T=$BIN
enter_workdir
mkdir -p t && cp "$BIN_T" t/typed
BIN=$WORK/t/typed
run_ferret typed.log 120 -fuzz=FuzzBool -fuzztime=2000x -parallel=1 -seed=1
assert_contains typed.log "cache $XDG_CACHE_HOME/ferret$WORK/t/typed/FuzzBool"
run_ferret clean4.log 60 -clean_fuzzcache
assert_rc "-clean_fuzzcache of a typed binary" 0
[ -e "$XDG_CACHE_HOME/ferret$WORK/t/typed" ] && fail "the typed binary's cache stayed"
finish
