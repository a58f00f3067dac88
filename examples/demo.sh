#!/usr/bin/env bash
# make demo: build the packet example against ferret and fuzz it until the
# planted bug is found and minimized.  Runs in build/demo/ so the repository
# stays clean; the seed corpus is copied from examples/testdata.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
demo="$root/build/demo"
rm -rf "$demo"
mkdir -p "$demo/testdata/fuzz"
cp -r "$root/examples/testdata/fuzz/packet" "$demo/testdata/fuzz/"
cd "$demo"
echo "+ clang -g -O1 -fsanitize=fuzzer-no-link,address examples/packet.c build/libferret.a -o packet"
clang -g -O1 -fsanitize=fuzzer-no-link,address "$root/examples/packet.c" "$root/build/libferret.a" -o packet
echo "+ ./packet -fuzz -fuzztime=60s -parallel=2 -cachedir=cache"
set +e
./packet -fuzz -fuzztime=60s -parallel=2 -cachedir=cache
rc=$?
set -e
if [ "$rc" -ne 1 ]; then
    echo "demo: expected ferret to find the bug (exit 1), got exit $rc" >&2
    exit 1
fi
crasher=$(ls testdata/fuzz/packet/ | grep -v '^seed' | head -n 1)
echo
echo "demo: the minimized crasher (testdata/fuzz/packet/$crasher):"
od -A d -t x1z "testdata/fuzz/packet/$crasher"
echo "demo: replaying it, as the re-run command says: ./packet testdata/fuzz/packet/$crasher"
set +e
./packet "testdata/fuzz/packet/$crasher" 2>&1 | grep -E 'SUMMARY|failing input'
set -e
echo "demo: done (files in build/demo/)"
