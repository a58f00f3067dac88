/* test_flags.c - durations, Nx budgets, flag syntax and errors, the bounds
 * of every numeric flag, and the rule that one command line speaks either
 * Go's or libFuzzer's style. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "flags.h"

#define SEC 1000000000ULL

static int parse(struct options *o, int argc, char **argv)
{
    char err[512];
    int rc = flags_parse(o, argc, argv, err, sizeof err);
    if (rc == 0)
        flags_free(o);
    return rc;
}

/* Parses {"t", a, NULL}; returns 0 or -1 with the message in err. */
static char err[512];
static struct options opt;
static int one(const char *a)
{
    char *argv[] = {"t", (char *)a, NULL};
    int rc = flags_parse(&opt, 2, argv, err, sizeof err);
    if (rc == 0)
        flags_free(&opt);
    return rc;
}

/* The value is rejected, and the one-line message names the flag as
 * written, its value and `why`. */
static int rejected(const char *a, const char *why)
{
    if (one(a) == 0)
        return 0;
    const char *eq = strchr(a, '=');
    char flag[64];
    snprintf(flag, sizeof flag, "%.*s", (int)(eq ? eq - a : (long)strlen(a)), a);
    return strstr(err, flag) && (!eq || strstr(err, eq + 1)) && strstr(err, why) && !strchr(err, '\n');
}

static void test_budgets(void)
{
    struct budget b;
    CHECK(flags_parse_budget("10s", &b) == 0 && b.kind == BUDGET_TIME && b.ns == 10 * SEC);
    CHECK(flags_parse_budget("1m30s", &b) == 0 && b.ns == 90 * SEC);
    CHECK(flags_parse_budget("2h", &b) == 0 && b.ns == 7200 * SEC);
    CHECK(flags_parse_budget("250ms", &b) == 0 && b.ns == SEC / 4);
    CHECK(flags_parse_budget("1.5s", &b) == 0 && b.ns == SEC + SEC / 2);
    CHECK(flags_parse_budget("1000x", &b) == 0 && b.kind == BUDGET_COUNT && b.count == 1000);
    CHECK(flags_parse_budget("0", &b) == 0 && b.kind == BUDGET_NONE);
    CHECK(flags_parse_budget("", &b) != 0);
    CHECK(flags_parse_budget("10", &b) != 0);   /* a duration needs a unit */
    CHECK(flags_parse_budget("abc", &b) != 0);
    CHECK(flags_parse_budget("10q", &b) != 0);
    CHECK(flags_parse_budget("x", &b) != 0);
    CHECK(flags_parse_budget("-5s", &b) != 0);
    CHECK(flags_parse_budget("12xx", &b) != 0);
}

/* Durations: exact arithmetic, Go's syntax, no hex, no exponents. */
static void test_durations(void)
{
    struct budget b;
    CHECK(flags_parse_budget("0x3s", &b) != 0);   /* was strtod's hex float: 3 s */
    CHECK(flags_parse_budget("0x10", &b) != 0);
    CHECK(flags_parse_budget("1e3s", &b) != 0);   /* was strtod's exponent: 1000 s */
    CHECK(flags_parse_budget("infs", &b) != 0);
    CHECK(flags_parse_budget("1.5.5s", &b) != 0);
    CHECK(flags_parse_budget("5s3", &b) != 0);    /* a trailing number without a unit */
    CHECK(flags_parse_budget("10sec", &b) != 0);
    CHECK(flags_parse_budget("10 s", &b) != 0);
    CHECK(flags_parse_budget(" 10s", &b) != 0);
    CHECK(flags_parse_budget("+10s", &b) != 0);
    CHECK(flags_parse_budget("10S", &b) != 0);
    CHECK(flags_parse_budget("10X", &b) != 0);
    CHECK(flags_parse_budget(".", &b) != 0);
    CHECK(flags_parse_budget(".s", &b) != 0);
    CHECK(flags_parse_budget(".5s", &b) == 0 && b.ns == SEC / 2);
    CHECK(flags_parse_budget("1h30m", &b) == 0 && b.ns == 5400 * SEC);
    CHECK(flags_parse_budget("1.5h", &b) == 0 && b.ns == 5400 * SEC);
    CHECK(flags_parse_budget("2m0.5s", &b) == 0 && b.ns == 120 * SEC + SEC / 2);
    CHECK(flags_parse_budget("1500us", &b) == 0 && b.ns == 1500000);
    CHECK(flags_parse_budget("1500\xc2\xb5s", &b) == 0 && b.ns == 1500000);   /* µs */
    CHECK(flags_parse_budget("7ns", &b) == 0 && b.ns == 7);
    CHECK(flags_parse_budget("0.1s", &b) == 0 && b.ns == SEC / 10);          /* exact, not 99999999 */
    CHECK(flags_parse_budget("0.3s", &b) == 0 && b.ns == 3 * SEC / 10);
    CHECK(flags_parse_budget("1.000000001s", &b) == 0 && b.ns == SEC + 1);
    CHECK(flags_parse_budget("0.1ns", &b) != 0);     /* rounds to 0: not "no limit" */
    /* the upper bound: 100000h; beyond it, and far beyond 2^64 ns, an error */
    CHECK(flags_parse_budget("100000h", &b) == 0 && b.ns == FLAGS_MAX_DURATION_NS);
    CHECK(flags_parse_budget("100000h1ns", &b) != 0);
    CHECK(flags_parse_budget("99999999999999999999h", &b) != 0);
    CHECK(flags_parse_budget("18446744073709551616ns", &b) != 0);
    CHECK(flags_parse_budget("5124096h", &b) != 0);   /* 2^64 ns wraps a uint64 */
    CHECK(flags_parse_budget("340282366920938463463374607431768211457h", &b) != 0); /* 2^128+1 */
    CHECK(flags_parse_budget("0000000000000000000000000000000001s", &b) == 0 && b.ns == SEC);
}

/* -fuzztime: zero only as "0"; -fuzzminimizetime: any zero is "off". */
static void test_zero_budgets(void)
{
    struct budget b;
    CHECK(flags_parse_budget("0x", &b) != 0);         /* was "no limit" */
    CHECK(flags_parse_budget("00x", &b) != 0);
    CHECK(flags_parse_budget("0s", &b) != 0);
    CHECK(flags_parse_budget("0.0s", &b) != 0);
    CHECK(flags_parse_budget("0m0s", &b) != 0);
    CHECK(flags_parse_budget("1x", &b) == 0 && b.kind == BUDGET_COUNT && b.count == 1);
    CHECK(flags_parse_budget("18446744073709551615x", &b) == 0 && b.count == UINT64_MAX);
    CHECK(flags_parse_budget("18446744073709551616x", &b) != 0);
    CHECK(flags_parse_budget("-1x", &b) != 0);
    CHECK(flags_parse_min_budget("0", &b) == 0 && b.kind == BUDGET_NONE);
    CHECK(flags_parse_min_budget("0x", &b) == 0 && b.kind == BUDGET_NONE);
    CHECK(flags_parse_min_budget("0s", &b) == 0 && b.kind == BUDGET_NONE);
    CHECK(flags_parse_min_budget("100x", &b) == 0 && b.kind == BUDGET_COUNT && b.count == 100);
    CHECK(flags_parse_min_budget("0.1ns", &b) != 0);
    CHECK(flags_parse_min_budget("0x3s", &b) != 0);
    CHECK(rejected("-fuzztime=0x", "write 0 for no limit"));
    CHECK(rejected("-fuzztime=0s", "write 0 for no limit"));
    CHECK(rejected("-fuzztime=0x3s", "not a duration"));
    CHECK(rejected("-fuzztime=10", "10s for seconds, or 10x for executions"));
    CHECK(rejected("-fuzztime=999999h", "at most 100000h"));
    CHECK(one("-fuzzminimizetime=0x") == 0 && opt.fuzzminimizetime.kind == BUDGET_NONE);
    CHECK(one("-fuzztime=0") == 0 && opt.fuzztime.kind == BUDGET_NONE);
}

/* -timeout: "0" = auto, bare seconds (with a fraction) or a duration, 1ms..24h. */
static void test_timeout(void)
{
    uint64_t ns;
    CHECK(flags_parse_seconds("5", &ns) == 0 && ns == 5 * SEC);
    CHECK(flags_parse_seconds("500ms", &ns) == 0 && ns == SEC / 2);
    CHECK(flags_parse_seconds("1.5", &ns) == 0 && ns == SEC + SEC / 2);
    CHECK(flags_parse_seconds("0.25", &ns) == 0 && ns == SEC / 4);
    CHECK(flags_parse_seconds("1.5s", &ns) == 0 && ns == SEC + SEC / 2);
    CHECK(flags_parse_seconds("0", &ns) == 0 && ns == 0);
    CHECK(flags_parse_seconds("1ms", &ns) == 0 && ns == FLAGS_MIN_TIMEOUT_NS);
    CHECK(flags_parse_seconds("86400", &ns) == 0 && ns == FLAGS_MAX_TIMEOUT_NS);
    CHECK(flags_parse_seconds("24h", &ns) == 0 && ns == FLAGS_MAX_TIMEOUT_NS);
    CHECK(flags_parse_seconds("five", &ns) != 0);
    CHECK(flags_parse_seconds("", &ns) != 0);
    CHECK(flags_parse_seconds("-1", &ns) != 0);
    CHECK(flags_parse_seconds("5x", &ns) != 0);
    CHECK(flags_parse_seconds("0x5", &ns) != 0);
    CHECK(flags_parse_seconds("1e3", &ns) != 0);
    CHECK(flags_parse_seconds("1.5.5", &ns) != 0);
    CHECK(flags_parse_seconds("86401", &ns) != 0);
    CHECK(flags_parse_seconds("25h", &ns) != 0);
    CHECK(flags_parse_seconds("99999999999999999999", &ns) != 0);  /* was a wrapped product */
    CHECK(flags_parse_seconds("340282366920938463463374607431768211457", &ns) != 0);
    CHECK(flags_parse_seconds("000000000000000000000000000002", &ns) == 0 && ns == 2 * SEC);
    CHECK(rejected("-timeout=999999h", "at most 24h"));
    CHECK(rejected("-timeout=0.1ns", "at least 1ms"));
    CHECK(flags_parse_seconds("999us", &ns) != 0);
    CHECK(flags_parse_seconds("0.0001", &ns) != 0);
    CHECK(flags_parse_seconds("0s", &ns) != 0);
    CHECK(flags_parse_seconds("0.0", &ns) != 0);
    CHECK(rejected("-timeout=0s", "write 0 for the automatic timeout"));
    CHECK(rejected("-timeout=100us", "at least 1ms"));
    CHECK(rejected("-timeout=90000", "at most 24h"));
    CHECK(rejected("-timeout=-3", "not a number of seconds"));
}

static void test_syntax(void)
{
    struct options o;
    char *a1[] = {"t", "-fuzz", "--parallel=3", "-fuzztime=100x", "dir1", "-seed=42", "file2", NULL};
    char e[256];
    CHECK(flags_parse(&o, 7, a1, e, sizeof e) == 0);
    CHECK(o.fuzz != NULL && o.parallel == 3 && o.seed == 42);
    CHECK(o.fuzztime.kind == BUDGET_COUNT && o.fuzztime.count == 100);
    CHECK(o.npaths == 2 && !strcmp(o.paths[0], "dir1") && !strcmp(o.paths[1], "file2"));
    /* what was given, as written; the rest NULL */
    CHECK(o.given[FLAG_ID_parallel] && !strcmp(o.given[FLAG_ID_parallel], "--parallel=3"));
    CHECK(o.given[FLAG_ID_fuzz] && !strcmp(o.given[FLAG_ID_fuzz], "-fuzz"));
    CHECK(o.given[FLAG_ID_timeout] == NULL && o.lf_arg == NULL && !o.libfuzzer);
    flags_free(&o);
    /* defaults: each default value parses (set_defaults ignores errors) */
    char *a2[] = {"t", NULL};
    CHECK(flags_parse(&o, 1, a2, e, sizeof e) == 0);
    CHECK(o.fuzz == NULL && o.parallel == 0 && o.timeout == 0 && o.help == 0);
    CHECK(o.fuzzminimizetime.kind == BUDGET_TIME && o.fuzzminimizetime.ns == 60 * SEC);
    CHECK(o.rss_limit_mb == 2048 && o.runs == -1 && o.error_exitcode == 77 && o.timeout_exitcode == 70);
    CHECK(o.len_control == 100 && o.use_cmp == 1 && o.ignore_timeouts == 1);
    flags_free(&o);
    char *a3[] = {"t", "-help", "-timeout=3", "-fuzzminimizetime=0", NULL};
    CHECK(flags_parse(&o, 4, a3, e, sizeof e) == 0 && o.help == 1 && o.timeout == 3 * SEC);
    CHECK(o.fuzzminimizetime.kind == BUDGET_NONE);
    flags_free(&o);
}

/* Whole numbers: digits only; each numeric flag within its documented range. */
static void test_numbers(void)
{
    /* -parallel and libFuzzer's worker flags: 0..256 */
    CHECK(one("-parallel=256") == 0 && opt.parallel == 256);
    CHECK(one("-parallel=0") == 0 && opt.parallel == 0);
    CHECK(rejected("-parallel=257", "0 (one per CPU) to 256 worker processes"));
    CHECK(rejected("-parallel=100000", "256"));                     /* was clamped to 256 */
    CHECK(rejected("-parallel=-2", "256"));
    CHECK(rejected("-parallel=two", "256"));
    CHECK(rejected("-parallel=99999999999999999999", "256"));
    CHECK(rejected("-parallel=4294967298", "256"));                 /* was (int) 2 */
    CHECK(rejected("-parallel=+2", "256"));
    CHECK(rejected("-parallel= 2", "256"));
    CHECK(rejected("-parallel=2x", "256"));
    CHECK(rejected("-parallel=0x10", "256"));
    CHECK(rejected("-parallel=", "256"));
    CHECK(rejected("-jobs=300", "256"));
    CHECK(rejected("-workers=4294967298", "256"));
    CHECK(rejected("-fork=1000", "256"));
    CHECK(one("-fork=256") == 0 && opt.fork == 256);
    /* -max_len: 0..64 MiB */
    CHECK(one("-max_len=67108864") == 0 && opt.max_len == 67108864);
    CHECK(rejected("-max_len=67108865", "67108864 bytes (64 MiB"));
    CHECK(rejected("-max_len=99999999999", "-max_len"));
    CHECK(rejected("-max_len=1e6", "67108864"));
    CHECK(rejected("-max_len=-1", "67108864"));
    /* memory limits: 0..16 TiB in MiB (x 2^20 never wraps) */
    CHECK(one("-rss_limit_mb=16777216") == 0 && opt.rss_limit_mb == 16777216);
    CHECK(rejected("-rss_limit_mb=16777217", "16777216 MiB"));
    CHECK(rejected("-rss_limit_mb=17592186044417", "16777216 MiB"));  /* << 20 wrapped to 1 MiB */
    CHECK(rejected("-rss_limit_mb=-1", "0 (no limit)"));
    CHECK(rejected("-malloc_limit_mb=99999999999", "16777216 MiB"));
    CHECK(rejected("-malloc_limit_mb=2g", "16777216 MiB"));
    /* -max_total_time: whole seconds, 0..100000h (x 1e9 never wraps) */
    CHECK(one("-max_total_time=360000000") == 0 && opt.max_total_time == 360000000);
    CHECK(rejected("-max_total_time=18446744074", "360000000"));      /* x 1e9 wrapped to 0.3 s */
    CHECK(rejected("-max_total_time=60s", "whole seconds"));
    CHECK(rejected("-max_total_time=-1", "whole seconds"));
    /* -runs: -1 or 0.. */
    CHECK(one("-runs=-1") == 0 && opt.runs == -1);
    CHECK(one("-runs=0") == 0 && opt.runs == 0);
    CHECK(one("-runs=9223372036854775807") == 0 && opt.runs == 9223372036854775807LL);
    CHECK(rejected("-runs=9223372036854775808", "-1 (no limit)"));
    CHECK(rejected("-runs=-5", "-1 (no limit)"));
    CHECK(rejected("-runs=-01", "-1 (no limit)"));
    CHECK(rejected("-runs=1000x", "-1 (no limit)"));
    /* -close_fd_mask: 0..3 */
    CHECK(one("-close_fd_mask=3") == 0 && opt.close_fd_mask == 3);
    CHECK(rejected("-close_fd_mask=4", "0 to 3"));
    CHECK(rejected("-close_fd_mask=-1", "0 to 3"));
    /* exit codes: 1..255 */
    CHECK(one("-error_exitcode=1") == 0 && opt.error_exitcode == 1);
    CHECK(one("-timeout_exitcode=255") == 0 && opt.timeout_exitcode == 255);
    CHECK(rejected("-error_exitcode=0", "1 to 255"));
    CHECK(rejected("-error_exitcode=300", "1 to 255"));              /* exit(300) is 44 */
    CHECK(rejected("-timeout_exitcode=256", "1 to 255"));
    /* -seed: all of uint64, nothing else */
    CHECK(one("-seed=18446744073709551615") == 0 && opt.seed == UINT64_MAX);
    CHECK(rejected("-seed=18446744073709551616", "too large"));
    CHECK(rejected("-seed=-1", "whole number"));
    CHECK(rejected("-seed=12abc", "whole number"));
    /* plain counts: digits, no overflow */
    CHECK(one("-v=2") == 0 && opt.v == 2);
    CHECK(rejected("-v=-1", "0 and up"));
    CHECK(rejected("-len_control=99999999999999999999", "0 and up"));
    /* booleans */
    CHECK(rejected("-use_cmp=2", "1 or 0"));
    CHECK(rejected("-detect_leaks=yes", "1 or 0"));
}

static void test_errors(void)
{
    struct options o;
    char *bad1[] = {"t", "-nosuchflag=1", NULL};
    CHECK(flags_parse(&o, 2, bad1, err, sizeof err) != 0 && strstr(err, "-nosuchflag"));
    char *bad2[] = {"t", "-fuzztime=abc", NULL};
    CHECK(flags_parse(&o, 2, bad2, err, sizeof err) != 0 && strstr(err, "fuzztime"));
    char *bad3[] = {"t", "-parallel=-2", NULL};
    CHECK(flags_parse(&o, 2, bad3, err, sizeof err) != 0 && strstr(err, "parallel"));
    char *bad4[] = {"t", "-seed", NULL};
    CHECK(flags_parse(&o, 2, bad4, err, sizeof err) != 0 && strstr(err, "seed"));
    char *bad5[] = {"t", "-help=maybe", NULL};
    CHECK(flags_parse(&o, 2, bad5, err, sizeof err) != 0);
    char *bad6[] = {"t", "-fuzzx", NULL}; /* a prefix of no flag, not -fuzz */
    CHECK(flags_parse(&o, 2, bad6, err, sizeof err) != 0);
}

/* Go's style (-fuzz, -fuzztime, -parallel, -cachedir for new inputs) and
 * libFuzzer's (any libFuzzer-only flag, or FERRET_LIBFUZZER=1) do not mix:
 * one line naming both flags as written. */
static int mix(int argc, char **argv, const char *a, const char *b, const char *todo)
{
    struct options o;
    if (flags_parse(&o, argc, argv, err, sizeof err) == 0) {
        flags_free(&o);
        return 0;
    }
    return strstr(err, a) && strstr(err, b) && strstr(err, todo) && !strchr(err, '\n');
}

static void test_styles(void)
{
    struct options o;
    char *m1[] = {"t", "-fuzz", "-fuzztime=10000x", "-parallel=2", "-print_final_stats=1", NULL};
    CHECK(mix(5, m1, "-fuzz ", "-print_final_stats=1", "drop -print_final_stats=1 to fuzz Go-style"));
    CHECK(mix(5, m1, "-fuzz ", "-print_final_stats=1", "drop -fuzz for libFuzzer's command line (-runs=10000 -workers=2)"));
    char *m1b[] = {"t", "-fuzz", "-print_final_stats=1", NULL};
    CHECK(mix(3, m1b, "-fuzz ", "-print_final_stats=1", "(-runs=N or -max_total_time=S, -workers=N)"));
    char *m2[] = {"t", "-runs=100", "-fuzz=FuzzX", NULL};
    CHECK(mix(3, m2, "-fuzz=FuzzX", "-runs=100", "drop -fuzz=FuzzX"));
    char *m3[] = {"t", "-max_total_time=60", "-fuzztime=10000x", "corpus", NULL};
    CHECK(mix(4, m3, "-fuzztime=10000x", "-max_total_time=60", "the budget is -runs=10000"));
    char *m3b[] = {"t", "-max_total_time=60", "-fuzztime=1.5s", NULL};
    CHECK(mix(3, m3b, "-fuzztime=1.5s", "-max_total_time=60", "the budget is -max_total_time=2"));
    char *m4[] = {"t", "-parallel=2", "-runs=100", "corpus", NULL};
    CHECK(mix(4, m4, "-parallel=2", "-runs=100", "the worker count is -workers=2"));
    char *m4b[] = {"t", "-parallel=0", "-runs=100", NULL};
    CHECK(mix(3, m4b, "-parallel=0", "-runs=100", "the worker count is -workers=N"));
    char *m5[] = {"t", "-runs=100", "-cachedir=c", "corpus", NULL};
    CHECK(mix(4, m5, "-cachedir=c", "-runs=100", "first corpus directory (corpus)"));
    /* -cachedir with libFuzzer's flags but no corpus argument: where new inputs go */
    char *ok1[] = {"t", "-runs=100", "-cachedir=c", NULL};
    CHECK(parse(&o, 3, ok1) == 0);
    /* libFuzzer mode from the environment */
    setenv("FERRET_LIBFUZZER", "1", 1);
    char *m6[] = {"t", "-fuzz", "-fuzztime=10x", NULL};
    CHECK(mix(3, m6, "-fuzz", "FERRET_LIBFUZZER=1", "unset FERRET_LIBFUZZER"));
    char *m7[] = {"t", "-parallel=3", NULL};
    CHECK(mix(2, m7, "-parallel=3", "FERRET_LIBFUZZER=1", "-workers=3"));
    char *ok2[] = {"t", "-runs=10", "corpus", NULL};
    CHECK(parse(&o, 3, ok2) == 0);
    unsetenv("FERRET_LIBFUZZER");
    /* each style alone, and the flags both share, are fine */
    char *ok3[] = {"t", "-fuzz", "-fuzztime=10x", "-parallel=2", "-max_len=64", "-timeout=1", "-seed=3",
                   "-rss_limit_mb=100", "-use_value_profile=1", "-ignore_crashes=1", NULL};
    CHECK(parse(&o, 10, ok3) == 0);
    char *ok4[] = {"t", "-runs=10", "-workers=2", "-print_final_stats=1", "-max_len=64", "-use_cmp=0",
                   "-keep_going=1", "corpus", NULL};
    CHECK(flags_parse(&o, 8, ok4, err, sizeof err) == 0 && o.libfuzzer &&
          !strcmp(o.lf_arg, "-runs=10") && o.workers == 2);
    flags_free(&o);
    /* -ignore_remaining_args: what follows is the target's, -fuzz included */
    char *ok5[] = {"t", "-runs=10", "-ignore_remaining_args=1", "-fuzz", "-parallel=2", NULL};
    CHECK(parse(&o, 5, ok5) == 0);
}

/* -minimize_inputs=1 with minimization off would do nothing: refused,
 * naming both as written. */
static void test_minimize_inputs(void)
{
    char *both[] = {"t", "-minimize_inputs=1", "-fuzzminimizetime=0s", NULL};
    CHECK(flags_parse(&opt, 3, both, err, sizeof err) != 0);
    CHECK(strstr(err, "-minimize_inputs=1 asks") == err && strstr(err, "-fuzzminimizetime=0s turns") &&
          strstr(err, "drop one"));
    char *on[] = {"t", "-minimize_inputs", "-fuzzminimizetime=10x", NULL};
    CHECK(flags_parse(&opt, 3, on, err, sizeof err) == 0 && opt.minimize_inputs == 1);
    flags_free(&opt);
    char *off[] = {"t", "-minimize_inputs=0", "-fuzzminimizetime=0", NULL};
    CHECK(flags_parse(&opt, 3, off, err, sizeof err) == 0 && opt.minimize_inputs == 0);
    flags_free(&opt);
    char *dflt[] = {"t", NULL};
    CHECK(flags_parse(&opt, 1, dflt, err, sizeof err) == 0 && opt.minimize_inputs == 0);
    flags_free(&opt);
}

/* libFuzzer's flags ferret does not implement: refused with one line naming
 * the flag as written, unless the value is what ferret does anyway; either
 * way the command line is libFuzzer's.  An unknown name stays a warning. */
static void test_lf_unimplemented(void)
{
    const char *refused[] = {"-print_funcs=2", "-focus_function=LLVMFuzzerTestOneInput", "-shuffle=1",
                             "-keep_seed=0", "-print_full_coverage=1",
                             "-cross_over=0", "-handle_segv=0", "-entropic=0",
                             "-mutate_depth=5", "-merge_inner=cf", "-verbosity=0", "-use_memmem=0"};
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        CHECK(one(refused[i]) != 0);
        CHECK(strstr(err, refused[i]) == err && strstr(err, "not implemented in ferret") &&
              strstr(err, "drop it") && !strchr(err, '\n'));
    }
    CHECK(one("-print_funcs=2") != 0 && strstr(err, "the only value accepted: 0"));
    const char *ok[] = {"-print_funcs=0", "-cross_over=1", "-handle_segv=1", "-handle_winexcept=0",
                        "-handle_winexcept=1", "-purge_allocator_interval=-1", "-entropic=1",
                        "-print_full_coverage=0", "-shuffle=0", "-verbosity=1", "-verbosity=2", "-cross_over"};
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        char *argv[] = {"t", (char *)ok[i], NULL};
        CHECK(flags_parse(&opt, 2, argv, err, sizeof err) == 0);
        CHECK(opt.libfuzzer && opt.lf_arg == argv[1] && opt.nunknown == 0);
        flags_free(&opt);
    }
    char *unknown[] = {"t", "-runs=1", "-some_future_flag=3", NULL};
    CHECK(flags_parse(&opt, 3, unknown, err, sizeof err) == 0 && opt.nunknown == 1);
    flags_free(&opt);
}

/* Every flag of clang 14's libFuzzer (FuzzerFlags.def, internal ones too)
 * is known: implemented, or refused by name; none is an unknown-flag warning
 * (README.md's table lists each with its status). */
static void test_every_libfuzzer_flag_known(void)
{
    static const char *const lf14[] = {
        "seed", "runs", "max_len", "len_control", "seed_inputs", "keep_seed", "cross_over",
        "cross_over_uniform_dist", "mutate_depth", "reduce_depth", "shuffle", "prefer_small",
        "timeout", "error_exitcode", "timeout_exitcode", "max_total_time", "help", "fork",
        "fork_corpus_groups", "ignore_timeouts", "ignore_ooms", "ignore_crashes", "merge",
        "set_cover_merge", "stop_file", "merge_control_file", "minimize_crash", "cleanse_crash",
        "mutation_graph_file", "use_counters", "use_memmem", "use_value_profile", "use_cmp",
        "shrink", "reduce_inputs", "jobs", "workers", "reload", "report_slow_units", "only_ascii",
        "dict", "artifact_prefix", "exact_artifact_path", "print_pcs", "print_funcs",
        "print_final_stats", "print_corpus_stats", "print_coverage", "print_full_coverage",
        "dump_coverage", "handle_segv", "handle_bus", "handle_abrt", "handle_ill", "handle_fpe",
        "handle_int", "handle_term", "handle_xfsz", "handle_usr1", "handle_usr2",
        "handle_winexcept", "close_fd_mask", "detect_leaks", "purge_allocator_interval",
        "trace_malloc", "rss_limit_mb", "malloc_limit_mb", "exit_on_src_pos", "exit_on_item",
        "ignore_remaining_args", "focus_function", "entropic",
        "entropic_feature_frequency_threshold", "entropic_number_of_rarest_features",
        "entropic_scale_per_exec_time", "analyze_dict", "use_clang_coverage", "data_flow_trace",
        "collect_data_flow", "create_missing_dirs", "merge_inner", "minimize_crash_internal_step",
        "features_dir",
    };
    for (size_t i = 0; i < sizeof lf14 / sizeof lf14[0]; i++) {
        char arg[80];
        snprintf(arg, sizeof arg, "-%s=0", lf14[i]);
        char *argv[] = {"t", "-runs=1", arg, NULL};
        if (flags_parse(&opt, 3, argv, err, sizeof err) == 0) {
            CHECK_EQ_U(opt.nunknown, 0);
            flags_free(&opt);
        } else {
            CHECK(strstr(err, arg) != NULL);
        }
    }
    CHECK_EQ_U(sizeof lf14 / sizeof lf14[0], 83);
}

int main(void)
{
    unsetenv("FERRET_LIBFUZZER");
    RUN(test_budgets);
    RUN(test_durations);
    RUN(test_zero_budgets);
    RUN(test_timeout);
    RUN(test_syntax);
    RUN(test_numbers);
    RUN(test_errors);
    RUN(test_styles);
    RUN(test_lf_unimplemented);
    RUN(test_minimize_inputs);
    RUN(test_every_libfuzzer_flag_known);
    return CHECK_DONE("flags");
}
