#!/bin/bash
# Fault matrix 19: a full disk.  In a private mount namespace (unshare -m;
# needs root or CAP_SYS_ADMIN, and the test FAILS, saying why, if it cannot
# get one: it never passes silently), a tiny tmpfs is filled to the last
# page.
#
# (a) -cachedir on the full tmpfs: the first coverage-expanding input cannot
#     be written: exit 4, "cannot write corpus entry to <dir>: No space left
#     on device"; the entries already there are intact, no temporary file is
#     left on the tmpfs, nothing else lost, nothing left behind.
# (b) testdata/ on the full tmpfs: the crasher cannot be written: exit 4,
#     the path named, the crasher printed in hex; the seeds intact.
. "$(dirname "$0")/lib.sh"

# Fills the tmpfs mounted at $1 to the last byte.
fill_up() {
    local dir=$1 i=0
    dd if=/dev/zero of="$dir/filler" bs=64k 2>/dev/null
    # tail pages: smaller files until nothing fits
    while printf 'x' >"$dir/filler.$i" 2>/dev/null; do
        head -c 4095 /dev/zero >>"$dir/filler.$i" 2>/dev/null
        i=$((i + 1))
        [ $i -gt 64 ] && break
    done
    rm -f "$dir/filler.$i"
    printf 'x' 2>/dev/null >"$dir/probe" && { rm -f "$dir/probe"; fail "could not fill $dir: $(df -k "$dir" | tail -1)"; }
    rm -f "$dir/probe"
}

inner() {
    cd "$WORK" || fail "cd $WORK"
    # (a)
    mkdir -p disk testdata/fuzz/harmless || fail "mkdir"
    mount -t tmpfs -o size=256k,mode=0755 tmpfs disk || fail "cannot mount a tmpfs in the namespace"
    mkdir disk/cache || fail "mkdir"
    put_named disk/cache 'an old cache entry, kept from an earlier run'
    put_named disk/cache '\x01\x02\x03 another one'
    printf 'abcdefgh' >testdata/fuzz/harmless/seed1
    snapshot_dir disk/cache snap.cache
    snapshot_dir testdata snap.testdata
    fill_up disk
    note "(a) cache on a full tmpfs: $(df -k disk | tail -1 | awk '{print $2 " KiB, " $4 " KiB free"}')"
    run_ferret fuzz.log 60 -fuzz -fuzztime=200000x -parallel=2 -seed=119 -cachedir=disk/cache
    assert_rc "[(a) full cache] exit code" 4
    assert_contains fuzz.log "ferret: cannot write corpus entry to disk/cache: No space left on device"
    assert_not_contains fuzz.log "--- FAIL"
    assert_nothing_lost snap.cache disk/cache
    assert_nothing_lost snap.testdata testdata
    check_cache_dir disk/cache
    assert_no_tmp_files disk
    assert_clean
    umount disk || fail "umount"

    # (b)
    build_target fault_notdir plain
    t=fault_notdir
    rm -rf testdata cache && mkdir testdata cache || fail "mkdir"
    mount -t tmpfs -o size=256k,mode=0755 tmpfs testdata || fail "cannot mount a tmpfs in the namespace"
    mkdir -p testdata/fuzz/$t || fail "mkdir"
    printf 'abcdefgh' >testdata/fuzz/$t/seed1
    printf 'CAbcdefg' >testdata/fuzz/$t/seed2   # one byte away from the crash
    put_named cache 'an old cache entry, kept from an earlier run'
    snapshot_dir testdata snap.testdata
    snapshot_dir cache snap.cache
    fill_up testdata
    run_ferret fuzz.log 60 -fuzz -fuzztime=2000000x -parallel=2 -seed=119 -cachedir=cache
    assert_rc "[(b) full testdata] exit code" 4
    assert_contains fuzz.log "--- FAIL: $t"
    assert_contains fuzz.log "ferret: cannot write the failing input to testdata/fuzz/$t: No space left on device"
    assert_contains fuzz.log "    input (2 bytes, hex): 434e"
    assert_not_contains fuzz.log "failing input written to"
    assert_nothing_lost snap.testdata testdata
    assert_nothing_lost snap.cache cache
    check_cache_dir cache
    assert_no_tmp_files testdata
    assert_clean
    umount testdata || fail "umount"
    finish
}

if [ "${1:-}" = --inner ]; then
    WORK=$FAULT_WORK
    BIN=$FAULT_BIN
    export XDG_CACHE_HOME="$WORK/xdg-cache"
    inner
fi

build_target harmless plain
enter_workdir
if ! why=$(unshare -m --propagation private sh -c 'mkdir -p /tmp/.ferret-probe-$$ && mount -t tmpfs -o size=64k tmpfs /tmp/.ferret-probe-$$ && umount /tmp/.ferret-probe-$$; rc=$?; rmdir /tmp/.ferret-probe-$$; exit $rc' 2>&1); then
    fail "cannot run: a private mount namespace with a tmpfs is needed (unshare -m and mount -t tmpfs; run as root or with CAP_SYS_ADMIN): $why"
fi
FAULT_WORK=$WORK FAULT_BIN=$BIN unshare -m --propagation private bash "$E2E/$(basename "$0")" --inner
rc=$?
[ "$rc" = 0 ] || fail "the checks inside the mount namespace failed (see above)"
# Outside the namespace: nothing of ours still running or open.
assert_no_procs
assert_no_memfd
finish
