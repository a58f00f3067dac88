/*
 * flags.h - the command line, as one X-macro table.
 *
 * Each row: X(name, type, default, help).  The table generates the options
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
    X(fuzz, FUZZ, NULL, "fuzz (with an optional target name) instead of replaying the corpus") \
    X(fuzztime, BUDGET, "0", "how long to fuzz: a duration (30s, 5m, 1h) or Nx executions; 0 = until a failure or Ctrl-C") \
    X(fuzzminimizetime, BUDGET, "60s", "budget for minimizing each input: a duration or Nx; 0 turns minimization off") \
    X(parallel, INT, "0", "number of worker processes; 0 = one per online CPU") \
    X(timeout, SECONDS, "0", "an input running longer than this is a hang (seconds or a duration); 0 = auto: 20x the slowest corpus input, within 1s..10s") \
    X(seed, UINT64, "0", "random seed; 0 = pick one and print it") \
    X(cachedir, STRING, NULL, "cache corpus directory; default $XDG_CACHE_HOME/ferret/<target> or ~/.cache/ferret/<target>") \
    X(max_len, INT, "0", "maximum input length in bytes; 0 = max(4096, largest corpus input)") \
    X(dict, STRING, NULL, "dictionary file (libFuzzer/AFL format) of words the mutator inserts") \
    X(use_cmp, BOOL, "1", "use comparison feedback: operands the target compared guide mutations") \
    X(use_value_profile, BOOL, "0", "also count comparison distances as coverage (more inputs kept; slower)") \
    X(rss_limit_mb, INT, "2048", "a worker whose resident memory grows past this is an out-of-memory finding; 0 = no limit") \
    X(malloc_limit_mb, INT, "0", "one allocation larger than this is an out-of-memory finding; 0 = same as -rss_limit_mb") \
    X(detect_leaks, BOOL, "1", "with LeakSanitizer linked in (ASan, LSan): an input that leaks memory is a finding") \
    X(close_fd_mask, INT, "0", "in workers, 1 closes stdout, 2 closes stderr (sanitizer reports too), 3 both") \
    X(keep_going, BOOL, "0", "go on fuzzing after a finding; one artifact per distinct stack signature, with a count") \
    X(ignore_crashes, BOOL, "0", "libFuzzer's name for -keep_going=1") \
    X(v, INT, "0", "verbosity: 1 logs each new input and worker restart") \
    X(help, BOOL, "0", "print this help and exit")

enum flag_type { FLAG_BOOL, FLAG_INT, FLAG_UINT64, FLAG_BUDGET, FLAG_SECONDS, FLAG_STRING, FLAG_FUZZ };

#define FLAG_CTYPE_BOOL int
#define FLAG_CTYPE_INT long long
#define FLAG_CTYPE_UINT64 uint64_t
#define FLAG_CTYPE_BUDGET struct budget
#define FLAG_CTYPE_SECONDS uint64_t /* nanoseconds */
#define FLAG_CTYPE_STRING const char *
#define FLAG_CTYPE_FUZZ const char * /* NULL: not fuzzing */

struct options {
#define FLAG_FIELD(name, type, def, help) FLAG_CTYPE_##type name;
    FERRET_FLAGS(FLAG_FIELD)
#undef FLAG_FIELD
    char **paths;   /* positional arguments */
    int npaths;
};

/* Parses argv into *o (defaults first).  On error returns -1 and writes one
 * line naming the bad flag into err. */
int flags_parse(struct options *o, int argc, char **argv, char *err, size_t errlen);
void flags_usage(const char *argv0);

/* "10s", "1m30s", "250ms", "1h" -> ns; "500x" -> count; "0" -> none. */
int flags_parse_budget(const char *s, struct budget *b);
/* A duration as above, or a bare number of seconds ("5" -> 5 s). */
int flags_parse_seconds(const char *s, uint64_t *ns);

#endif
