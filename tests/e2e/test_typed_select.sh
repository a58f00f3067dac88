#!/bin/bash
# Selection as in go test, on a binary of four typed targets:
#  - -fuzz matching no target, or two, is an error naming the targets (exit 2);
#    bare -fuzz with several targets too;
#  - without flags every target's seeds (code and testdata) are replayed: ok;
#  - a corpus file as Go's fuzzer writes it ([]byte, int64) is read in, and its
#    failure printed as --- FAIL: Target/entry (exit 1), the replay going on;
#  - -run=Target/entry replays that one entry; -run=Target all of its;
#  - a malformed file is an error naming the path, the line and what was
#    expected (exit 3); a file with the wrong types names them.
. "$(dirname "$0")/lib.sh"

build_target typed plain
enter_workdir

run_ferret none.log 30 -fuzz=Nope -fuzztime=10x
assert_rc "-fuzz matching nothing" 2
assert_contains none.log "ferret: -fuzz=Nope matches no fuzz target; the targets are: FuzzBool, FuzzBoom, FuzzBoth, FuzzSkip"
run_ferret two.log 30 -fuzz=FuzzBo -fuzztime=10x
assert_rc "-fuzz matching three" 2
assert_contains two.log "ferret: -fuzz=FuzzBo matches more than one fuzz target: FuzzBool, FuzzBoom, FuzzBoth; pass -fuzz=NAME"
run_ferret two2.log 30 -fuzz='FuzzBo(ol|th)' -fuzztime=10x
assert_rc "-fuzz matching two" 2
assert_contains two2.log "matches more than one fuzz target: FuzzBool, FuzzBoth"
run_ferret bare.log 30 -fuzz -fuzztime=10x
assert_rc "bare -fuzz with four targets" 2
assert_contains bare.log "this binary has 4 fuzz targets (FuzzBool, FuzzBoom, FuzzBoth, FuzzSkip): pass -fuzz=NAME"
run_ferret one.log 60 -fuzz='o+l$' -fuzztime=5x -seed=1 -parallel=1 -cachedir=cache
# (comparison feedback may find FuzzBool's (true, 7) within these 5 executions)
[ "$RC" = 0 ] || [ "$RC" = 1 ] || { show_log one.log; fail "-fuzz matching one: exit code $RC"; }
assert_contains one.log "fuzz: target FuzzBool,"
rm -rf testdata

# A crash (abort) in a typed target: the input is rebuilt from the dead
# worker's published state, minimized by type across worker restarts, and
# written in Go's encoding.
run_ferret boom.log 120 -fuzz=FuzzBoom -fuzztime=2000000x -parallel=2 -seed=3 -cachedir=cache
assert_rc "-fuzz=FuzzBoom" 1
assert_contains boom.log "fuzzing process terminated unexpectedly"
f=$(ls testdata/fuzz/FuzzBoom/)
assert_eq "FuzzBoom crasher" "$(printf 'go test fuzz v1\nstring("boom")')" "$(cat "testdata/fuzz/FuzzBoom/$f")"
rm -rf testdata

# Replay: code seeds only.
run_ferret replay.log 30
assert_rc "replay of the code seeds" 0
assert_contains replay.log "ok  FuzzBool: 1 input passed"
assert_contains replay.log "ok  FuzzBoom: 0 inputs passed"
assert_contains replay.log "ok  FuzzBoth: 2 inputs passed"
assert_contains replay.log "ok  FuzzSkip: 1 input passed" # ferret_skip: not a failure

# A file as Go writes it, for a func(t *testing.T, b []byte, n int64).
mkdir -p testdata/fuzz/FuzzBoth
printf 'go test fuzz v1\n[]byte("KEY\\x00\\xff")\nint64(5000)\n' >testdata/fuzz/FuzzBoth/582528ddfad69eb5
printf 'go test fuzz v1\n[]byte("KEY")\nint64(-5000)\n' >testdata/fuzz/FuzzBoth/passes
run_ferret gofile.log 30
assert_rc "replay with a failing Go corpus file" 1
assert_contains gofile.log "--- FAIL: FuzzBoth/582528ddfad69eb5"
assert_contains gofile.log "    typed.c:24: got 5 bytes and 5000"
assert_contains gofile.log "    typed.c:26: KEY with 5000: too big"
assert_contains gofile.log "--- FAIL: FuzzBoth: 1 of 4 inputs failed"
assert_contains gofile.log "ok  FuzzBool: 1 input passed"
[ "$(tail -n 1 gofile.log)" = FAIL ] || { show_log gofile.log; fail "the last line is not FAIL"; }

run_ferret one_entry.log 30 -run=FuzzBoth/passes
assert_rc "-run=FuzzBoth/passes" 0
assert_contains one_entry.log "ok  FuzzBoth: 1 input passed"
assert_not_contains one_entry.log "FuzzBool"
run_ferret one_fail.log 30 -run=FuzzBoth/582528
assert_rc "-run=FuzzBoth/582528" 1
assert_contains one_fail.log "--- FAIL: FuzzBoth/582528ddfad69eb5"
assert_contains one_fail.log "--- FAIL: FuzzBoth: 1 of 1 inputs failed"
run_ferret seeds.log 30 -run='FuzzBoth/seed#1'
assert_rc "-run=FuzzBoth/seed#1" 0
assert_contains seeds.log "ok  FuzzBoth: 1 input passed"
run_ferret target.log 30 -run=FuzzBool
assert_rc "-run=FuzzBool" 0
assert_contains target.log "ok  FuzzBool: 1 input passed"
assert_not_contains target.log "FuzzBoth"

# Malformed files: path, line, what was expected.
rm testdata/fuzz/FuzzBoth/582528ddfad69eb5
printf 'go test fuzz v1\n[]byte("KEY")\nint64(12\n' >testdata/fuzz/FuzzBoth/broken
run_ferret broken.log 30
assert_rc "malformed corpus file" 3
assert_contains broken.log "ferret: testdata/fuzz/FuzzBoth/broken: line 3:"
assert_eq "one line names it" 1 "$(grep -c 'testdata/fuzz/FuzzBoth/broken' broken.log)"
printf 'go test fuzz v1\nstring("KEY")\nint64(12)\n' >testdata/fuzz/FuzzBoth/broken
run_ferret types.log 30
assert_rc "wrong types" 3
assert_contains types.log "ferret: testdata/fuzz/FuzzBoth/broken: value 1 is string, the target takes []byte"
printf 'go test fuzz v1\n[]byte("KEY")\n' >testdata/fuzz/FuzzBoth/broken
run_ferret arity.log 30
assert_rc "wrong arity" 3
assert_contains arity.log "ferret: testdata/fuzz/FuzzBoth/broken: has 1 value, the target takes 2"
run_ferret fuzzbroken.log 30 -fuzz=FuzzBoth -fuzztime=10x -cachedir=cache
assert_rc "fuzzing with a malformed seed file" 3
assert_contains fuzzbroken.log "testdata/fuzz/FuzzBoth/broken: has 1 value, the target takes 2"
assert_no_procs
finish
