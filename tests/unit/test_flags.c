/* test_flags.c - durations, Nx budgets, flag syntax and errors. */
#include <string.h>

#include "check.h"
#include "flags.h"

#define SEC 1000000000ULL

static int parse(struct options *o, int argc, char **argv)
{
    char err[256];
    return flags_parse(o, argc, argv, err, sizeof err);
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
    CHECK(flags_parse_budget("0x", &b) == 0 && b.kind == BUDGET_NONE);
    CHECK(flags_parse_budget("", &b) != 0);
    CHECK(flags_parse_budget("10", &b) != 0);   /* a duration needs a unit */
    CHECK(flags_parse_budget("abc", &b) != 0);
    CHECK(flags_parse_budget("10q", &b) != 0);
    CHECK(flags_parse_budget("x", &b) != 0);
    CHECK(flags_parse_budget("-5s", &b) != 0);
    CHECK(flags_parse_budget("12xx", &b) != 0);
    uint64_t ns;
    CHECK(flags_parse_seconds("5", &ns) == 0 && ns == 5 * SEC);
    CHECK(flags_parse_seconds("500ms", &ns) == 0 && ns == SEC / 2);
    CHECK(flags_parse_seconds("five", &ns) != 0);
}

static void test_syntax(void)
{
    struct options o;
    char *a1[] = {"t", "-fuzz", "--parallel=3", "-fuzztime=100x", "dir1", "-seed=42", "file2", NULL};
    CHECK(parse(&o, 7, a1) == 0);
    CHECK(o.fuzz != NULL && o.parallel == 3 && o.seed == 42);
    CHECK(o.fuzztime.kind == BUDGET_COUNT && o.fuzztime.count == 100);
    CHECK(o.npaths == 2 && !strcmp(o.paths[0], "dir1") && !strcmp(o.paths[1], "file2"));
    /* defaults */
    char *a2[] = {"t", NULL};
    CHECK(parse(&o, 1, a2) == 0);
    CHECK(o.fuzz == NULL && o.parallel == 0 && o.timeout == 0 && o.help == 0);
    CHECK(o.fuzzminimizetime.kind == BUDGET_TIME && o.fuzzminimizetime.ns == 60 * SEC);
    char *a3[] = {"t", "-help", "-timeout=3", "-fuzzminimizetime=0", NULL};
    CHECK(parse(&o, 4, a3) == 0 && o.help == 1 && o.timeout == 3 * SEC);
    CHECK(o.fuzzminimizetime.kind == BUDGET_NONE);
}

static void test_errors(void)
{
    struct options o;
    char err[256];
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

int main(void)
{
    test_budgets();
    test_syntax();
    test_errors();
    return CHECK_DONE("flags");
}
