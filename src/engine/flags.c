/*
 * flags.c - parsing the X-macro table of flags.h.
 * Invariant: flags_parse() never exits and never prints; it reports the first
 * bad flag in err and leaves the choice of exit code to main().
 *
 * Owns: the flag table (flag_table) and the duration units, read-only.  Of
 * the struct options it parses into (main()'s, one per process), it
 * allocates paths and unknown (freed by flags_free); every field is written
 * here only: a driver that changes one (libfuzzer.c, fuzz.c) changes its
 * own copy.
 */
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "flags.h"

struct flag_desc {
    const char *name;
    enum flag_type type;
    const char *def;
    enum flag_group group;
    const char *help;
    size_t offset;
};

static const struct flag_desc flag_table[] = {
#define FLAG_ROW(name, type, def, group, help) \
    {#name, FLAG_##type, def, FLAG_GROUP_##group, help, offsetof(struct options, name)},
    FERRET_FLAGS(FLAG_ROW)
#undef FLAG_ROW
};
#define NFLAGS (sizeof flag_table / sizeof flag_table[0])

/* Each parser below returns NULL on success or the reason a value is bad,
 * which parse_one() puts after "-name=value: ". */

/* Digits only, into *out; "too large" past 2^64-1. */
static const char *parse_u64(const char *s, uint64_t *out)
{
    uint64_t v = 0;
    if (!isdigit((unsigned char)*s))
        return "not a whole number (digits only)";
    for (; isdigit((unsigned char)*s); s++) {
        unsigned d = (unsigned)(*s - '0');
        if (v > (UINT64_MAX - d) / 10)
            return "too large";
        v = v * 10 + d;
    }
    if (*s)
        return "not a whole number (digits only)";
    *out = v;
    return NULL;
}

/* Digits only (min < 0 also takes "-1"), within [min, max]; anything else
 * is answered with the range. */
static const char *parse_range(const char *s, long long *out, long long min, unsigned long long max,
                               const char *range)
{
    uint64_t v;
    if (min < 0 && !strcmp(s, "-1")) {
        *out = -1;
        return NULL;
    }
    if (parse_u64(s, &v) != NULL || v > max || v < (uint64_t)(min > 0 ? min : 0))
        return range;
    *out = (long long)v;
    return NULL;
}

static const struct { const char *u; uint64_t ns; } units[] = {
    {"ns", 1}, {"us", 1000}, {"\xc2\xb5s", 1000}, {"\xce\xbcs", 1000}, {"ms", 1000000},
    {"s", 1000000000ULL}, {"m", 60000000000ULL}, {"h", 3600000000000ULL},
};

/* A decimal number with an optional fraction ("10", "1.5", ".5", "2.")
 * times mul, into *ns (exact to the nanosecond, rounded down).  Sets
 * *nonzero if any digit is not 0.  Returns the end, or NULL if no digit. */
static const char *scale_number(const char *p, uint64_t mul, unsigned __int128 *ns, int *nonzero)
{
    unsigned __int128 whole = 0, frac = 0, div = 1;
    int digits = 0;
    for (; isdigit((unsigned char)*p); p++, digits++) {
        if (whole <= UINT64_MAX) /* past 2^64 ns is past any bound; stop before 128 bits wrap */
            whole = whole * 10 + (unsigned)(*p - '0');
        *nonzero |= *p != '0';
    }
    if (*p == '.') {
        for (p++; isdigit((unsigned char)*p); p++, digits++) {
            if (div < 1000000000000000000ULL) { /* 18 digits are more than 1 ns of 100000h */
                frac = frac * 10 + (unsigned)(*p - '0');
                div *= 10;
            }
            *nonzero |= *p != '0';
        }
    }
    if (!digits)
        return NULL;
    *ns = whole * mul + frac * mul / div;
    return p;
}

static const char not_duration[] = "not a duration (30s, 1m30s, 250ms, 1.5s)";
static const char needs_unit[] = "a duration needs a unit (s, ms, m, h ...)";
static const char too_long[] = "too long: at most 100000h";
static const char too_short[] = "shorter than 1ns";

/* One or more <number><unit> ("1m30s", "1.5s").  Sets *zero_written when
 * every digit is 0 (so "0s" can be told from "0.1ns", which rounds to 0). */
static const char *parse_duration(const char *s, uint64_t *ns, int *zero_written)
{
    unsigned __int128 total = 0;
    int nonzero = 0;
    const char *p = s;
    if (!*p)
        return not_duration;
    while (*p) {
        const char *q = p;
        unsigned __int128 add = 0;
        while (isdigit((unsigned char)*q) || *q == '.')
            q++;
        if (q == p)
            return not_duration;
        size_t i, n = 0;
        for (i = 0; i < sizeof units / sizeof units[0]; i++) {
            n = strlen(units[i].u);
            if (!strncmp(q, units[i].u, n) && (q[n] == 0 || isdigit((unsigned char)q[n]) || q[n] == '.'))
                break;
        }
        if (i == sizeof units / sizeof units[0])
            return *q ? "not a duration (30s, 1m30s, 250ms, 1.5s): units are ns, us, ms, s, m, h"
                      : needs_unit;
        const char *end = scale_number(p, units[i].ns, &add, &nonzero);
        if (end != q)
            return not_duration;
        total += add;
        if (total > FLAGS_MAX_DURATION_NS)
            return too_long;
        p = q + n;
    }
    if (total == 0 && nonzero)
        return too_short;
    *ns = (uint64_t)total;
    *zero_written = !nonzero;
    return NULL;
}

/* "Nx" (n = its length): N executions (tries), N >= 0. */
static const char *parse_count(const char *s, size_t n, uint64_t *count)
{
    char num[32];
    if (n - 1 >= sizeof num)
        return "too large a count";
    memcpy(num, s, n - 1);
    num[n - 1] = 0;
    const char *why = parse_u64(num, count);
    if (why)
        return !strcmp(why, "too large") ? "too large a count" : "not a count of executions (1000x)";
    return NULL;
}

static const char *parse_budget(const char *s, struct budget *b, int allow_zero)
{
    size_t n = strlen(s);
    int zero = 0;
    const char *why;
    memset(b, 0, sizeof *b);
    if (strcmp(s, "0") == 0)
        return NULL;
    if (n > 1 && s[n - 1] == 'x') {
        if ((why = parse_count(s, n, &b->count)) != NULL)
            return why;
        if (b->count == 0 && !allow_zero)
            return "a budget of no executions; write 0 for no limit, or Nx with N >= 1";
        b->kind = b->count ? BUDGET_COUNT : BUDGET_NONE;
        return NULL;
    }
    if ((why = parse_duration(s, &b->ns, &zero)) != NULL) {
        if (why == needs_unit)
            return "a duration needs a unit: 10s for seconds, or 10x for executions";
        if (why == too_long || why == too_short)
            return why;
        return "not a duration (30s, 1m30s, 250ms, 1.5s) or a count of executions (1000x)";
    }
    if (b->ns == 0 && !allow_zero)
        return "a budget of no time; write 0 for no limit";
    b->kind = b->ns ? BUDGET_TIME : BUDGET_NONE;
    return NULL;
}

int flags_parse_budget(const char *s, struct budget *b) { return parse_budget(s, b, 0) ? -1 : 0; }
int flags_parse_min_budget(const char *s, struct budget *b) { return parse_budget(s, b, 1) ? -1 : 0; }

/* -timeout: seconds ("5", "1.5") or a duration; "0" is auto. */
static const char *parse_timeout(const char *s, uint64_t *ns)
{
    const char *p = s;
    int zero = 0;
    if (!strcmp(s, "0")) {
        *ns = 0;
        return NULL;
    }
    while (isdigit((unsigned char)*p) || *p == '.')
        p++;
    if (p > s && !*p) { /* a bare number: seconds */
        unsigned __int128 v;
        int nonzero = 0;
        if (scale_number(s, 1000000000ULL, &v, &nonzero) != p)
            return "not a number of seconds (5, 1.5) or a duration (500ms)";
        if (v > FLAGS_MAX_TIMEOUT_NS)
            return "too long: at most 24h (86400)";
        *ns = (uint64_t)v;
        zero = !nonzero;
    } else {
        const char *why = parse_duration(s, ns, &zero);
        if (why)
            return why == too_long ? "too long: at most 24h (86400)"
                 : why == too_short ? "too short: at least 1ms"
                 : "not a number of seconds (5, 1.5) or a duration (500ms)";
    }
    if (*ns == 0 && zero)
        return "write 0 for the automatic timeout";
    if (*ns < FLAGS_MIN_TIMEOUT_NS)
        return "too short: at least 1ms";
    if (*ns > FLAGS_MAX_TIMEOUT_NS)
        return "too long: at most 24h (86400)";
    return NULL;
}

int flags_parse_seconds(const char *s, uint64_t *ns)
{
    uint64_t v;
    if (parse_timeout(s, &v))
        return -1;
    *ns = v;
    return 0;
}

static const char *parse_bool(const char *s, int *out)
{
    if (!strcmp(s, "1") || !strcmp(s, "true")) {
        *out = 1;
        return NULL;
    }
    if (!strcmp(s, "0") || !strcmp(s, "false")) {
        *out = 0;
        return NULL;
    }
    return "1 or 0 (true or false)";
}

static const char *set_value(struct options *o, const struct flag_desc *f, const char *v)
{
    void *field = (char *)o + f->offset;
    long long *ll = field;
    switch (f->type) {
    case FLAG_BOOL:      return parse_bool(v, field);
    case FLAG_INT:       return parse_range(v, ll, 0, LLONG_MAX, "the range is 0 and up");
    case FLAG_SINT:      return parse_range(v, ll, -1, LLONG_MAX, "the range is -1 (no limit), then 0 and up");
    case FLAG_UINT64:    return parse_u64(v, field);
    case FLAG_WORKERS:   return parse_range(v, ll, 0, FLAGS_MAX_WORKERS,
                                            "the range is 0 (one per CPU) to 256 worker processes");
    case FLAG_LEN:       return parse_range(v, ll, 0, FLAGS_MAX_LEN,
                                            "the range is 0 (automatic) to 67108864 bytes (64 MiB; each "
                                            "worker maps 3 x -max_len of shared memory)");
    case FLAG_MB:        return parse_range(v, ll, 0, FLAGS_MAX_MB,
                                            "the range is 0 (no limit) to 16777216 MiB (16 TiB)");
    case FLAG_SECS:      return parse_range(v, ll, 0, FLAGS_MAX_SECONDS,
                                            "whole seconds; the range is 0 (no limit) to 360000000 (100000h)");
    case FLAG_EXITCODE:  return parse_range(v, ll, 1, 255,
                                            "the range is 1 to 255 (0 would pass a finding off as success)");
    case FLAG_FDMASK:    return parse_range(v, ll, 0, 3,
                                            "the range is 0 to 3 (1 closes stdout, 2 stderr, 3 both)");
    case FLAG_BUDGET:    return parse_budget(v, field, 0);
    case FLAG_MINBUDGET: return parse_budget(v, field, 1);
    case FLAG_SECONDS:   return parse_timeout(v, field);
    case FLAG_STRING:
    case FLAG_FUZZ:      *(const char **)field = v; return NULL;
    }
    return "unknown type";
}

static const struct flag_desc *find_flag(const char *name, size_t len)
{
    for (size_t i = 0; i < NFLAGS; i++)
        if (strlen(flag_table[i].name) == len && !strncmp(flag_table[i].name, name, len))
            return &flag_table[i];
    return NULL;
}

/* libFuzzer's other flags (clang 14's FuzzerFlags.def): ferret does not
 * implement them.  Each is refused with one line naming it, unless its value
 * asks for what ferret does anyway ("ok", a comma-separated list): a
 * command line written for libFuzzer never has a flag taken and then
 * ignored.  "does" says what ferret does instead, for the refusal's line.
 * README.md's table of libFuzzer flags lists these with the others. */
static const struct lf_other {
    const char *name, *ok, *does;
} lf_other[] = {
    {"keep_seed", "1", "every seed stays in the corpus, whatever its coverage"},
    {"cross_over", "1", "ferret always crosses over"},
    {"cross_over_uniform_dist", "1", "the partner is drawn uniformly from the corpus"},
    {"mutate_depth", NULL, NULL},
    {"reduce_depth", "0", NULL},
    {"shuffle", "0", "the corpus runs in order"},
    {"prefer_small", "1", "ferret's weights favour small inputs"},
    {"fork_corpus_groups", "0", NULL},
    {"merge_inner", NULL, "an internal flag of libFuzzer's merge"},
    {"minimize_crash_internal_step", NULL, "an internal flag of libFuzzer's -minimize_crash"},
    {"mutation_graph_file", NULL, NULL},
    {"use_counters", "1", "ferret always uses the counters"},
    {"use_memmem", "1", "ferret always sees memmem, strstr and the like"},
    {"shrink", "0", NULL},
    {"reduce_inputs", "1", "entries are reduced and minimized"},
    {"report_slow_units", NULL, "-print_final_stats=1 prints stat::slowest_unit_time_sec"},
    {"print_funcs", "0", "no NEW_FUNC lines"},
    {"print_full_coverage", "0", NULL},
    {"dump_coverage", "0", "deprecated in libFuzzer"},
    {"handle_segv", "1", "fatal signals are always caught and named"},
    {"handle_bus", "1", "fatal signals are always caught and named"},
    {"handle_abrt", "1", "fatal signals are always caught and named"},
    {"handle_ill", "1", "fatal signals are always caught and named"},
    {"handle_fpe", "1", "fatal signals are always caught and named"},
    {"handle_xfsz", NULL, "an input over RLIMIT_FSIZE is reported as a write error"},
    {"handle_winexcept", "0,1", "Windows only, as in libFuzzer"},
    {"purge_allocator_interval", "-1", "the allocator is never purged"},
    {"trace_malloc", "0", NULL},
    {"focus_function", NULL, NULL},
    {"entropic", "1", "ferret's own rarity-aware schedule"},
    {"entropic_feature_frequency_threshold", NULL, NULL},
    {"entropic_number_of_rarest_features", NULL, NULL},
    {"entropic_scale_per_exec_time", NULL, NULL},
    {"analyze_dict", "0", NULL},
    {"use_clang_coverage", "0", "deprecated in libFuzzer"},
    {"data_flow_trace", NULL, NULL},
    {"collect_data_flow", NULL, NULL},
};

static const struct lf_other *find_lf_other(const char *name, size_t len)
{
    for (size_t i = 0; i < sizeof lf_other / sizeof lf_other[0]; i++)
        if (strlen(lf_other[i].name) == len && !strncmp(lf_other[i].name, name, len))
            return &lf_other[i];
    return NULL;
}

int flags_refused(size_t i, const char **name, const char **ok, const char **does)
{
    if (i >= sizeof lf_other / sizeof lf_other[0])
        return 0;
    *name = lf_other[i].name;
    *ok = lf_other[i].ok;
    *does = lf_other[i].does;
    return 1;
}

/* Is value one of the comma-separated list ok? */
static int value_in(const char *value, const char *ok)
{
    size_t n = strlen(value);
    for (const char *p = ok; p && *p; p += strcspn(p, ",") + (p[strcspn(p, ",")] == ',')) {
        if (strcspn(p, ",") == n && !strncmp(p, value, n))
            return 1;
    }
    return 0;
}

/* One of libFuzzer's flags ferret does not implement: accepted only with a
 * value that is ferret's behaviour anyway, else one line naming it. */
static int parse_lf_other(struct options *o, const struct lf_other *f, char *arg, const char *value,
                          char *err, size_t errlen)
{
    o->libfuzzer = 1;
    if (!o->lf_arg)
        o->lf_arg = arg;
    if (value_in(value ? value : "1", f->ok))
        return 0;
    char why[160] = "";
    if (f->does || f->ok)
        snprintf(why, sizeof why, " (%s%s%s%s)", f->does ? f->does : "", f->does && f->ok ? "; " : "",
                 f->ok ? "the only value accepted: " : "", f->ok ? f->ok : "");
    snprintf(err, errlen, "%s: libFuzzer's -%s is not implemented in ferret%s; drop it", arg, f->name, why);
    return -1;
}

static void set_defaults(struct options *o)
{
    memset(o, 0, sizeof *o);
    for (size_t i = 0; i < NFLAGS; i++)
        if (flag_table[i].def)
            (void)set_value(o, &flag_table[i], flag_table[i].def); /* each parses: test_flags.c */
}

static int parse_one(struct options *o, char *arg, char *err, size_t errlen)
{
    const char *name = arg + (arg[1] == '-' ? 2 : 1);
    if (strcmp(name, "h") == 0) /* -h, --h: -help */
        name = "help";
    const char *eq = strchr(name, '=');
    size_t len = eq ? (size_t)(eq - name) : strlen(name);
    const struct flag_desc *f = find_flag(name, len);
    const char *why;
    if (!f && find_lf_other(name, len))
        return parse_lf_other(o, find_lf_other(name, len), arg, eq ? eq + 1 : NULL, err, errlen);
    if (!f) {
        o->unknown[o->nunknown++] = (char *)arg; /* judged after the whole line (flags_parse) */
        return 0;
    }
    if (f->group == FLAG_GROUP_LF) {
        o->libfuzzer = 1;
        if (!o->lf_arg)
            o->lf_arg = arg;
    }
    const char *value = eq ? eq + 1 : NULL;
    if (!value) {
        if (f->type == FLAG_BOOL)
            value = "1";
        else if (f->type == FLAG_FUZZ)
            value = "";
        else {
            snprintf(err, errlen, "flag -%s needs a value: -%s=...", f->name, f->name);
            return -1;
        }
    }
    if ((why = set_value(o, f, value)) != NULL) {
        snprintf(err, errlen, "bad value -%s=%s: %s", f->name, value, why);
        return -1;
    }
    o->given[f - flag_table] = arg;
    return 0;
}

/* libFuzzer's spelling of the Go-style budget and worker count, for the
 * errors below: "-runs=10000", "-max_total_time=60", "-workers=2", or "". */
static void lf_budget(const struct options *o, char *buf, size_t len)
{
    const struct budget *b = &o->fuzztime;
    buf[0] = 0;
    if (b->kind == BUDGET_COUNT)
        snprintf(buf, len, "-runs=%llu", (unsigned long long)b->count);
    else if (b->kind == BUDGET_TIME) /* whole seconds, rounded up */
        snprintf(buf, len, "-max_total_time=%llu", (unsigned long long)((b->ns + 999999999ULL) / 1000000000ULL));
}

static void lf_workers(const struct options *o, char *buf, size_t len)
{
    buf[0] = 0;
    if (o->parallel > 0)
        snprintf(buf, len, "-workers=%lld", o->parallel);
}

/* One command line, one style (flags.h): a Go-style flag whose meaning
 * libFuzzer mode replaces is an error next to a libFuzzer-only flag or
 * FERRET_LIBFUZZER=1, naming both and what to write instead. */
static int check_styles(const struct options *o, char *err, size_t errlen)
{
    const char *lf = o->lf_arg ? o->lf_arg : "FERRET_LIBFUZZER=1";
    const char *g;
    char budget[48], workers[32];
    if (!o->libfuzzer)
        return 0;
    lf_budget(o, budget, sizeof budget);
    lf_workers(o, workers, sizeof workers);
    if ((g = o->given[FLAG_ID_fuzz]) != NULL) {
        snprintf(err, errlen,
                 "%s (Go-style) and %s (libFuzzer) do not mix: %s %s to fuzz Go-style (-fuzztime, -parallel), "
                 "or drop %s for libFuzzer's command line (%s %s)", g, lf,
                 o->lf_arg ? "drop" : "unset", o->lf_arg ? o->lf_arg : "FERRET_LIBFUZZER", g,
                 *budget ? budget : "-runs=N or -max_total_time=S,", *workers ? workers : "-workers=N");
        return -1;
    }
    if ((g = o->given[FLAG_ID_fuzztime]) != NULL) {
        snprintf(err, errlen,
                 "%s (Go-style) and %s (libFuzzer) do not mix: with libFuzzer's flags the budget is %s",
                 g, lf, *budget ? budget : "-runs=N (executions) or -max_total_time=S (seconds)");
        return -1;
    }
    if ((g = o->given[FLAG_ID_parallel]) != NULL) {
        snprintf(err, errlen,
                 "%s (Go-style) and %s (libFuzzer) do not mix: with libFuzzer's flags the worker count is %s",
                 g, lf, *workers ? workers : "-workers=N (default 1)");
        return -1;
    }
    if ((g = o->given[FLAG_ID_cachedir]) != NULL && o->npaths > 0) {
        snprintf(err, errlen,
                 "%s (Go-style) and %s (libFuzzer) do not mix with corpus arguments: with libFuzzer's "
                 "flags new inputs go to the first corpus directory (%s); drop %s",
                 g, lf, o->paths[0], g);
        return -1;
    }
    return 0;
}

void flags_free(struct options *o)
{
    free(o->paths);
    free(o->unknown);
    o->paths = NULL;
    o->unknown = NULL;
}

int flags_parse(struct options *o, int argc, char **argv, char *err, size_t errlen)
{
    set_defaults(o);
    o->paths = calloc((size_t)argc + 1, sizeof *o->paths);
    o->unknown = calloc((size_t)argc + 1, sizeof *o->unknown);
    if (!o->paths || !o->unknown) {
        snprintf(err, errlen, "out of memory");
        goto free_options;
    }
    for (int i = 1; i < argc && !o->ignore_remaining_args; i++) {
        if (argv[i][0] != '-' || argv[i][1] == 0)
            o->paths[o->npaths++] = argv[i];
        else if (parse_one(o, argv[i], err, errlen) != 0)
            goto free_options;
    }
    if (getenv("FERRET_LIBFUZZER") && strcmp(getenv("FERRET_LIBFUZZER"), "1") == 0)
        o->libfuzzer = 1;
    /* libFuzzer warns about flags it does not know; Go-style, they are errors. */
    if (o->nunknown && !o->libfuzzer) {
        snprintf(err, errlen, "unknown flag %s", o->unknown[0]);
        goto free_options;
    }
    if (check_styles(o, err, errlen) != 0)
        goto free_options;
    if (o->minimize_inputs && o->fuzzminimizetime.kind == BUDGET_NONE) { /* it would do nothing */
        snprintf(err, errlen, "%s asks to minimize new inputs, but %s turns minimization off; drop one",
                 o->given[FLAG_ID_minimize_inputs] ? o->given[FLAG_ID_minimize_inputs] : "-minimize_inputs=1",
                 o->given[FLAG_ID_fuzzminimizetime] ? o->given[FLAG_ID_fuzzminimizetime] : "-fuzzminimizetime=0");
        goto free_options;
    }
    if (o->given[FLAG_ID_verbosity] && o->verbosity == 0) { /* less output than libFuzzer's default */
        snprintf(err, errlen, "%s: libFuzzer's quiet output is not implemented in ferret (the only values "
                 "accepted: 1, or 2 and up to also log each new input); drop it", o->given[FLAG_ID_verbosity]);
        goto free_options;
    }
    return 0;
free_options: /* nothing of a failed parse outlives it */
    flags_free(o);
    return -1;
}
