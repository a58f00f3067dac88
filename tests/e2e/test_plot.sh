#!/bin/bash
# ferret-plot (issue 16, item 4): from a real run's -stats_file, an SVG with
# four labelled panels (coverage, corpus, exec/s, findings) that is
# well-formed XML, names its series, and renders (rsvg-convert, from
# Debian's librsvg2-bin); a cut last line is skipped and named; a missing
# stats file and an unwritable output are errors with their exit codes.
. "$(dirname "$0")/lib.sh"

for pkg in python3:python3-minimal rsvg-convert:librsvg2-bin; do
    command -v "${pkg%%:*}" >/dev/null && continue
    [ -n "$(find /var/lib/apt/lists -name '*Packages*' 2>/dev/null | head -1)" ] || apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${pkg#*:}" >/dev/null 2>&1 ||
        fail "${pkg%%:*} is missing and ${pkg#*:} could not be installed"
done
PLOT="$ROOT/tools/ferret-plot"

build_target magic plain
enter_workdir
run_ferret fuzz.log 120 -fuzz -keep_going=1 -fuzztime=400000x -parallel=1 -seed=1 -cachedir=cache \
    -stats_file=s.json -stats_interval=1ms
assert_rc "the run" 1
[ "$(wc -l <s.json)" -ge 3 ] || fail "only $(wc -l <s.json) stats lines"

"$PLOT" s.json out.svg 2>plot.err || { cat plot.err; fail "ferret-plot failed"; }
python3 - out.svg <<'PY' || fail "out.svg is not what it should be"
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
ns = "{http://www.w3.org/2000/svg}"
series = [p.get("data-series") for p in root.iter(ns + "polyline")]
texts = [t.text for t in root.iter(ns + "text")]
for s in ("edges", "features", "corpus entries", "exec/s", "crash"):
    assert s in series, ("series", s, series)
for t in ("Coverage", "Corpus", "Speed", "Findings", "executions per second", "elapsed time"):
    assert t in texts, ("label", t)
for p in root.iter(ns + "polyline"):
    assert len(p.get("points").split()) >= 3, p.get("data-series")
PY
rsvg-convert -o out.png out.svg || fail "rsvg-convert cannot render out.svg"
[ -s out.png ] || fail "rsvg-convert wrote an empty PNG"
docs_copy out.png plot.png

# A last line cut short (a full disk): skipped and named, the rest drawn.
head -c -20 s.json >cut.json
"$PLOT" cut.json cut.svg 2>cut.err || { cat cut.err; fail "ferret-plot failed on a cut file"; }
assert_contains cut.err "skipped 1 line(s) of cut.json that do not parse"

"$PLOT" missing.json x.svg 2>miss.err
assert_eq "a missing stats file" 3 "$?"
assert_contains miss.err "cannot read missing.json"
"$PLOT" s.json /nonexistent/dir/x.svg 2>w.err
assert_eq "an unwritable output" 4 "$?"
assert_contains w.err "cannot write /nonexistent/dir/x.svg"
finish
