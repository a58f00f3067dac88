#!/usr/bin/env bash
# tools/tour.sh - the map matches the tree (issue 13): every source file is
# named in README.md's "A tour of the source, in reading order".
#
# usage: tools/tour.sh [--strict] [--root DIR]   (default root: the checkout holding this script)
#
# The tour is the table between the heading "A tour of the source, in reading
# order" and the next heading (lines starting with '#' inside ``` fences do
# not count).  The files checked are src/**/*.c, src/**/*.cpp (the pass
# plugin), src/**/*.h and include/*.h.
# The rule, applied to the table's rows (lines starting with '|'), with names
# written in backticks:
#   - a file is named when its path from the root (`src/engine/shm.c`) is
#     written in the first cell of a row;
#   - a header is also named when its file name (`shm.h`), or its path, is
#     written anywhere in a row whose first cell names a file of the same
#     directory: "| `src/engine/shm.c` | the layout (`shm.h`) |" names both;
#   - a header x.h next to a named x.c is named with it, as in
#     tools/layers.sh, where x.h belongs to x.c (--strict: not so; every
#     header must be written in the table as above).
# So a header with no .c of its own (engine.h, runtime.h, rng.h ...) needs
# a row, or a mention in the row of a file of its directory.
# A path under src/ or include/ in a first cell that is not in the tree is an
# error too (a row left behind by a rename).
# Exits 1 naming the files if any is missing, 0 (silently but for one line) if
# none is.
set -uo pipefail

root='' strict=0
while [ $# -gt 0 ]; do
    case $1 in
    --strict) strict=1 ;;
    --root) root=$2; shift ;;
    --root=*) root=${1#*=} ;;
    -h|--help) sed -n '2,/^set /p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "tour.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done
[ -n "$root" ] || root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 2
[ -r README.md ] || { echo "tour.sh: no README.md in $root" >&2; exit 2; }

{
    find src include -type f \( -name '*.c' -o -name '*.cpp' -o -name '*.h' \) 2>/dev/null | LC_ALL=C sort | sed 's/^/F /'
    awk '
        /^```/ { fence = !fence }
        !fence && /^#+[ \t]+A tour of the source, in reading order[ \t]*$/ { on = 1; found = 1; next }
        !fence && on && /^#/ { on = 0 }
        on && /^\|/ { print "R " $0 }
        END { if (!found) print "X" }
    ' README.md
} | awk -v strict="$strict" '
function dir(p) { sub(/\/[^\/]*$/, "", p); return p }
function base(p) { sub(/.*\//, "", p); return p }
function ticks(s, out,   n, t) {
    n = 0
    while (match(s, /`[^`]*`/)) {
        t = substr(s, RSTART + 1, RLENGTH - 2)
        out[++n] = t
        s = substr(s, RSTART + RLENGTH)
    }
    return n
}
$1 == "F" { file[++nf] = $2; isfile[$2] = 1; next }
$1 == "X" { print "tour.sh: README.md has no heading \"A tour of the source, in reading order\"" > "/dev/stderr"; noheading = 1; next }
$1 == "R" {
    row = substr($0, 3)
    split(row, cell, "|")          # cell[1] is empty: the row starts with |
    k = ticks(cell[2], first)
    m = ticks(row, all)
    for (i = 1; i <= k; i++) {
        p = first[i]; sub(/^\.\//, "", p)
        named[p] = 1
        if (p ~ /^(src|include)\// && p !~ /\/$/ && !(p in isfile)) stale[++nstale] = p
        d = dir(p)
        for (j = 1; j <= m; j++) {
            h = all[j]
            if (h !~ /\.h$/) continue
            if (h !~ /\//) h = d "/" h
            named[h] = 1
        }
    }
    next
}
END {
    if (noheading) exit 2
    for (i = 1; i <= nf; i++) {
        f = file[i]; c = f; sub(/\.h$/, ".c", c)
        if (!(f in named) && !(!strict && f ~ /\.h$/ && (c in isfile) && (c in named)))
            missing[++nmiss] = f
    }
    for (i = 1; i <= nmiss; i++) print "tour: " missing[i] " is not named in README.md (A tour of the source, in reading order)"
    for (i = 1; i <= nstale; i++) print "tour: README.md names " stale[i] ", which is not in the tree"
    if (nmiss + nstale) {
        printf "tour: FAIL: %d of %d files not in the tour, %d rows naming files that do not exist\n", nmiss, nf, nstale
        exit 1
    }
    printf "tour: OK: all %d files of src/ and include/ are in the tour\n", nf
}
'
