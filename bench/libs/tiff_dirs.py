#!/usr/bin/env python3
"""tiff_dirs.py DIR... - how many files in each directory (searched
recursively) are TIFFs whose first directory has both a Compression (259)
and a PhotometricInterpretation (262) tag: the inputs that can reach
libtiff's decoders.  Prints "DIR files with-both median-bytes".  Used in
bench/LIBS.md to compare the engines' corpora."""
import os
import struct
import sys


def has_both(d):
    if len(d) < 8 or d[:2] not in (b"II", b"MM"):
        return False
    e = "<" if d[:2] == b"II" else ">"
    try:
        if struct.unpack(e + "H", d[2:4])[0] != 42:
            return False
        off = struct.unpack(e + "I", d[4:8])[0]
        n = struct.unpack(e + "H", d[off:off + 2])[0]
        tags = set()
        for i in range(min(n, 200)):
            at = off + 2 + 12 * i
            tags.add(struct.unpack(e + "H", d[at:at + 2])[0])
        return 259 in tags and 262 in tags
    except struct.error:
        return False


for top in sys.argv[1:]:
    sizes, both = [], 0
    for root, _, files in os.walk(top):
        for f in files:
            if f.startswith("."):
                continue
            with open(os.path.join(root, f), "rb") as fh:
                d = fh.read()
            sizes.append(len(d))
            both += has_both(d)
    sizes.sort()
    print(top, len(sizes), both, sizes[len(sizes) // 2] if sizes else 0)
