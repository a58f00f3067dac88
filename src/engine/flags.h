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

#define FERRET_FLAGS(X)                                                                  \
    X(fuzz, FUZZ, NULL, GO, "fuzz (with an optional target name) instead of replaying the corpus") \
    X(run, STRING, NULL, GO, "replay only the targets and entries matching Target/entry (regular expressions, as go test -run)") \
    X(fuzztime, BUDGET, "0", GO, "how long to fuzz: a duration (30s, 5m, 1h) or Nx executions; 0 = until a failure or Ctrl-C") \
    X(fuzzminimizetime, BUDGET, "60s", GO, "budget for minimizing each input: a duration or Nx; 0 turns minimization off") \
    X(parallel, INT, "0", GO, "number of worker processes; 0 = one per online CPU") \
    X(timeout, SECONDS, "0", BOTH, "an input running longer than this is a hang (seconds or a duration); 0 = auto: 20x the slowest corpus input, within 1s..10s") \
    X(seed, UINT64, "0", BOTH, "random seed; 0 = pick one and print it") \
    X(cachedir, STRING, NULL, GO, "cache corpus directory; default $XDG_CACHE_HOME/ferret/<target> or ~/.cache/ferret/<target>") \
    X(max_len, INT, "0", BOTH, "maximum input length in bytes; 0 = max(4096, largest corpus input)") \
    X(dict, STRING, NULL, BOTH, "dictionary file (libFuzzer/AFL format) of words the mutator inserts") \
    X(use_cmp, BOOL, "1", GO, "use comparison feedback: operands the target compared guide mutations") \
    X(use_value_profile, BOOL, "0", BOTH, "also count comparison distances as coverage (more inputs kept; slower)") \
    X(rss_limit_mb, INT, "2048", BOTH, "a worker whose resident memory grows past this is an out-of-memory finding; 0 = no limit") \
    X(malloc_limit_mb, INT, "0", BOTH, "one allocation larger than this is an out-of-memory finding; 0 = same as -rss_limit_mb") \
    X(detect_leaks, BOOL, "1", BOTH, "with LeakSanitizer linked in (ASan, LSan): an input that leaks memory is a finding") \
    X(close_fd_mask, INT, "0", BOTH, "in workers, 1 closes stdout, 2 closes stderr (sanitizer reports too), 3 both") \
    X(keep_going, BOOL, "0", GO, "go on fuzzing after a finding; one artifact per distinct stack signature, with a count") \
    X(ignore_crashes, BOOL, "0", BOTH, "libFuzzer's name for -keep_going=1") \
    X(v, INT, "0", GO, "verbosity: 1 logs each new input and worker restart") \
    X(runs, SINT, "-1", LF, "libFuzzer: number of executions (-1: no limit); with files: run each this many times") \
    X(max_total_time, INT, "0", LF, "libFuzzer: seconds to fuzz; 0 = no limit") \
    X(jobs, INT, "0", LF, "libFuzzer: mapped onto ferret workers (min(jobs, CPUs))") \
    X(workers, INT, "0", LF, "libFuzzer: mapped onto ferret workers") \
    X(fork, INT, "0", LF, "libFuzzer: mapped onto ferret workers") \
    X(artifact_prefix, STRING, "./", LF, "libFuzzer: artifacts are written as <prefix>crash-<sha1> (timeout-, oom-, leak-)") \
    X(exact_artifact_path, STRING, NULL, LF, "libFuzzer: write the (single) artifact to this path") \
    X(merge, BOOL, "0", LF, "libFuzzer: merge the 2nd, 3rd... corpus directories into the 1st, keeping a minimal covering set") \
    X(set_cover_merge, BOOL, "0", LF, "libFuzzer: -merge with a greedy set cover") \
    X(merge_control_file, STRING, NULL, LF, "libFuzzer: merge progress file; a killed merge resumes from it") \
    X(minimize_crash, BOOL, "0", LF, "libFuzzer: minimize the crashing input given (budget: -runs or -max_total_time)") \
    X(only_ascii, BOOL, "0", LF, "libFuzzer: generate only ASCII (printable and space) inputs") \
    X(print_final_stats, BOOL, "0", LF, "libFuzzer: print stat:: lines at exit") \
    X(error_exitcode, INT, "77", LF, "libFuzzer: exit code for a crash or leak found") \
    X(timeout_exitcode, INT, "70", LF, "libFuzzer: exit code for a timeout found") \
    X(ignore_timeouts, BOOL, "1", LF, "libFuzzer (fork mode): accepted") \
    X(ignore_ooms, BOOL, "1", LF, "libFuzzer (fork mode): accepted") \
    X(ignore_remaining_args, BOOL, "0", LF, "libFuzzer: ignore every argument after this one") \
    X(verbosity, INT, "1", LF, "libFuzzer: accepted") \
    X(reload, INT, "1", LF, "libFuzzer: accepted") \
    X(len_control, INT, "100", LF, "libFuzzer: accepted") \
    X(sync_dir, STRING, NULL, GO, "a directory shared by several ferret instances (NFS, a mounted bucket): corpus entries and findings are exchanged there") \
    X(help, BOOL, "0", BOTH, "print this help and exit")

enum flag_type { FLAG_BOOL, FLAG_INT, FLAG_SINT, FLAG_UINT64, FLAG_BUDGET, FLAG_SECONDS, FLAG_STRING, FLAG_FUZZ };

#define FLAG_CTYPE_BOOL int
#define FLAG_CTYPE_INT long long
#define FLAG_CTYPE_SINT long long /* may be negative */
#define FLAG_CTYPE_UINT64 uint64_t
#define FLAG_CTYPE_BUDGET struct budget
#define FLAG_CTYPE_SECONDS uint64_t /* nanoseconds */
#define FLAG_CTYPE_STRING const char *
#define FLAG_CTYPE_FUZZ const char * /* NULL: not fuzzing */

/* Which command lines a flag belongs to: Go-style, libFuzzer-only, both.
 * Giving any libFuzzer-only flag switches on libFuzzer mode (libfuzzer.c). */
enum flag_group { FLAG_GROUP_GO, FLAG_GROUP_LF, FLAG_GROUP_BOTH };

struct options {
#define FLAG_FIELD(name, type, def, group, help) FLAG_CTYPE_##type name;
    FERRET_FLAGS(FLAG_FIELD)
#undef FLAG_FIELD
    char **paths;   /* positional arguments */
    int npaths;
    int libfuzzer;  /* a libFuzzer-only flag was given */
    int nunknown;   /* unknown flags (errors, or warnings in libFuzzer mode) */
    char **unknown;
};

/* Parses argv into *o (defaults first).  On error returns -1 and writes one
 * line naming the bad flag into err.  An unknown flag is an error, except in
 * libFuzzer mode (a libFuzzer-only flag given, or FERRET_LIBFUZZER=1), where
 * it is kept in o->unknown for a warning, as libFuzzer does. */
int flags_parse(struct options *o, int argc, char **argv, char *err, size_t errlen);
void flags_usage(const char *argv0);
void flags_free(struct options *o);

/* "10s", "1m30s", "250ms", "1h" -> ns; "500x" -> count; "0" -> none. */
int flags_parse_budget(const char *s, struct budget *b);
/* A duration as above, or a bare number of seconds ("5" -> 5 s). */
int flags_parse_seconds(const char *s, uint64_t *ns);

#endif
