#!/bin/bash
# -stats_file (issue 16, item 2): one JSON object a line, every
# -stats_interval and a final one; every line parses, the final line's
# counts are the final stats' (executions, new units, findings), and a
# SIGKILL of the coordinator at any moment leaves only whole lines.
. "$(dirname "$0")/lib.sh"

if ! command -v python3 >/dev/null; then   # the JSON is checked by a parser we did not write
    [ -n "$(find /var/lib/apt/lists -name '*Packages*' 2>/dev/null | head -1)" ] || apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-minimal >/dev/null 2>&1 ||
        fail "python3 is missing and could not be installed"
fi

parse_all() {   # parse_all FILE: every line is a JSON object with the fields; prints the last
    python3 - "$1" <<'PY' || fail "$1 does not parse: see above"
import json, sys
keys = {"elapsed_s", "execs", "execs_per_sec", "corpus", "edges", "features", "stability",
        "findings", "finding_hits", "minimize_queue", "workers", "final"}
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
if lines[-1] != "":
    sys.exit("the file does not end with a newline: a line was cut")
objs = [json.loads(l) for l in lines[:-1]]
if not objs:
    sys.exit("no line")
for o in objs:
    missing = keys - o.keys()
    if missing:
        sys.exit("a line lacks %s: %r" % (sorted(missing), o))
    for w in o["workers"]:
        assert {"id", "state", "restarts", "rss_mb"} <= w.keys(), w
print(json.dumps(objs[-1]))
print(len(objs), file=sys.stderr)
PY
}

build_target magic asan
enter_workdir

# libFuzzer mode: finds the crash; the final line agrees with stat:: lines.
mkdir corpus
run_ferret lf.log 120 -runs=2000000 -seed=1 -print_final_stats=1 -stats_file=lf.json corpus
assert_rc "libFuzzer mode run" 77
last=$(parse_all lf.json 2>/dev/null)
execs=$(sed -n 's/^stat::number_of_executed_units: //p' lf.log)
units=$(sed -n 's/^stat::new_units_added: //p' lf.log)
python3 - "$last" "$execs" <<'PY' || { show_log lf.log; fail "lf.json's final line disagrees with the final stats"; }
import json, sys
o = json.loads(sys.argv[1])
assert o["final"] is True, o
assert o["execs"] == int(sys.argv[2]), (o["execs"], sys.argv[2])
assert o["findings"]["crash"] == 1 and o["finding_hits"] == 1, o["findings"]
assert o["edges"] > 0 and o["corpus"]["entries"] >= 1, o
assert len(o["workers"]) == 1 and o["workers"][0]["restarts"] >= 1, o["workers"]  # restarted after the crash
PY

# Go mode, two workers, a line every 100ms, killed with SIGKILL mid-run.
build_target harmless plain
start_ferret go.log -fuzz -parallel=2 -seed=2 -cachedir=cache -stats_file="$WORK/go.json" -stats_interval=100ms
for i in $(seq 1 300); do
    [ "$(wc -l <go.json 2>/dev/null || echo 0)" -ge 5 ] && break
    sleep 0.1
done
kill -9 "$COORD"
wait "$COORD" 2>/dev/null
[ "$(wc -l <go.json)" -ge 5 ] || { show_log go.log; fail "fewer than 5 lines in go.json after 30 s"; }
last=$(parse_all go.json 2>/dev/null)
python3 - "$last" <<'PY' || fail "go.json's last line is wrong after SIGKILL"
import json, sys
o = json.loads(sys.argv[1])
assert o["final"] is False and len(o["workers"]) == 2 and o["execs"] > 0, o
PY
sleep 1   # the keepers take their workers down

# Errors: an unwritable path, a zero interval.
run_ferret bad.log 30 -fuzz -fuzztime=10x -stats_file=/nonexistent/dir/s.json
assert_rc "-stats_file in a missing directory" 4
assert_contains bad.log "cannot open -stats_file=/nonexistent/dir/s.json for appending"
run_ferret zero.log 30 -fuzz -fuzztime=10x -stats_file=s.json -stats_interval=0
assert_rc "-stats_interval=0" 2
assert_contains zero.log "-stats_interval=0"
assert_no_procs
finish
