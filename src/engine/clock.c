/*
 * clock.c - engine_now_ns, engine_cpu_ns and a FUZZ call's time budget (see
 * clock.h).  The worker's hot loop reads the cheaper CLOCK_MONOTONIC_COARSE
 * itself; everything else reads engine_now_ns.
 *
 * Invariant of a call budget: check_ns - start_ns never exceeds the wall
 * limit, and the CPU clock is read at most once per check (each check
 * puts the next one off by the CPU time still left, so a call that gets a
 * core all the time reads it about once).
 *
 * Owns: nothing (it reads the clocks; a budget is the caller's).
 */
#include <time.h>

#include "clock.h"

static uint64_t read_clock(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

uint64_t engine_now_ns(void)
{
    return read_clock(CLOCK_MONOTONIC);
}

uint64_t engine_cpu_ns(void)
{
    return read_clock(CLOCK_THREAD_CPUTIME_ID);
}

void call_budget_start(struct call_budget *b, uint64_t now_ns, uint64_t cpu_ns,
                       uint64_t limit_ns)
{
    *b = (struct call_budget){.start_ns = now_ns, .check_ns = now_ns + limit_ns,
                              .cpu0_ns = cpu_ns, .limit_ns = limit_ns};
}

int call_budget_over(struct call_budget *b, uint64_t now_ns, uint64_t cpu_ns)
{
    uint64_t used = cpu_ns > b->cpu0_ns ? cpu_ns - b->cpu0_ns : 0;
    uint64_t wall_end = b->start_ns + CALL_WALL_FACTOR * b->limit_ns;
    if (used >= b->limit_ns || now_ns >= wall_end)
        return 1;
    uint64_t next = now_ns + (b->limit_ns - used);
    b->check_ns = next < wall_end ? next : wall_end;
    return 0;
}
