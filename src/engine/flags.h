/*
 * flags.h - the command line, as one X-macro table.
 *
 * Each row: X(name, type, default, group, help).  The table generates the options
 * struct, the parser and the usage text, so a flag is added in one place.
 * Syntax: -name=value or --name=value; a BOOL may stand alone (-name); so may
 * -fuzz (meaning "fuzz the one target").  Anything not starting with '-' is
 * a positional path.
 */
#ifndef FERRET_FLAGS_H
#define FERRET_FLAGS_H

#include <stddef.h>
#include <stdint.h>

/* A -fuzztime style budget: nothing, a wall-clock time, or N executions. */
struct budget {
    enum { BUDGET_NONE = 0, BUDGET_TIME, BUDGET_COUNT } kind;
    uint64_t ns;     /* BUDGET_TIME */
    uint64_t count;  /* BUDGET_COUNT */
};

/* Documented bounds of the values the parser accepts (README, Flags).  A
 * value beyond one is an error naming the flag and the bound, never clamped. */
#define FLAGS_MAX_WORKERS 256                      /* -parallel, -jobs, -workers, -fork */
#define FLAGS_MAX_LEN (64ULL << 20)                /* -max_len: each worker maps 3 x this */
#define FLAGS_MAX_MB (16ULL << 20)                 /* -rss_limit_mb, -malloc_limit_mb: 16 TiB */
#define FLAGS_MAX_DURATION_NS (100000ULL * 3600 * 1000000000ULL) /* any duration: 100000h */
#define FLAGS_MAX_SECONDS (100000ULL * 3600)       /* -max_total_time, in seconds */
#define FLAGS_MIN_TIMEOUT_NS 1000000ULL            /* -timeout: 1ms .. */
#define FLAGS_MAX_TIMEOUT_NS (24ULL * 3600 * 1000000000ULL) /* .. 24h */

#define FERRET_FLAGS(X)                                                                  \
    X(fuzz, FUZZ, NULL, GO, "fuzz (with an optional target name) instead of replaying the corpus") \
    X(run, STRING, NULL, GO, "replay only the targets and entries matching Target/entry (regular expressions, as go test -run)") \
    X(fuzztime, BUDGET, "0", GO, "how long to fuzz: a duration (30s, 1m30s, 250ms, 1.5s; at most 100000h) or Nx executions (N >= 1); 0 = until a failure or Ctrl-C") \
    X(fuzzminimizetime, MINBUDGET, "60s", GO, "budget for minimizing each crasher (and, with -minimize_inputs=1, each coverage-expanding input): a duration or Nx; 0 (0s, 0x) turns minimization off") \
    X(minimize_inputs, BOOL, "0", BOTH, "also minimize each coverage-expanding input within -fuzzminimizetime, keeping every edge it hit (Go's engine always does); 0: new inputs stay as found and only shrink by reduction, as libFuzzer's do") \
    X(parallel, WORKERS, "0", GO, "number of worker processes, 0..256; 0 = one per online CPU (at most 256)") \
    X(timeout, SECONDS, "0", BOTH, "an input running longer than this is a hang: seconds (5, 1.5) or a duration (500ms), 1ms..24h; 0 = auto") \
    X(seed, UINT64, "0", BOTH, "random seed; 0 = pick one and print it") \
    X(cachedir, STRING, NULL, GO, "cache corpus directory; default $XDG_CACHE_HOME/ferret/<target> or ~/.cache/ferret/<target>") \
    X(max_len, LEN, "0", BOTH, "maximum input length in bytes, at most 67108864 (64 MiB); 0 = max(4096, largest corpus input)") \
    X(dict, STRING, NULL, BOTH, "dictionary file (libFuzzer/AFL format) of words the mutator inserts") \
    X(use_cmp, BOOL, "1", GO, "use comparison feedback: operands the target compared guide mutations") \
    X(use_value_profile, BOOL, "1", BOTH, "count comparison distances (and memcmp/strcmp prefixes) as coverage; not given: on, but paused while edges come fast (once 64 inputs with new edges were kept, while 8 come within 32768 executions); 1: always on, as libFuzzer's; 0: off (libFuzzer's default)") \
    X(rss_limit_mb, MB, "2048", BOTH, "a worker whose resident memory grows past this (MiB, at most 16777216) is an out-of-memory finding; 0 = no limit") \
    X(malloc_limit_mb, MB, "0", BOTH, "one allocation larger than this (MiB, at most 16777216) is an out-of-memory finding; 0 = same as -rss_limit_mb") \
    X(detect_leaks, BOOL, "1", BOTH, "with LeakSanitizer linked in (ASan, LSan): an input that leaks memory is a finding") \
    X(close_fd_mask, FDMASK, "0", BOTH, "in workers, 1 closes stdout, 2 closes stderr (sanitizer reports too), 3 both; 0..3") \
    X(keep_going, BOOL, "0", GO, "go on fuzzing after a finding; one artifact per distinct stack signature, with a count") \
    X(ignore_crashes, BOOL, "0", BOTH, "libFuzzer's name for -keep_going=1") \
    X(v, INT, "0", GO, "verbosity: 1 logs each new input and worker restart") \
    X(runs, SINT, "-1", LF, "libFuzzer: number of executions (-1: no limit); with files: run each this many times") \
    X(max_total_time, SECS, "0", LF, "libFuzzer: whole seconds to fuzz, at most 360000000; 0 = no limit") \
    X(jobs, WORKERS, "0", LF, "libFuzzer: mapped onto ferret workers (min(jobs, CPUs)), at most 256") \
    X(workers, WORKERS, "0", LF, "libFuzzer: mapped onto ferret workers, at most 256") \
    X(fork, WORKERS, "0", LF, "libFuzzer: mapped onto ferret workers, at most 256") \
    X(artifact_prefix, STRING, "./", LF, "libFuzzer: artifacts are written as <prefix>crash-<sha1> (timeout-, oom-, leak-)") \
    X(exact_artifact_path, STRING, NULL, LF, "libFuzzer: write the (single) artifact to this path") \
    X(merge, BOOL, "0", LF, "libFuzzer: merge the 2nd, 3rd... corpus directories into the 1st, keeping a minimal covering set") \
    X(set_cover_merge, BOOL, "0", LF, "libFuzzer: -merge with a greedy set cover") \
    X(merge_control_file, STRING, NULL, LF, "libFuzzer: merge progress file; a killed merge resumes from it") \
    X(minimize_crash, BOOL, "0", LF, "libFuzzer: minimize the crashing input given (budget: -runs or -max_total_time)") \
    X(cleanse_crash, BOOL, "0", LF, "libFuzzer: replace the bytes of the crashing input given that do not matter with ' ' or 0xff, while it fails the same way; writes -exact_artifact_path (needed)") \
    X(only_ascii, BOOL, "0", LF, "libFuzzer: generate only ASCII (printable and space) inputs") \
    X(print_final_stats, BOOL, "0", LF, "libFuzzer: print stat:: lines at exit") \
    X(error_exitcode, EXITCODE, "77", LF, "libFuzzer: exit code for a crash or leak found, 1..255") \
    X(timeout_exitcode, EXITCODE, "70", LF, "libFuzzer: exit code for a timeout found, 1..255") \
    X(ignore_timeouts, BOOL, "1", LF, "libFuzzer: with -fork (or given), a timeout is written and fuzzing goes on") \
    X(ignore_ooms, BOOL, "1", LF, "libFuzzer: with -fork (or given), an out-of-memory is written and fuzzing goes on") \
    X(ignore_remaining_args, BOOL, "0", LF, "libFuzzer: ignore every argument after this one") \
    X(verbosity, INT, "1", LF, "libFuzzer: 1 (ferret's output); 2 and up also log each new input and worker restart (-v=1)") \
    X(reload, INT, "1", LF, "libFuzzer: every N seconds, take in the inputs other processes added to the first corpus directory; 0 = never") \
    X(len_control, INT, "100", LF, "libFuzzer: how slowly the longest mutated input grows while nothing is found; 0 = -max_len at once") \
    X(stop_file, STRING, NULL, LF, "libFuzzer: stop fuzzing, as when the budget is spent, once this file exists") \
    X(features_dir, STRING, NULL, LF, "libFuzzer: write each corpus input's features (uint32 ids) to a file of its name in this directory") \
    X(print_pcs, BOOL, "0", LF, "libFuzzer: print each PC covered for the first time: NEW_PC: 0x... in func file:line") \
    X(exit_on_item, STRING, NULL, LF, "libFuzzer: stop fuzzing (exit 0) once an input with this SHA-1 is in the corpus") \
    X(exit_on_src_pos, STRING, NULL, LF, "libFuzzer: stop fuzzing (exit 0) once new coverage is at this source position (file.c:123)") \
    X(seed_inputs, STRING, NULL, LF, "libFuzzer: more seed files: FILE,FILE,... or @LISTFILE holding such a list") \
    X(handle_int, BOOL, "1", LF, "libFuzzer: SIGINT stops fuzzing cleanly; 0 = it kills the process") \
    X(handle_term, BOOL, "1", LF, "libFuzzer: SIGTERM stops fuzzing cleanly; 0 = it kills the process") \
    X(handle_usr1, BOOL, "1", LF, "libFuzzer: SIGUSR1 stops fuzzing cleanly; 0 = it kills the process") \
    X(handle_usr2, BOOL, "1", LF, "libFuzzer: SIGUSR2 stops fuzzing cleanly; 0 = it kills the process") \
    X(create_missing_dirs, BOOL, "0", LF, "libFuzzer: create the corpus directories, -artifact_prefix's, -exact_artifact_path's and -features_dir if missing") \
    X(print_coverage, BOOL, "0", LF, "libFuzzer: at exit, print each function's covered edges and uncovered PCs") \
    X(print_corpus_stats, BOOL, "0", LF, "libFuzzer: at exit, print each corpus input's size, executions and inputs found from it") \
    X(sync_dir, STRING, NULL, GO, "a directory shared by several ferret instances (NFS, a mounted bucket): corpus entries and findings are exchanged there") \
    X(tui, BOOL, "1", GO, "a live status screen when stderr is a terminal (Go mode); 0: progress lines") \
    X(stats_file, STRING, NULL, BOTH, "append the run's state to this file as one JSON object a line, every -stats_interval and at the end") \
    X(stats_interval, SECONDS, "10", BOTH, "how often -stats_file gets a line: seconds (10, 0.5) or a duration (500ms), 1ms..24h") \
    X(coverage_report, STRING, NULL, BOTH, "write a coverage report (index.html, a page per source file, summary.txt) to this directory at the end; without -fuzz (or with -runs=0) the corpus is run once for it") \
    X(clean_fuzzcache, BOOL, "0", GO, "remove this binary's cache corpus (or -cachedir's): the files ferret wrote there, as go clean -fuzzcache; then exit") \
    X(report, STRING, NULL, GO, "write the findings report (findings.txt, findings.html) to this directory: at the end of -fuzz, or without -fuzz over the findings files given (default testdata/fuzz/<target>/)") \
    X(help, BOOL, "0", BOTH, "print this help on stdout and exit (also -h, --help)") \
    X(version, BOOL, "0", BOTH, "print ferret's version on stdout and exit")

/* The types, with the values each accepts (anything else is an error):
 *   BOOL      1, 0, true, false (alone: 1)
 *   INT       a decimal integer >= 0
 *   SINT      -1 (none) or a decimal integer >= 0 (-runs)
 *   UINT64    a decimal integer >= 0, up to 2^64-1 (-seed)
 *   WORKERS   0 .. FLAGS_MAX_WORKERS
 *   LEN       0 .. FLAGS_MAX_LEN bytes
 *   MB        0 .. FLAGS_MAX_MB MiB
 *   SECS      whole seconds, 0 .. FLAGS_MAX_SECONDS (-max_total_time)
 *   EXITCODE  1 .. 255 (0 would pass a crash off as success)
 *   FDMASK    0 .. 3
 *   BUDGET    "0" (none), a duration > 0 or Nx with N >= 1 (-fuzztime)
 *   MINBUDGET a duration or Nx; any zero (0, 0s, 0x) = none (-fuzzminimizetime)
 *   SECONDS   "0" (auto), or seconds (5, 1.5) or a duration in 1ms..24h (-timeout)
 * A decimal integer is digits only: no sign (but SINT's -1), no spaces, no
 * trailing characters, no 0x.  A duration is one or more <number><unit>,
 * number = digits with an optional fraction (1.5), unit = ns, us, ms, s, m, h,
 * at most FLAGS_MAX_DURATION_NS in all. */
enum flag_type {
    FLAG_BOOL, FLAG_INT, FLAG_SINT, FLAG_UINT64, FLAG_WORKERS, FLAG_LEN, FLAG_MB, FLAG_SECS,
    FLAG_EXITCODE, FLAG_FDMASK, FLAG_BUDGET, FLAG_MINBUDGET, FLAG_SECONDS, FLAG_STRING, FLAG_FUZZ
};

#define FLAG_CTYPE_BOOL int
#define FLAG_CTYPE_INT long long
#define FLAG_CTYPE_SINT long long /* may be -1 */
#define FLAG_CTYPE_UINT64 uint64_t
#define FLAG_CTYPE_WORKERS long long
#define FLAG_CTYPE_LEN long long
#define FLAG_CTYPE_MB long long
#define FLAG_CTYPE_SECS long long
#define FLAG_CTYPE_EXITCODE long long
#define FLAG_CTYPE_FDMASK long long
#define FLAG_CTYPE_BUDGET struct budget
#define FLAG_CTYPE_MINBUDGET struct budget
#define FLAG_CTYPE_SECONDS uint64_t /* nanoseconds */
#define FLAG_CTYPE_STRING const char *
#define FLAG_CTYPE_FUZZ const char * /* NULL: not fuzzing */

/* Which command lines a flag belongs to: Go-style, libFuzzer-only, both.
 * Giving any libFuzzer-only flag switches on libFuzzer mode (libfuzzer.c).
 * One command line speaks one of the two: -fuzz, -fuzztime and -parallel
 * (whose libFuzzer counterparts are the mode itself, -runs/-max_total_time
 * and -workers) together with a libFuzzer-only flag or FERRET_LIBFUZZER=1
 * are an error naming both, as is -cachedir next to libFuzzer's corpus
 * arguments (the first directory receives new inputs there). */
enum flag_group { FLAG_GROUP_GO, FLAG_GROUP_LF, FLAG_GROUP_BOTH };

/* FLAG_ID_<name>: a flag's row in the table, to index options.given. */
enum flag_id {
#define FLAG_ID(name, type, def, group, help) FLAG_ID_##name,
    FERRET_FLAGS(FLAG_ID)
#undef FLAG_ID
    FLAG_COUNT
};

struct options {
#define FLAG_FIELD(name, type, def, group, help) FLAG_CTYPE_##type name;
    FERRET_FLAGS(FLAG_FIELD)
#undef FLAG_FIELD
    char **paths;   /* positional arguments */
    int npaths;
    int libfuzzer;  /* a libFuzzer-only flag was given, or FERRET_LIBFUZZER=1 */
    const char *lf_arg;               /* the first libFuzzer-only flag, as written */
    const char *given[FLAG_COUNT];    /* each flag given, as written last ("-runs=10"); NULL: default */
    int nunknown;   /* unknown flags (errors, or warnings in libFuzzer mode) */
    char **unknown;
};

/* Parses argv into *o (defaults first).  On error returns -1 and writes one
 * line naming the bad flag into err.  An unknown flag is an error, except in
 * libFuzzer mode (a libFuzzer-only flag given, or FERRET_LIBFUZZER=1), where
 * it is kept in o->unknown for a warning, as libFuzzer does. */
int flags_parse(struct options *o, int argc, char **argv, char *err, size_t errlen);
void flags_free(struct options *o);

/* libFuzzer's flags ferret does not implement (flags.c's table), for the
 * man page (tools/ferret-man.c): the i-th one's name, the values accepted
 * because they ask for what ferret does anyway (a comma-separated list, or
 * NULL: none) and what ferret does instead (NULL: nothing to say).  Returns
 * 0 once i is past the end. */
int flags_refused(size_t i, const char **name, const char **ok, const char **does);

/* -fuzztime: "10s", "1m30s", "250ms", "1.5s", "1h" -> ns; "500x" -> count;
 * "0" -> none.  Any other zero ("0x", "0s") is an error, as is a duration
 * without a unit ("10").  -fuzzminimizetime's form, allow_zero, takes every
 * zero for none. */
int flags_parse_budget(const char *s, struct budget *b);
int flags_parse_min_budget(const char *s, struct budget *b);
/* -timeout: "0" -> 0 (auto); a number of seconds ("5", "1.5") or a duration,
 * within FLAGS_MIN_TIMEOUT_NS..FLAGS_MAX_TIMEOUT_NS. */
int flags_parse_seconds(const char *s, uint64_t *ns);

#endif
