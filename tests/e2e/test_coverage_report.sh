#!/bin/bash
# -coverage_report=DIR (issue 16, item 5): after a fuzzing run (Go mode and
# libFuzzer's command line) and over a corpus without -fuzz, the report's
# edges agree with the run's final coverage (the -stats_file's last line);
# the HTML is well-formed, names the source file and every function (the
# one the harness never reaches first), marks covered and uncovered lines,
# shows every source line's text exactly (escaping), and headless Chromium
# renders it with both marks' colours; without llvm-symbolizer the run is
# refused at once with one line naming it (exit 7).
. "$(dirname "$0")/lib.sh"

command -v python3 >/dev/null || fail "python3 is needed to check the HTML"
SRC="$E2E/targets/covreport.c"

final_edges() {   # final_edges STATS_FILE: the last line's edges
    python3 -c 'import json,sys; print(json.loads(open(sys.argv[1]).read().splitlines()[-1])["edges"])' "$1"
}

report_edges() {  # report_edges DIR: "covered total" from summary.txt's first line
    sed -n '1s/^coverage of [^:]*: \([0-9]*\)\/\([0-9]*\) edges.*/\1 \2/p' "$1/summary.txt"
}

# check_html DIR: the pages parse, link to each other, and say what they should.
check_html() {
    python3 - "$1" "$SRC" <<'PY' || fail "the HTML report in $1 is wrong: see above"
import html.parser, os, re, sys
d, src = sys.argv[1], sys.argv[2]
VOID = {"meta", "br", "img", "hr", "link", "input"}

class Page(html.parser.HTMLParser):
    """Checks nesting and collects rows of tables, links and ids."""
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.links, self.ids, self.rows, self.row = [], [], set(), [], None
        self.table = None
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag not in VOID:
            self.stack.append(tag)
        if "id" in a:
            assert a["id"] not in self.ids, "duplicate id " + a["id"]
            self.ids.add(a["id"])
        if tag == "table":
            self.table = a.get("id") or a.get("class")
        if tag == "a":
            self.links.append(a["href"])
        if tag == "tr":
            self.row = {"table": self.table, "class": a.get("class"), "id": a.get("id"), "cells": []}
        if tag in ("td", "th") and self.row is not None:
            self.row["cells"].append("")
    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, "</%s> closes %s" % (tag, self.stack[-1:])
        self.stack.pop()
        if tag == "tr":
            self.rows.append(self.row)
            self.row = None
    def handle_data(self, data):
        if self.row is not None and self.row["cells"]:
            self.row["cells"][-1] += data

def parse(name):
    text = open(os.path.join(d, name), encoding="utf-8").read()
    assert text.startswith("<!DOCTYPE html>"), name
    p = Page()
    p.feed(text)
    p.close()
    assert not p.stack, "%s: unclosed %s" % (name, p.stack)
    return p

index = parse("index.html")
files = [r for r in index.rows if r["table"] == "files" and r["cells"][0] != "file"]
funcs = [r for r in index.rows if r["table"] == "functions" and r["cells"][0] != "function"]
assert len(files) == 1 and files[0]["cells"][0] == src, files
names = [r["cells"][0] for r in funcs]
assert sorted(names) == sorted(["never_reached", "classify", "parse_pair", "LLVMFuzzerTestOneInput"]), names
assert names[0] == "never_reached" and funcs[0]["cells"][2] == "0 / 6", funcs[0]   # least covered first
pct = [float(r["cells"][3].rstrip("%")) for r in funcs]
assert pct == sorted(pct), pct
for link in index.links:   # every link leads to a page that is there (and its line)
    page, _, anchor = link.partition("#")
    assert os.path.exists(os.path.join(d, page)), link
    if anchor:
        assert anchor in parse(page).ids, link
page = [l for l in index.links if l.startswith("file-")][0].partition("#")[0]
fp = parse(page)
lines = open(src, encoding="utf-8").read().split("\n")
if lines[-1] == "":
    lines.pop()
rows = [r for r in fp.rows if r["table"] == "src"]
assert len(rows) == len(lines), (len(rows), len(lines))
for i, (r, line) in enumerate(zip(rows, lines), 1):
    assert r["id"] == "L%d" % i and r["cells"][0] == str(i), r
    assert r["cells"][2] == line, "line %d shown as %r" % (i, r["cells"][2])   # escaped right
def row_of(text):
    return [r for r in rows if r["cells"][2].strip() == text][0]
assert row_of("never_reached(data, size);")["class"] == "uncovered"
assert row_of("return classify(d[0], d[1]);")["class"] == "covered"
assert re.match(r"\u2717 0/\d+$", row_of("never_reached(data, size);")["cells"][1])
assert re.match(r"\u2713 \d+/\d+$", row_of("return classify(d[0], d[1]);")["cells"][1])
for r in rows:   # a line's mark agrees with its class
    mark = r["cells"][1]
    assert (r["class"] is None) == (mark == ""), r
    if r["class"]:
        c, t = map(int, mark.split(" ")[1].split("/"))
        assert (c > 0) == (r["class"] == "covered") and t >= 1, r
# the summary names the line never reached
n = lines.index("        never_reached(data, size);") + 1
summary = open(os.path.join(d, "summary.txt"), encoding="utf-8").read()
m = re.search(re.escape(src) + r":(.*)", summary.split("lines never reached")[1])
spans = [s.strip().split("-") for s in m.group(1).split(",")]
assert any(int(s[0]) <= n <= int(s[-1]) for s in spans), (n, m.group(0))
assert re.search(r"\n +0/6 +0\.0%  never_reached  ", summary), summary
PY
}

build_target covreport plain
enter_workdir
mkdir corpus
printf 'ab' >corpus/a
printf 'x' >corpus/b

# After a Go-mode run: the summary's edges are the run's final edges.
run_ferret go.log 120 -fuzz -fuzztime=3000x -parallel=1 -seed=1 -max_len=64 -cachedir=cache \
    -stats_file=go.json -coverage_report=after corpus
assert_rc "Go-mode run with -coverage_report" 0 go.log
edges=$(final_edges go.json)
set -- $(report_edges after)
assert_eq "report's covered edges after the Go-mode run (stats file: $edges)" "$edges" "${1:-none}"
total=${2:-0}
[ "$total" -gt "$edges" ] || fail "the report has $total edges in all, $edges covered: never_reached's are missing"
assert_contains go.log "ferret: coverage report written to after/index.html and after/summary.txt: $edges/$total edges covered"
[ -z "$(find after -name '.tmp*')" ] || fail "temporary files left in after/"
check_html after

# Over the corpus (no -fuzz): the same inputs (seeds, paths, cache) give the same coverage.
run_ferret over.log 60 -coverage_report=over -cachedir=cache corpus
assert_rc "-coverage_report over the corpus" 0 over.log
assert_not_contains over.log "now fuzzing"   # nothing is fuzzed
assert_eq "edges over the corpus after the run (the run's: $edges)" "$edges $total" "$(report_edges over)"
check_html over
# ... and the seeds alone reach less.
run_ferret seeds.log 60 -coverage_report=seeds -cachedir=empty corpus
assert_rc "-coverage_report over the seeds" 0 seeds.log
set -- $(report_edges seeds)
[ "${1:-0}" -gt 0 ] && [ "$1" -lt "$edges" ] || fail "the seeds alone cover ${1:-?} edges, the run $edges"

# A source file that is gone (built elsewhere): its page says so and still
# lists its lines with edges, marked.
mkdir gone && cp "$SRC" gone/covreport.c
"$CC" -g -O1 -fsanitize=fuzzer-no-link "$WORK/gone/covreport.c" "$LIB" -o gonebin || fail "cannot build gonebin"
rm -r gone
timeout -k 5 60 ./gonebin -coverage_report=gone -cachedir=empty corpus >gone.log 2>&1 </dev/null
RC=$?
assert_rc "-coverage_report, the source gone" 0 gone.log
assert_contains gone/file-000.html "The source file could not be read (No such file or directory); only the lines with edges are listed."
assert_eq "marked rows of the page without its source" \
    "$(grep -c '<tr id="L[0-9]*" class="\(un\)\?covered">' gone/file-000.html)" "$(grep -c '<tr id=' gone/file-000.html)"
assert_eq "covered rows, with and without the source" \
    "$(grep -c 'class="covered"' seeds/file-000.html)" "$(grep -c 'class="covered"' gone/file-000.html)"

# libFuzzer's command line: fuzzing, and -runs=0 over files.
mkdir lfcorpus
run_ferret lf.log 120 -runs=3000 -seed=1 -max_len=64 -stats_file=lf.json -coverage_report=lf lfcorpus
assert_rc "libFuzzer-mode run with -coverage_report" 0 lf.log
assert_eq "report's covered edges after the libFuzzer-mode run" "$(final_edges lf.json)" "$(report_edges lf | cut -d' ' -f1)"
check_html lf
run_ferret lffiles.log 60 -runs=0 -coverage_report=lffiles corpus/a corpus/b
assert_rc "libFuzzer mode, -runs=0 over files" 0 lffiles.log
assert_eq "edges of the two seeds, libFuzzer mode" "$(report_edges seeds)" "$(report_edges lffiles)"
run_ferret lfruns.log 60 -runs=5 -coverage_report=lfruns corpus/a corpus/b
assert_rc "libFuzzer mode, -runs=5 over files" 0 lfruns.log
assert_contains lfruns.log "INFO: ferret: -coverage_report runs each file once; -runs=5 is not used"
assert_eq "edges of the two seeds, -runs=5" "$(report_edges seeds)" "$(report_edges lfruns)"

# No symbolizer: refused before anything runs, one line naming it, exit 7.
timeout -k 5 30 env PATH=/nonexistent "$BIN" -fuzz -fuzztime=100x -coverage_report=nosym \
    -cachedir=cache2 corpus >nosym.log 2>&1 </dev/null
RC=$?
assert_rc "a run with -coverage_report and no llvm-symbolizer in PATH" 7 nosym.log
assert_eq "lines printed without a symbolizer" 1 "$(wc -l <nosym.log)"
assert_contains nosym.log "-coverage_report needs llvm-symbolizer"
[ ! -e cache2 ] || fail "the run started though the report could not be made"
FERRET_SYMBOLIZER=/bin/false timeout -k 5 30 "$BIN" -coverage_report=broken corpus >broken.log 2>&1
RC=$?
assert_rc "a symbolizer that fails" 7 broken.log
assert_contains broken.log "ferret: -coverage_report: /bin/false failed (exit status 1)"

# A binary with several typed targets: -run=NAME picks the one to report on
# (-fuzz=NAME would fuzz it); entries (-run=T/E) cannot be picked.
build_target typed plain
run_ferret typed.log 30 -coverage_report=typed
assert_rc "-coverage_report, several targets, none named" 2 typed.log
assert_contains typed.log "4 fuzz targets (FuzzBool, FuzzBoom, FuzzBoth, FuzzSkip): pass -run=NAME"
run_ferret typed.log 30 -coverage_report=typed -run=FuzzBool -cachedir=tcache
assert_rc "-coverage_report -run=FuzzBool" 0 typed.log
grep -q '^coverage of FuzzBool: [1-9][0-9]*/[0-9]* edges' typed/summary.txt ||
    { show_log typed.log; fail "no report on FuzzBool: $(head -1 typed/summary.txt)"; }
run_ferret typed.log 30 -coverage_report=typed2 -run=FuzzBool/x
assert_rc "-coverage_report -run=T/E" 2 typed.log
assert_contains typed.log "-run=FuzzBool/x picks entries; give the target alone (-run=NAME)"

# Headless Chromium renders the pages: both marks' colours are on the file
# page, the index shows its bars.  (Debian's chromium; installed if missing.)
if ! command -v chromium >/dev/null; then
    [ -n "$(find /var/lib/apt/lists -name '*Packages*' 2>/dev/null | head -1)" ] || apt-get update -qq >/dev/null 2>&1
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null 2>&1
fi
if ! command -v chromium >/dev/null; then
    note "SKIPPED the screenshot check: chromium is not installed and could not be (apt-get install chromium)"
    finish
fi
page=$(ls after/file-*.html | head -1)
for p in index "$(basename "$page" .html)"; do
    timeout -k 5 120 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
        --screenshot="$WORK/$p.png" --window-size=1200,1100 "file://$WORK/after/$p.html" \
        >chromium.log 2>&1
    [ -s "$p.png" ] || { show_log chromium.log; fail "chromium wrote no screenshot of $p.html"; }
done
docs_copy index.png coverage-index.png
docs_copy "$(basename "$page" .html).png" coverage-file.png
python3 - index.png "$(basename "$page" .html).png" <<'PY' || fail "the screenshots do not show the marks: see above"
import struct, sys, zlib
def pixels(path):
    """RGB(A) rows of an 8-bit non-interlaced PNG (what Chromium writes)."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    pos, idat = 8, b""
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and ctype in (2, 6) and not interlace, (depth, ctype, interlace)
            bpp = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw, stride, prev, out = zlib.decompress(idat), w * bpp, bytearray(w * bpp), []
    for y in range(h):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if f == 1: line[i] = (line[i] + a) & 255
            elif f == 2: line[i] = (line[i] + b) & 255
            elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        out.append([tuple(line[x * bpp:x * bpp + 3]) for x in range(w)])
        prev = line
    return out
def count(px, rgb):
    return sum(row.count(rgb) for row in px)
index, page = pixels(sys.argv[1]), pixels(sys.argv[2])
# the style's colours: bars #4a4 / #e66, lines #d7f5d7 / #f9d0d0
for name, px, colours in (("index", index, [(0x44, 0xaa, 0x44), (0xee, 0x66, 0x66)]),
                          ("file page", page, [(0xd7, 0xf5, 0xd7), (0xf9, 0xd0, 0xd0)])):
    for rgb in colours:
        assert count(px, rgb) > 500, "%s: only %d pixels of #%02x%02x%02x" % ((name, count(px, rgb)) + rgb)
PY
finish
