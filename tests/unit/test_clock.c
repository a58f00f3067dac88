/* test_clock.c - a FUZZ call's time budget (clock.h): it counts CPU time,
 * reads the CPU clock only when the wall clock says it could be spent, and
 * ends at CALL_WALL_FACTOR times its limit in wall time whatever the CPU
 * time says. */
#include <stdint.h>

#include "check.h"
#include "clock.h"

/* Without a limit (Nx mode) a call is never due. */
static void test_no_limit(void)
{
    struct call_budget b;
    call_budget_start(&b, 1000, 50, 0);
    CHECK(!call_budget_due(&b, 1000));
    CHECK(!call_budget_due(&b, UINT64_MAX));
}

/* A worker that waits for a core: the wall limit passes with little CPU
 * used, and the call goes on until its CPU limit is used. */
static void test_counts_cpu_time(void)
{
    struct call_budget b;
    call_budget_start(&b, 1000, 500, 100);
    CHECK(!call_budget_due(&b, 1099));
    CHECK(call_budget_due(&b, 1100));
    CHECK(!call_budget_over(&b, 1100, 540)); /* 40 of 100 used */
    CHECK_EQ_U(b.check_ns, 1160);            /* 60 left: not due before */
    CHECK(!call_budget_due(&b, 1159));
    CHECK(call_budget_due(&b, 1160));
    CHECK(!call_budget_over(&b, 1160, 599));
    CHECK(call_budget_over(&b, 1161, 600));  /* the limit used */
}

/* A target that sleeps uses no CPU: the call ends at CALL_WALL_FACTOR
 * times its limit in wall time, and no check is put off past that. */
static void test_wall_bound(void)
{
    struct call_budget b;
    uint64_t end = 1000 + CALL_WALL_FACTOR * 100;
    call_budget_start(&b, 1000, 500, 100);
    CHECK(!call_budget_over(&b, end - 1, 510));
    CHECK_EQ_U(b.check_ns, end);
    CHECK(call_budget_over(&b, end, 510));
}

/* A CPU clock read before the start (another thread's, a clock that went
 * back) counts as nothing used, not as a huge amount. */
static void test_clock_behind(void)
{
    struct call_budget b;
    call_budget_start(&b, 1000, 500, 100);
    CHECK(!call_budget_over(&b, 1100, 400));
    CHECK_EQ_U(b.check_ns, 1200);
}

int main(void)
{
    RUN(test_no_limit);
    RUN(test_counts_cpu_time);
    RUN(test_wall_bound);
    RUN(test_clock_behind);
    return CHECK_DONE("clock");
}
