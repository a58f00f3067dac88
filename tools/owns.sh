#!/usr/bin/env bash
# tools/owns.sh - every file's header says what it owns (issue 13): the
# first comment of each source file has a paragraph starting " * Owns: ".
#
# usage: tools/owns.sh [--root DIR]   (default root: the checkout holding this script)
#
# The files checked are the nodes of tools/layers.sh's graph: every .c file
# of src/ (and .cpp file: the pass plugin, which layers.sh leaves out), and every header of src/ and include/ with no .c of its own in
# its directory (an interface: codes.h, engine.h, runtime.h, include/ferret.h
# ...), plus any header that has a line of its own in tools/layers.txt.  A
# header x.h next to x.c needs no Owns line: x.c's says it.
# The header comment is the /* ... */ block the file starts with (blank
# lines before it allowed); the Owns line must be in it, written
#     * Owns: what the file owns ...
# with text after the colon: its file-scope static variables (named, with
# what they hold and in which process), the structs whose fields only it
# writes, the files, directories and descriptors it creates; or "nothing
# (pure functions over what the caller passes)", "nothing; ..." when that is
# the truth.  The check cannot judge the words, only that they are there.
# Exits 1 naming each file without one, 0 (silently but for one line) if
# none is missing.
set -uo pipefail

root=''
while [ $# -gt 0 ]; do
    case $1 in
    --root) root=$2; shift ;;
    --root=*) root=${1#*=} ;;
    -h|--help) sed -n '2,/^set /p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "owns.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done
[ -n "$root" ] || root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 2
[ -d src ] || { echo "owns.sh: no src/ in $root" >&2; exit 2; }

# The files to check, one a line: .c files, then interface headers.
files() {
    find src -type f \( -name '*.c' -o -name '*.cpp' \) | LC_ALL=C sort
    {
        find src include -type f -name '*.h' 2>/dev/null | while read -r h; do
            [ -e "${h%.h}.c" ] || echo "$h"
        done
        [ -r tools/layers.txt ] &&
            awk '{ sub(/#.*/, "") } $1 ~ /\.h$/ { print $1 }' tools/layers.txt |
            while read -r h; do [ -e "$h" ] && echo "$h"; done
    } | LC_ALL=C sort -u
}

list=$(files)
n=0 nmiss=0
while read -r f; do
    [ -n "$f" ] || continue
    n=$((n + 1))
    why=$(awk '
        !started && /^[ \t]*$/ { next }
        !started { if ($0 !~ /^\/\*/) { print "has no header comment (it must start with /* ... */)"; done = 1; exit }
                   started = 1 }
        /^ \* Owns: *[^ ]/ { found = 1; done = 1; exit }
        /\*\// { exit }
        END { if (!done && !started) print "is empty"
              else if (!done && !found) print "has no \" * Owns: \" line in its header comment" }
    ' "$f")
    if [ -n "$why" ]; then
        echo "owns: $f $why; say what state it owns (README.md, A tour of the source)"
        nmiss=$((nmiss + 1))
    fi
done <<< "$list"

if [ "$nmiss" -gt 0 ]; then
    echo "owns: FAIL: $nmiss of $n files do not say what they own"
    exit 1
fi
echo "owns: OK: all $n files (.c files and interface headers) say what they own"
