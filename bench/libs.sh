#!/usr/bin/env bash
# bench/libs.sh - ferret against libFuzzer and AFL++ on real libraries built
# from Debian source packages with their own fuzz harnesses: branch (and line)
# coverage after BENCH_LIB_SECONDS of fuzzing with 2 workers, measured by
# replaying each engine's corpus through one llvm-cov build.  See bench/LIBS.md.
#
# Run from anywhere, as root (it installs afl++ and enables deb-src):
#     bash bench/libs.sh
#
# Environment overrides (defaults in brackets):
#   BENCH_LIB_SECONDS [600]            fuzzing time per engine and library
#   BENCH_LIBS        [libpng libxml2 libtiff nghttp2 jansson]
#                                      libraries (bench/libs/<name>.sh)
#   BENCH_LIB_ENGINES [ferret libfuzzer aflpp]  (also, diagnostics: ferret_nomin,
#                                      ferret with -fuzzminimizetime=0; ferret_novp,
#                                      with -use_value_profile=0)
#   BENCH_LIB_PARTS   [build fuzz cov] which steps to run (build makes the
#                                      builds BENCH_LIB_ENGINES needs; cov alone re-measures
#                                      the corpora of an earlier run; relink instead
#                                      of build rebuilds only ferret's build: the
#                                      library with ferret-cc and the ferret binary)
#   BENCH_LIB_WORK    [a new /tmp/ferret-libs.XXXXXX] scratch: sources, builds,
#                                      runs, results (kept; printed at the end)
#   BENCH_LIB_RESULTS [$WORK/results.md] where the table goes (and stdout)
#   BENCH_LIB_FERRET  [head]           head: build ferret from the committed HEAD
#                                      (git archive into $WORK); tree: use the work
#                                      tree's build (build/bin/ferret-cc and the
#                                      build/libferret.a it links) as it is
#   BENCH_LIB_LOCK    [/tmp/ferret-bench.lock] every fuzzing run holds it (flock)
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
SECS=${BENCH_LIB_SECONDS:-600}
LIBS=${BENCH_LIBS:-libpng libxml2 libtiff nghttp2 jansson}
ENGINES=${BENCH_LIB_ENGINES:-ferret libfuzzer aflpp}
PARTS=${BENCH_LIB_PARTS:-build fuzz cov}
# A fresh scratch directory per run unless one is named (to re-measure an
# earlier run with BENCH_LIB_PARTS=cov, name its directory).
WORK=${BENCH_LIB_WORK:-$(mktemp -d "${TMPDIR:-/tmp}/ferret-libs.XXXXXX")}
LOCK=${BENCH_LIB_LOCK:-/tmp/ferret-bench.lock}
FERRET_FROM=${BENCH_LIB_FERRET:-head}
FERRET_LIB=$ROOT/build/libferret.a
FERRET_CC=$ROOT/build/bin/ferret-cc
FERRET_CXX=$ROOT/build/bin/ferret-c++

# No sanitizer in any fuzzing build: AFL++'s and ferret's runs stay comparable
# in speed, and coverage is the measure, not bug finding.
CFLAGS_BASE="-g -O1"
CFLAGS_COV="$CFLAGS_BASE -fprofile-instr-generate -fcoverage-mapping"
export CFLAGS_COV

log() { echo "libs: $(date -u +%H:%M:%S) $*" >&2; }
die() { log "error: $*"; exit 1; }
has_part() { case " $PARTS " in *" $1 "*) return 0;; esac; return 1; }

mkdir -p "$WORK"
# Which ferret builds and links ferret's binaries: its compiler wrappers
# build/bin/ferret-cc and ferret-c++ (they add -fsanitize=fuzzer-no-link,
# load whatever instrumentation that ferret's wrapper loads by default, and
# link the build/libferret.a next to them).  head: `make` in a clean export
# of the committed HEAD (git archive, into $WORK/ferret), so the numbers
# belong to a commit even while src/ is being edited; tree: the work tree's
# build as it is (run make first).
if has_part build || has_part relink; then
    if [ "$FERRET_FROM" = head ]; then
        rm -rf "$WORK/ferret"; mkdir -p "$WORK/ferret"
        git -C "$ROOT" archive HEAD | tar -x -C "$WORK/ferret"
        make -s -C "$WORK/ferret" >/dev/null || die "building ferret at HEAD failed"
        FERRET_LIB=$WORK/ferret/build/libferret.a
        FERRET_CC=$WORK/ferret/build/bin/ferret-cc
        FERRET_CXX=$WORK/ferret/build/bin/ferret-c++
        echo "ferret $(git -C "$ROOT" rev-parse --short HEAD) (committed HEAD), built with its ferret-cc" > "$WORK/ferret-lib"
    else
        [ -f "$FERRET_LIB" ] || die "$FERRET_LIB missing; run make first"
        echo "ferret: work tree's build/libferret.a (sha1 $(sha1sum < "$FERRET_LIB" | cut -c1-12), built $(date -u -r "$FERRET_LIB" '+%H:%M UTC')) on HEAD $(git -C "$ROOT" rev-parse --short HEAD), built with its ferret-cc" > "$WORK/ferret-lib"
    fi
    [ -x "$FERRET_CC" ] && [ -x "$FERRET_CXX" ] || die "$FERRET_CC or $FERRET_CXX missing; run make first"
    # The wrappers find libferret.a next to them; say so explicitly anyway.
    export FERRET_LIB
fi

# ---- dependencies --------------------------------------------------------------
# Debian's packages only: afl++ (afl-clang-fast, afl-fuzz), zlib1g-dev (libpng
# and libtiff link zlib, uninstrumented), cmake (libtiff's configuration
# headers), dpkg-dev (apt-get source).  Sources come from bookworm's deb-src,
# enabled here if the machine has none.
deps() {
    local need=()
    command -v afl-fuzz >/dev/null || need+=(afl++)
    dpkg -s zlib1g-dev >/dev/null 2>&1 || need+=(zlib1g-dev)
    command -v cmake >/dev/null || need+=(cmake)
    command -v dpkg-source >/dev/null || need+=(dpkg-dev)
    if ! apt-cache showsrc libpng1.6 2>/dev/null | grep -q '^Package:'; then
        if ! grep -rqs 'deb-src' /etc/apt/sources.list /etc/apt/sources.list.d/; then
            log "enabling bookworm deb-src in /etc/apt/sources.list.d/ferret-bench-src.sources"
            cat > /etc/apt/sources.list.d/ferret-bench-src.sources <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
        fi
        apt-get update -qq
    fi
    if [ ${#need[@]} -gt 0 ]; then
        log "installing ${need[*]}"
        [ -n "$(find /var/lib/apt/lists -name '*Packages*' 2>/dev/null | head -1)" ] || apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
    fi
    command -v llvm-cov-14 >/dev/null && command -v llvm-profdata-14 >/dev/null ||
        die "llvm-cov-14/llvm-profdata-14 missing (package llvm-14)"
}

# ---- per library -----------------------------------------------------------------
# fetch: apt-get source into $WORK/src/<pkg>/, once.  SRC = the unpacked tree.
fetch() {
    local dir=$WORK/src/$LIB_PKG
    if [ ! -f "$dir/.done" ]; then
        rm -rf "$dir"; mkdir -p "$dir"
        log "$LIB_PKG: apt-get source"
        ( cd "$dir" && apt-get source -qq "$LIB_PKG" >/dev/null 2>&1 ) || die "apt-get source $LIB_PKG failed"
        touch "$dir/.done"
    fi
    SRC=$(find "$dir" -mindepth 1 -maxdepth 1 -type d | head -1)
    VERSION=$(sed -n 's/^Version: //p' "$dir"/*.dsc | head -1)
}

# build: up to five builds of the library and the same harness.
#   ferretcc ferret's compiler wrappers ferret-cc/ferret-c++ (the library
#            compiled with them, the harness linked with -fsanitize=fuzzer,
#            which the wrapper turns into ferret's engine) -> ferret
#   sancov   clang -fsanitize=fuzzer-no-link, harness linked with clang's
#            -fsanitize=fuzzer (libFuzzer) -> libfuzzer
#   afl      afl-clang-fast, harness linked with -fsanitize=fuzzer (libAFLDriver)
#   cmplog   the same with AFL_LLVM_CMPLOG=1 (afl-fuzz -c)
#   cov      clang -fprofile-instr-generate -fcoverage-mapping + bench/libs/driver.c
# Only the builds BENCH_LIB_ENGINES needs are made (the coverage build always):
# BENCH_LIB_ENGINES=ferret builds ferretcc and cov; a later run of another
# engine in the same BENCH_LIB_WORK needs BENCH_LIB_PARTS=build again.
needs_engine() { case " $ENGINES " in *" $1"*) return 0;; esac; return 1; }
build() {
    local B=$WORK/build/$LIB_NAME BIN=$WORK/bin/$LIB_NAME
    rm -rf "$B" "$BIN"
    mkdir -p "$B"/{ferretcc,sancov,afl,cmplog,cov} "$BIN"/{ferret,libfuzzer,afl,cmplog,cov}
    lib_prepare
    if needs_engine ferret; then build_ferret; fi
    if needs_engine libfuzzer; then
        log "$LIB_NAME: build sancov (libFuzzer)"
        ( CC=clang CXX=clang++ CFLAGS="$CFLAGS_BASE -fsanitize=fuzzer-no-link"
          lib_build "$B/sancov"
          CFLAGS="$CFLAGS_BASE"
          lib_link "$B/sancov" "$BIN/libfuzzer/$LIB_TARGET" -fsanitize=fuzzer )
    fi
    if needs_engine aflpp; then
        log "$LIB_NAME: build AFL++"
        ( export AFL_QUIET=1
          CC=afl-clang-fast CXX=afl-clang-fast++ CFLAGS="$CFLAGS_BASE"
          lib_build "$B/afl"
          lib_link "$B/afl" "$BIN/afl/$LIB_TARGET" -fsanitize=fuzzer )
        log "$LIB_NAME: build AFL++ CmpLog"
        ( export AFL_QUIET=1 AFL_LLVM_CMPLOG=1
          CC=afl-clang-fast CXX=afl-clang-fast++ CFLAGS="$CFLAGS_BASE"
          lib_build "$B/cmplog"
          lib_link "$B/cmplog" "$BIN/cmplog/$LIB_TARGET" -fsanitize=fuzzer )
    fi
    log "$LIB_NAME: build coverage"
    ( CC=clang CXX=clang++ CFLAGS="$CFLAGS_COV"
      lib_build "$B/cov"
      clang $CFLAGS_COV -c "$ROOT/bench/libs/driver.c" -o "$B/cov/replay_driver.o"
      lib_link "$B/cov" "$BIN/cov/$LIB_TARGET" "$B/cov/replay_driver.o" )
    log "$LIB_NAME: seeds"
    local S=$WORK/seeds/$LIB_NAME
    rm -rf "$S"; mkdir -p "$S"
    ( CC=clang CXX=clang++ CFLAGS="$CFLAGS_COV" BUILD_COV=$B/cov; lib_seeds "$S" )
    [ -n "$(ls -A "$S")" ] || die "$LIB_NAME: no seeds"
    log "$LIB_NAME: $(ls "$S" | wc -l) seeds, $(du -sk "$S" | cut -f1) KiB"
}

# build_ferret: the library compiled with ferret-cc/ferret-c++ (with no
# -fsanitize flag the wrapper adds -fsanitize=fuzzer-no-link and its own
# instrumentation), the harness linked through the wrapper with
# -fsanitize=fuzzer, so the binary links libferret.a as a user's would.
build_ferret() {
    local B=$WORK/build/$LIB_NAME BIN=$WORK/bin/$LIB_NAME
    rm -rf "$B/ferretcc"; mkdir -p "$B/ferretcc" "$BIN/ferret"
    log "$LIB_NAME: build ferretcc (ferret, with $FERRET_CC)"
    ( CC=$FERRET_CC CXX=$FERRET_CXX CFLAGS="$CFLAGS_BASE"
      lib_build "$B/ferretcc"
      lib_link "$B/ferretcc" "$BIN/ferret/$LIB_TARGET" -fsanitize=fuzzer )
}

# relink: only ferret's build again (the library with ferret-cc, then the
# ferret binary) with this run's ferret; the other builds of an earlier run
# in the same BENCH_LIB_WORK are kept, to measure a newer ferret against
# the same libFuzzer, AFL++ and coverage builds.
relink() {
    [ -d "$WORK/build/$LIB_NAME/cov" ] || die "$LIB_NAME: no earlier build in $WORK (relink needs one)"
    lib_prepare
    with_lock build_ferret
}

# ---- fuzzing --------------------------------------------------------------------
# Each run: its own directory $WORK/run/<lib>/<engine>/, 2 workers, the same
# seeds and the package's dictionary, under flock $LOCK.
# measured CMD...: CMD under the lock (a run dir R must be set); writes
# R/usage: wall seconds, CPU seconds of CMD and all its descendants (user+sys,
# from `times`: every engine waits for its workers), and the CPU seconds the
# whole machine was busy meanwhile (/proc/stat), so the CPU that *other*
# processes took during the run is known.  Returns CMD's status.
busy_s() { awk -v hz="$(getconf CLK_TCK)" '/^cpu / { print ($2 + $3 + $4 + $7 + $8) / hz; exit }' /proc/stat; }
measured() {
    ( flock 9
      local b0 b1 t0 t1 rc=0
      b0=$(busy_s); t0=$EPOCHREALTIME
      "$@" 9>&- || rc=$?
      b1=$(busy_s); t1=$EPOCHREALTIME
      times > "$R/times"   # a builtin, no fork: the children's times are ours
      tail -1 "$R/times" | awk -v t0="$t0" -v t1="$t1" -v b0="$b0" -v b1="$b1" '
          function sec(x,  m, s) { m = x; sub(/m.*/, "", m); s = x; sub(/^[0-9]+m/, "", s); sub(/s$/, "", s); return m * 60 + s }
          { own = sec($1) + sec($2); wall = t1 - t0; busy = b1 - b0
            printf "wall %.1f own_cpu %.1f machine_cpu %.1f others_cores %.2f\n", wall, own, busy, (wall > 0 ? (busy - own) / wall : 0) }' > "$R/usage"
      exit $rc ) 9>>"$LOCK"
}
locked() { measured "$@"; }
# with_lock FUNC ARGS...: a shell function under the lock (in a subshell).
# Neither runs its command with the lock's descriptor: bash keeps it on a
# close-on-exec copy, so nothing the command starts inherits the lock (a
# process that outlived its run held it before: AFL++'s CmpLog fork server,
# left stopped and orphaned when afl-fuzz -V ended, blocked every later step).
with_lock() { ( flock 9; "$@" 9>&- ) 9>>"$LOCK"; }

# reap_leftovers: SIGKILL any process still running one of this library's
# fuzzing binaries after an engine's run (see above: AFL++'s fork servers can
# be left behind, stopped), matched by the exact path of /proc/PID/exe.
reap_leftovers() {
    local p e b n=0 bins=()
    for b in "$WORK/bin/$LIB_NAME"/*/"$LIB_TARGET"; do
        [ -e "$b" ] && bins+=("$(readlink -f "$b")")
    done
    for p in /proc/[0-9]*; do
        e=$(readlink "$p/exe" 2>/dev/null) || continue
        for b in "${bins[@]}"; do
            [ "$e" = "$b" ] && kill -KILL "${p#/proc/}" 2>/dev/null && n=$((n + 1))
        done
    done
    [ "$n" = 0 ] || log "$LIB_NAME: killed $n leftover process(es) of the fuzzing binaries"
}

fuzz_ferret() {
    local R=$1 bin=$WORK/bin/$LIB_NAME/ferret/$LIB_TARGET; shift
    mkdir -p "$R/cache"
    ( cd "$R"
      # A safety net only: ferret stops by itself after -fuzztime.
      # -keep_going=1: a finding (a crash, an out-of-memory, a timeout) is
      # written and fuzzing goes on, as libFuzzer's -fork=2 with
      # -ignore_crashes/-ignore_ooms/-ignore_timeouts and AFL++ do; without
      # it the run ends at the first (libtiff: an out-of-memory after 46 s).
      locked timeout -s INT -k 30 $((SECS + 300)) \
          "$bin" -fuzz -fuzztime="${SECS}s" -parallel=2 -keep_going=1 -cachedir="$R/cache" \
          ${LIB_DICT:+-dict="$SRC/$LIB_DICT"} "$@" "$SEEDS" > "$R/log" 2>&1; echo $? > "$R/rc" ) || true
}

# Diagnostic only (not in the default ENGINES): ferret without minimization.
fuzz_ferret_nomin() { fuzz_ferret "$1" -fuzzminimizetime=0; }
# Diagnostic only: ferret without value profile (libFuzzer's default).
fuzz_ferret_novp() { fuzz_ferret "$1" -use_value_profile=0; }

fuzz_libfuzzer() {
    local R=$1 bin=$WORK/bin/$LIB_NAME/libfuzzer/$LIB_TARGET
    mkdir -p "$R/corpus" "$R/artifacts"
    ( cd "$R"
      locked timeout -s INT -k 30 $((SECS + 300)) \
          "$bin" -fork=2 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
          -max_total_time="$SECS" ${LIB_DICT:+-dict="$SRC/$LIB_DICT"} \
          -artifact_prefix="$R/artifacts/" "$R/corpus" "$SEEDS" > "$R/log" 2>&1; echo $? > "$R/rc" ) || true
}

fuzz_aflpp() {
    local R=$1 bin=$WORK/bin/$LIB_NAME/afl/$LIB_TARGET cmp=$WORK/bin/$LIB_NAME/cmplog/$LIB_TARGET
    mkdir -p "$R/out"
    ( cd "$R"
      export AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
      locked timeout -s INT -k 30 $((SECS + 300)) bash -c '
          afl-fuzz -i "$0" -o "$1/out" -M main -c "$2" ${3:+-x "$3"} -V "$4" -- "$5" > "$1/log.main" 2>&1 &
          m=$!
          sleep 1
          afl-fuzz -i "$0" -o "$1/out" -S sec ${3:+-x "$3"} -V "$4" -- "$5" > "$1/log.sec" 2>&1 &
          s=$!
          rcm=0; rcs=0; wait $m || rcm=$?; wait $s || rcs=$?
          echo "main=$rcm sec=$rcs" > "$1/rc"
      ' "$SEEDS" "$R" "$cmp" "${LIB_DICT:+$SRC/$LIB_DICT}" "$SECS" "$bin" ) || true
}

fuzz() {
    local e R
    for e in $ENGINES; do
        R=$WORK/run/$LIB_NAME/$e
        rm -rf "$R"; mkdir -p "$R"
        log "$LIB_NAME: $e, ${SECS}s, 2 workers (waiting for $LOCK if taken)"
        local t0=$EPOCHSECONDS
        "fuzz_$e" "$R"
        reap_leftovers
        echo $((EPOCHSECONDS - t0)) > "$R/wall"
        log "$LIB_NAME: $e done in $(cat "$R/wall")s (incl. any wait for the lock), rc $(cat "$R/rc" 2>/dev/null || echo ?); $(cat "$R/usage" 2>/dev/null)"
    done
}

# ---- coverage ------------------------------------------------------------------
# The files an engine's run produced, one path a line.  Every engine's measured
# corpus is the seeds plus what it kept, crashers and hangs included (they
# executed code too).
corpus_files() {
    local e=$1 R=$WORK/run/$LIB_NAME/$1
    case $e in
    seeds) : ;;
    ferret|ferret_nomin|ferret_novp) find "$R/cache" -type f -not -name '.*'
            [ -d "$R/testdata/fuzz/$LIB_TARGET" ] && find "$R/testdata/fuzz/$LIB_TARGET" -type f ;;
    libfuzzer) find "$R/corpus" "$R/artifacts" -type f ;;
    aflpp) find "$R"/out/*/queue "$R"/out/*/crashes "$R"/out/*/hangs -maxdepth 1 -type f -name 'id:*' ;;
    esac 2>/dev/null || true
}

# replay LIST PROFDIR: runs the coverage build over LIST, restarting after
# an input that crashes or hangs it (see bench/libs/driver.c).
replay() {
    local list=$1 P=$2 bin=$WORK/bin/$LIB_NAME/cov/$LIB_TARGET start=0 rc n total died=0
    total=$(wc -l < "$list")
    rm -rf "$P"; mkdir -p "$P"
    while [ "$start" -lt "$total" ]; do
        rc=0
        LLVM_PROFILE_FILE="$P/%p.profraw" REPLAY_TIMEOUT=10 \
            "$bin" -s "$start" -p "$P/progress" -l "$list" > /dev/null 2>&1 || rc=$?
        [ "$rc" = 0 ] && break
        n=$(cat "$P/progress" 2>/dev/null || echo "$start")
        echo "$(sed -n "$((n + 1))p" "$list") rc=$rc" >> "$P/died"
        died=$((died + 1))
        start=$((n + 1))
    done
    echo "$died" > "$P/ndied"
}

# coverage ENGINE: prints "branches_cov branches_total lines_cov lines_total files inputs died"
coverage() {
    local e=$1 C=$WORK/cov/$LIB_NAME/$1 bin=$WORK/bin/$LIB_NAME/cov/$LIB_TARGET
    mkdir -p "$C"
    { find "$SEEDS" -type f; corpus_files "$e"; } | sort -u > "$C/list"
    replay "$C/list" "$C/prof"
    llvm-profdata-14 merge -sparse "$C"/prof/*.profraw -o "$C/merged.profdata"
    llvm-cov-14 export -summary-only -instr-profile="$C/merged.profdata" "$bin" \
        -ignore-filename-regex="$LIB_COV_EXCLUDE" > "$C/summary.json"
    llvm-cov-14 report -instr-profile="$C/merged.profdata" "$bin" \
        -ignore-filename-regex="$LIB_COV_EXCLUDE" > "$C/report.txt"
    jq -r --arg n "$(wc -l < "$C/list")" --arg d "$(cat "$C/prof/ndied")" \
        '.data[0] | "\(.totals.branches.covered) \(.totals.branches.count) \(.totals.lines.covered) \(.totals.lines.count) \(.files | length) \($n) \($d)"' \
        "$C/summary.json"
}

# built_with ENGINE: how the binary that engine ran was built (the table's column).
built_with() {
    case $1 in
    seeds) echo "-" ;;
    ferret|ferret_nomin|ferret_novp) echo "ferret-cc" ;;
    libfuzzer) echo "clang -fsanitize=fuzzer" ;;
    aflpp) echo "afl-clang-fast (+ CmpLog build)" ;;
    *) echo "?" ;;
    esac
}

# ---- main ------------------------------------------------------------------------
# One function, called on the last line: bash parses it whole before running,
# and the exit on the same line stops bash reading on, so editing this file
# during a run cannot derail the run.
main() {
    deps
    RESULTS=${BENCH_LIB_RESULTS:-$WORK/results.md}
    rm -f "$WORK/ratios"
    if has_part cov; then
        cpu_model=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || echo "?")
        {
            echo "ferret library bench, $(date -u '+%Y-%m-%d %H:%M UTC'); $(cat "$WORK/ferret-lib" 2>/dev/null || echo 'ferret: ?')"
            echo "machine: $(nproc) cores ($cpu_model), $(uname -sr), $(clang --version | head -1), $(afl-fuzz -h 2>&1 | head -1 | sed 's/\x1b\[[0-9;]*m//g' | awk '{print $1}')"
            echo "fuzzing: ${SECS}s per engine, 2 workers; branch/line coverage of the library's own files (llvm-cov-14)"
            echo
            echo "| library | engine | built with | branches covered | branch % | lines covered | line % | corpus files | engine CPU s / wall s | others' cores | run |"
            echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
        } > "$RESULTS"
    fi
    for LIB_NAME in $LIBS; do
        [ -f "$ROOT/bench/libs/$LIB_NAME.sh" ] || die "no bench/libs/$LIB_NAME.sh"
        # shellcheck source=/dev/null
        source "$ROOT/bench/libs/$LIB_NAME.sh"
        fetch
        SEEDS=$WORK/seeds/$LIB_NAME
        log "$LIB_NAME: $LIB_PKG $VERSION, harness $LIB_TARGET, dictionary ${LIB_DICT:-none (the package ships none)}"
        # Builds and replays are CPU-heavy too: they take the lock as well, so
        # they never disturb another engineer's measurement.
        has_part build && with_lock build
        has_part relink && relink
        has_part fuzz && fuzz
        if has_part cov; then
            declare -A BR=() LN=()
            for e in seeds $ENGINES; do
                [ "$e" = seeds ] || [ -d "$WORK/run/$LIB_NAME/$e" ] || continue
                log "$LIB_NAME: coverage of $e"
                read -r bc bt lc lt nf ni nd < <(with_lock coverage "$e")
                BR[$e]=$bc LN[$e]=$lc
                note=""
                R=$WORK/run/$LIB_NAME/$e
                case $e in
                seeds) note="seeds only" ;;
                ferret|ferret_nomin|ferret_novp) note="rc $(cat "$R/rc" 2>/dev/null)"
                        # -keep_going=1: a finding does not stop the run; its
                        # summary line says how many distinct ones there were
                        # (an older run without it stopped at the first)
                        if grep -q '^fuzz: [0-9]* distinct finding' "$R/log" 2>/dev/null; then
                            note="$note; $(sed -n 's/^fuzz: \([0-9]* distinct findings*\).*/\1/p' "$R/log" | tail -1), fuzzed for $(grep -o 'elapsed: [0-9hms]*' "$R/log" | tail -1 | cut -d' ' -f2)"
                        elif grep -q 'found a crash\|found a hang\|--- FAIL' "$R/log" 2>/dev/null; then
                            note="$note; STOPPED at a failure after $(grep -o 'elapsed: [0-9hms]*' "$R/log" | tail -1 | cut -d' ' -f2)"
                        fi ;;
                libfuzzer) note="rc $(cat "$R/rc" 2>/dev/null); $(ls "$R/artifacts" 2>/dev/null | wc -l) artifacts" ;;
                aflpp) note="$(cat "$R/rc" 2>/dev/null); $(find "$R"/out/*/crashes "$R"/out/*/hangs -name 'id:*' 2>/dev/null | wc -l) crashes+hangs" ;;
                esac
                [ "$nd" -gt 0 ] && note="$note; $nd inputs crashed/hung the replay"
                local cpu="-" oth="-"
                if [ -f "$R/usage" ] && [ "$e" != seeds ]; then
                    cpu=$(awk '{ printf "%.0f / %.0f", $4, $2 }' "$R/usage")
                    oth=$(awk '{ printf "%.2f", $8 }' "$R/usage")
                fi
                printf '| %s | %s | %s | %s / %s | %s | %s / %s | %s | %s | %s | %s | %s |\n' "$LIB_NAME" "$e" "$(built_with "$e")" "$bc" "$bt" \
                    "$(awk -v a="$bc" -v b="$bt" 'BEGIN { printf "%.2f", b ? 100 * a / b : 0 }')" "$lc" "$lt" \
                    "$(awk -v a="$lc" -v b="$lt" 'BEGIN { printf "%.2f", b ? 100 * a / b : 0 }')" "$ni" "$cpu" "$oth" "$note" >> "$RESULTS"
                log "$LIB_NAME: $e: branches $bc/$bt, lines $lc/$lt in $nf files, $ni inputs"
            done
            for o in libfuzzer aflpp; do
                if [ -n "${BR[ferret]:-}" ] && [ -n "${BR[$o]:-}" ]; then
                    echo "$LIB_NAME: ferret/$o: branches covered $(awk -v a="${BR[ferret]}" -v b="${BR[$o]}" 'BEGIN { printf "%.3f", b ? a / b : 0 }'), lines covered $(awk -v a="${LN[ferret]}" -v b="${LN[$o]}" 'BEGIN { printf "%.3f", b ? a / b : 0 }')  " >> "$WORK/ratios"
                fi
            done
            unset BR LN
        fi
    done
    if has_part cov; then
        echo >> "$RESULTS"
        [ -f "$WORK/ratios" ] && cat "$WORK/ratios" >> "$RESULTS" && rm -f "$WORK/ratios"
        cat "$RESULTS"
    fi
    log "everything is in $WORK"
}
main "$@"; exit $?   # on one line: bash never reads past it, even if the file was edited meanwhile
