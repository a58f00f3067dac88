#!/usr/bin/env bash
# tools/layers.sh - ferret's source files form layers that use only their own
# layer and lower ones, with no cycle between files (issue 13).
#
# usage: tools/layers.sh [--report] [--quiet] [--ignore-libc]
#                        [--root DIR] [--obj DIR] [--table FILE]
#
#   (no option)    prints (a) every edge file -> file with both layers,
#                  (b) the problems, (c) the dependency picture, and exits 1
#                  if there is an upward edge, a cycle, a file of src/ or
#                  include/ missing from the table, or a missing/stale object
#   --report       prints (b) and (c) only and exits 0 (for notes)
#   --quiet        prints (b) and the verdict only (for make check)
#   --ignore-libc  leaves out calls to C library names the runtime interposes
#                  (see below) entirely, cycles included
#   --root DIR     the checkout (default: the one holding this script)
#   --obj DIR      the objects (default: ROOT/build/obj, made by
#                  `make build/libferret.a`; src/X/f.c is OBJ/X/f.o)
#   --table FILE   the layer table (default: ROOT/tools/layers.txt, whose
#                  header says what the layers are)
#
# The graph.  Nodes are the .c files of src/ and the headers that have no .c
# of their own (interfaces: engine.h, runtime.h, coordinator_int.h, rng.h,
# floatbits.h, include/ferret.h).  A header x.h next to x.c is part of x.c's
# node: its includes are x.c's, and including it is depending on x.c.
#   - calls: for each object, its undefined symbols (nm -u) resolved to the
#     object defining them (nm --defined-only: T D B R V W C G S symbols).
#     Symbols no object of ours defines (libc, the sanitizers, the harness's
#     LLVMFuzzer*) are ignored.
#   - includes: #include "x.h" lines of every .c and .h, resolved as the
#     compiler does (the includer's directory, then include/, src/engine/,
#     src/runtime/).
#   - libc names: the runtime defines some C library functions to watch the
#     target (memory.c: malloc, calloc, realloc, free; cmptrace.c: memcmp,
#     bcmp, strcmp, strstr, ...), so the engine's own calls to them resolve to
#     the runtime.  A call to a name the C library (libc.so.6) also exports is
#     a "libc" edge: allowed from any layer (every file may call malloc), but
#     counted for cycles, because the interposer must then not depend,
#     even indirectly, on its callers.  --ignore-libc drops these edges.
# Same-layer edges are allowed; an edge from a lower layer to a higher one is
# "upward"; an edge between two files of one strongly connected component
# (found from the transitive closure) is part of a cycle.
set -uo pipefail

mode=check quiet=0 ignore_libc=0 root='' obj='' table=''
while [ $# -gt 0 ]; do
    case $1 in
    --report) mode=report ;;
    --quiet) quiet=1 ;;
    --ignore-libc) ignore_libc=1 ;;
    --root) root=$2; shift ;;
    --root=*) root=${1#*=} ;;
    --obj) obj=$2; shift ;;
    --obj=*) obj=${1#*=} ;;
    --table) table=$2; shift ;;
    --table=*) table=${1#*=} ;;
    -h|--help) sed -n '2,/^set /p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "layers.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done
[ -n "$root" ] || root=$(cd "$(dirname "$0")/.." && pwd)
root=$(cd "$root" && pwd) || exit 2
[ -n "$obj" ] || obj=$root/build/obj
[ -n "$table" ] || table=$root/tools/layers.txt
obj=$(realpath -m "$obj") table=$(realpath -m "$table")
[ -r "$table" ] || { echo "layers.sh: cannot read $table" >&2; exit 2; }
cd "$root" || exit 2

tmp=$(mktemp -d "${TMPDIR:-/tmp}/layers.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT

libc=$(${CC:-clang} -print-file-name=libc.so.6 2>/dev/null)
case $libc in /*) ;; *) libc=/lib/x86_64-linux-gnu/libc.so.6 ;; esac
if [ ! -r "$libc" ]; then
    echo "layers.sh: cannot find libc.so.6 (for the C library names the runtime interposes)" >&2
    exit 2
fi
nm -D --defined-only "$libc" | awk 'NF >= 3 { sub(/@.*/, "", $3); print $3 }' | sort -u >"$tmp/libc"

# Records for the awk program below, one per line:
#   T path layer name     the table
#   F path                a file of the tree (src/**/*.c, *.h, include/*.h)
#   O node problem        an object missing or older than its source
#   D node sym            node's object defines sym
#   U node sym            node's object uses sym
#   I file header         file includes header (paths from the root)
#   L sym                 the C library exports sym
{
    awk '{ sub(/#.*/, "") } NF { print "T", $0 }' "$table"
    find src include -type f \( -name '*.c' -o -name '*.h' \) 2>/dev/null | LC_ALL=C sort | sed 's/^/F /'
    for c in $(find src -type f -name '*.c' | LC_ALL=C sort); do
        o=$obj/${c#src/}; o=${o%.c}.o
        if [ ! -f "$o" ]; then
            echo "O $c missing:$o"
            continue
        fi
        [ "$o" -nt "$c" ] || echo "O $c stale:$o"
        nm --defined-only "$o" | awk -v n="$c" 'NF == 3 && $2 ~ /^[TDBRVWCGS]$/ { print "D", n, $3 }'
        nm -u "$o" | awk -v n="$c" '{ print "U", n, $NF }'
    done
    for f in $(find src include -type f \( -name '*.c' -o -name '*.h' \) | LC_ALL=C sort); do
        d=$(dirname "$f")
        sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$f" |
        while read -r h; do
            for p in "$d/$h" "include/$h" "src/engine/$h" "src/runtime/$h"; do
                if [ -f "$p" ]; then
                    p=$(realpath -m --relative-to=. "$p")
                    echo "I $f $p"
                    break
                fi
            done
        done
    done
    sed 's/^/L /' "$tmp/libc"
} >"$tmp/records"

awk -v mode="$mode" -v quiet="$quiet" -v ignore_libc="$ignore_libc" -v tablename="${table#"$root"/}" '
function short(p) { sub(/^src\//, "", p); return p }
function base(p) { sub(/.*\//, "", p); return p }
function node_of(f,   c) {
    if (f ~ /\.h$/) { c = f; sub(/\.h$/, ".c", c); if (c in isfile) return c }
    return f
}
function tag(n) { return (n in layer) ? "[" layer[n] " " lname[layer[n]] "]" : "[? unlisted]" }
function addsym(list, s) { return list == "" ? s : list " " s }
function abbrev(list, max,   a, k, i, out) {
    k = split(list, a, " ")
    if (k <= max) return list
    out = a[1]
    for (i = 2; i <= max; i++) out = out " " a[i]
    return out " (+" (k - max) ")"
}
function uniqlist(list,   a, k, i, seen, out) {
    k = split(list, a, " "); out = ""
    for (i = 1; i <= k; i++) if (!(a[i] in seen)) { seen[a[i]] = 1; out = addsym(out, a[i]) }
    return out
}
# comp[i] = the smallest j such that nodes i and j reach each other through
# edges of the kinds given (calls, includes, libc names).
function scc(wc, wi, wl, comp,   r, i, j, k, e, u) {
    for (i = 1; i <= ne; i++) {
        e = elist[i]
        if ((wc && calls[e] != "") || (wi && incs[e] != "") || (wl && libcs[e] != "")) {
            split(e, u, SUBSEP); r[idx[u[1]], idx[u[2]]] = 1
        }
    }
    for (k = 1; k <= nn; k++)
        for (i = 1; i <= nn; i++)
            if ((i, k) in r)
                for (j = 1; j <= nn; j++)
                    if ((k, j) in r) r[i, j] = 1
    for (i = 1; i <= nn; i++) {
        comp[i] = i
        for (j = 1; j < i; j++)
            if (((i, j) in r) && ((j, i) in r)) { comp[i] = comp[j]; break }
    }
}
# The nontrivial components of c among the members of cycle root, as
# "{a b} {c d}".
function groups(c, root,   i, j, out, g, cnt) {
    out = ""
    for (i = 1; i <= nn; i++) {
        if (comp[i] != root || c[i] != i) continue
        g = ""; cnt = 0
        for (j = 1; j <= nn; j++) if (c[j] == i) { g = addsym(g, short(nodes[j])); cnt++ }
        if (cnt > 1) out = out (out == "" ? "" : " ") "{" g "}"
    }
    return out == "" ? "none" : out
}
function what(e, max,   s) {
    s = ""
    if (calls[e] != "") s = "calls " abbrev(calls[e], max)
    if (incs[e] != "") s = s (s == "" ? "" : "; ") "includes " incs[e]
    if (libcs[e] != "") s = s (s == "" ? "" : "; ") "libc names " abbrev(libcs[e], max)
    return s
}
$1 == "T" {
    if (NF != 4 || $3 !~ /^[0-9]+$/) { bad[++nbad] = "bad line in " tablename ": " substr($0, 3); next }
    if ($2 in layer) { bad[++nbad] = tablename ": " $2 " listed twice"; next }
    layer[$2] = $3 + 0
    if (($3 + 0) in lname && lname[$3 + 0] != $4)
        bad[++nbad] = tablename ": layer " $3 " is called both " lname[$3 + 0] " and " $4
    if (($4 in lnum) && lnum[$4] != $3 + 0)
        bad[++nbad] = tablename ": " $4 " is the name of layers " lnum[$4] " and " $3
    lname[$3 + 0] = $4; lnum[$4] = $3 + 0
    tabled[++ntabled] = $2
    next
}
$1 == "F" { isfile[$2] = 1; files[++nfiles] = $2; next }
$1 == "O" { obj_problem[++nobjp] = $2 " " $3; next }
$1 == "D" {
    if (!($3 in def)) def[$3] = $2
    else if (def[$3] != $2) warn[++nwarn] = $3 " is defined by both " def[$3] " and " $2 " (the first is used)"
    next
}
$1 == "U" { uses[++nuses] = $2 SUBSEP $3; next }
$1 == "I" { incl[++nincl] = $2 SUBSEP $3; next }
$1 == "L" { islibc[$2] = 1; next }
END {
    # Nodes: every .c, every header without a .c.
    for (i = 1; i <= nfiles; i++) {
        n = node_of(files[i])
        if (!(n in isnode)) { isnode[n] = 1; nodes[++nn] = n }
    }
    for (i = 1; i <= ntabled; i++) {
        t = tabled[i]
        if (!(t in isfile)) warn[++nwarn] = tablename " lists " t ", which is not in the tree"
        else if (!(t in isnode)) warn[++nwarn] = tablename " lists " t ", which belongs to " node_of(t) " (its line is not used)"
    }
    for (i = 1; i <= nn; i++)
        if (!(nodes[i] in layer)) unlisted[++nunl] = nodes[i]

    # Edges.
    for (i = 1; i <= nuses; i++) {
        split(uses[i], u, SUBSEP); from = u[1]; s = u[2]
        if (!(s in def)) continue
        to = def[s]
        if (to == from) continue
        e = from SUBSEP to
        if (s in islibc) {
            if (ignore_libc) { ignored[s] = to; continue }
            libcs[e] = addsym(libcs[e], s)
        } else
            calls[e] = addsym(calls[e], s)
        edge[e] = 1
    }
    for (i = 1; i <= nincl; i++) {
        split(incl[i], u, SUBSEP)
        from = node_of(u[1]); to = node_of(u[2])
        if (from == to) continue
        e = from SUBSEP to
        incs[e] = uniqlist(addsym(incs[e], base(u[2])))
        edge[e] = 1
    }
    ne = 0
    for (e in edge) elist[++ne] = e
    # sort edges by (from, to) for stable output
    for (i = 2; i <= ne; i++) { x = elist[i]; for (j = i - 1; j >= 1 && elist[j] > x; j--) elist[j + 1] = elist[j]; elist[j + 1] = x }
    # sort nodes by layer, then path
    for (i = 2; i <= nn; i++) {
        x = nodes[i]; kx = sprintf("%03d %s", (x in layer) ? layer[x] : 999, x)
        for (j = i - 1; j >= 1 && sprintf("%03d %s", (nodes[j] in layer) ? layer[nodes[j]] : 999, nodes[j]) > kx; j--) nodes[j + 1] = nodes[j]
        nodes[j + 1] = x
    }

    # Upward edges (libc-only edges are exempt).
    nup = 0
    for (i = 1; i <= ne; i++) {
        e = elist[i]; split(e, u, SUBSEP)
        if (!(u[1] in layer) || !(u[2] in layer)) continue
        if (calls[e] == "" && incs[e] == "") continue
        if (layer[u[1]] < layer[u[2]]) { up[e] = 1; ups[++nup] = e }
    }

    # Strongly connected components, from the transitive closure of the
    # edges of the kinds asked for: all (what the check uses), and calls
    # alone and calls with libc names (to say what each kind adds).
    for (i = 1; i <= nn; i++) idx[nodes[i]] = i
    scc(1, 1, !ignore_libc, comp)
    scc(1, 0, 0, compc)
    scc(1, 0, 1, compl)
    ncyc = 0
    for (i = 1; i <= nn; i++) {
        if (comp[i] != i) continue
        members = ""; cnt = 0
        for (j = 1; j <= nn; j++)
            if (comp[j] == i) { members = addsym(members, nodes[j]); cnt++ }
        if (cnt > 1) { ncyc++; cyc[ncyc] = members; cycsize[ncyc] = cnt; cycroot[ncyc] = i }
    }
    for (i = 1; i <= ne; i++) {
        split(elist[i], u, SUBSEP)
        if (comp[idx[u[1]]] == comp[idx[u[2]]]) incycle[elist[i]] = 1
    }

    fail = nup + ncyc + nunl + nbad + (mode == "check" ? nobjp : 0)

    # (a) the edges
    if (mode == "check" && !quiet) {
        print "== (a) edges: file [layer] -> file [layer]: what"
        for (i = 1; i <= ne; i++) {
            e = elist[i]; split(e, u, SUBSEP)
            mark = (e in up) ? "  UPWARD" : ""
            if (e in incycle) mark = mark "  CYCLE"
            printf "%s %s -> %s %s: %s%s\n", short(u[1]), tag(u[1]), short(u[2]), tag(u[2]), what(e, 6), mark
        }
        print ""
    }

    # (b) the problems
    print "== (b) problems"
    for (i = 1; i <= nbad; i++) print "table: " bad[i]
    for (i = 1; i <= nobjp; i++) {
        split(obj_problem[i], u, " "); split(u[2], v, ":")
        print "object: " v[2] " is " v[1] " for " u[1] " (run make build/libferret.a)" (mode == "check" ? "" : "; the graph below may be wrong")
    }
    for (i = 1; i <= nunl; i++) print "unlisted: " unlisted[i] " is not in " tablename
    for (i = 1; i <= nup; i++) {
        e = ups[i]; split(e, u, SUBSEP)
        printf "upward: %s %s -> %s %s: %s\n", short(u[1]), tag(u[1]), short(u[2]), tag(u[2]), what(e, 1000)
    }
    for (c = 1; c <= ncyc; c++) {
        k = split(cyc[c], a, " "); lst = ""
        for (j = 1; j <= k; j++) lst = addsym(lst, short(a[j]))
        printf "cycle %d (%d files): %s\n", c, cycsize[c], lst
        printf "  by calls alone: %s\n", groups(compc, cycroot[c])
        if (!ignore_libc) printf "  by calls and libc names: %s\n", groups(compl, cycroot[c])
        print "  its edges:"
        for (i = 1; i <= ne; i++) {
            e = elist[i]; split(e, u, SUBSEP)
            if ((e in incycle) && comp[idx[u[1]]] == cycroot[c])
                printf "    %s %s -> %s %s: %s\n", short(u[1]), tag(u[1]), short(u[2]), tag(u[2]), what(e, 1000)
        }
    }
    for (i = 1; i <= nwarn; i++) print "note: " warn[i]
    if (fail == 0 && nwarn == 0 && !(mode != "check" && nobjp)) print "none"
    print ""

    # (c) the picture
    if (!quiet) {
        print "== (c) dependency picture: file: uses layer N (files it calls, or whose header it includes; a .h is an interface"
        print "   header with no .c, reached by #include only);"
        print "   libc names only: files reached only through C library names they interpose (allowed from any layer)"
        last = -1
        for (i = 1; i <= nn; i++) {
            n = nodes[i]
            L = (n in layer) ? layer[n] : 999
            if (L != last) { print ((n in layer) ? "layer " L " " lname[L] : "not in " tablename ":"); last = L }
            split("", bylayer); line = ""; viaslibc = ""
            for (j = 1; j <= nn; j++) {
                m = nodes[j]; e = n SUBSEP m
                if (!(e in edge)) continue
                if (calls[e] == "" && incs[e] == "") { viaslibc = addsym(viaslibc, base(m)); continue }
                ML = (m in layer) ? layer[m] : 999
                bylayer[ML] = addsym(bylayer[ML], base(m))
            }
            for (ML = 0; ML <= 999; ML++) {
                if (!(ML in bylayer)) continue
                flag = (ML > L && ML != 999) ? " UPWARD" : ""
                line = line (line == "" ? "" : "; ") (ML == 999 ? "unlisted" : "layer " ML) " (" bylayer[ML] ")" flag
            }
            if (viaslibc != "") line = line (line == "" ? "" : "; ") "libc names only (" viaslibc ")"
            cy = ""
            for (c = 1; c <= ncyc; c++) if (comp[idx[n]] == cycroot[c]) cy = "  [in cycle " c "]"
            printf "  %s: %s%s\n", short(n), line == "" ? "uses nothing of ours" : "uses " line, cy
        }
        if (ignore_libc) {
            lst = ""
            for (s in ignored) lst = addsym(lst, s)
            if (lst != "") print "(--ignore-libc: calls to " lst " left out)"
        }
        print ""
    }

    verdict = sprintf("%d upward edges, %d cycles, %d unlisted files", nup, ncyc, nunl)
    if (nobjp) verdict = verdict sprintf(", %d missing or stale objects", nobjp)
    if (nbad) verdict = verdict sprintf(", %d table errors", nbad)
    if (fail) print "layers: FAIL: " verdict
    else print "layers: OK: " verdict
    exit (mode == "check" && fail) ? 1 : 0
}
' "$tmp/records"
