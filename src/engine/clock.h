/*
 * clock.h - the one clock every process of ferret reads: CLOCK_MONOTONIC in
 * nanoseconds; the calling thread's CPU time; and the time budget of a
 * worker's FUZZ call in time mode.  Layer 0: owns nothing, depends on
 * nothing of ferret's.
 */
#ifndef FERRET_CLOCK_H
#define FERRET_CLOCK_H

#include <stdint.h>

uint64_t engine_now_ns(void);
/* CPU time the calling thread has used (CLOCK_THREAD_CPUTIME_ID): a system
 * call, unlike the monotonic clock, so not for every execution. */
uint64_t engine_cpu_ns(void);

/*
 * A FUZZ call's time limit (time mode) counts the worker's CPU time, not
 * the wall clock's: on a loaded machine the wall clock runs on while the
 * worker waits for a core, and a wall limit then ends calls after fewer
 * executions, so the schedule's picks, hence the run, moved with the load
 * (state16 at -fuzztime=60s took up to 28x, median 4.8x, the executions of
 * the same seed at -fuzztime=Nx).  A call of a fast target is bounded by its execution count
 * (the coordinator's FUZZ_CALL_EXECS), as in Nx mode; this budget bounds a
 * slow target's.
 *
 * The caller reads a cheap wall clock often and the CPU clock only when the
 * wall clock says the budget could be spent (call_budget_due): the CPU time
 * used cannot exceed the wall time elapsed.  A target that sleeps or blocks
 * spends little CPU: a call also ends after CALL_WALL_FACTOR times its
 * limit in wall time.  The factor is large because a worker that waits for
 * a core looks the same from here: at 10 (1 s), a niced worker on a
 * 2-core machine with a load of 12 got so little CPU that calls of a fast
 * target ended early and a time-mode run left its Nx path (nested_tlv,
 * seed 9).  The end of a time budget does not wait for it: the coordinator
 * stops the calls then.
 */
#define CALL_WALL_FACTOR 100

struct call_budget {
    uint64_t start_ns;   /* wall clock at the start */
    uint64_t check_ns;   /* wall clock at which the CPU clock is next read */
    uint64_t cpu0_ns;    /* CPU clock at the start */
    uint64_t limit_ns;   /* CPU time the call may use; 0 = no limit */
};

void call_budget_start(struct call_budget *b, uint64_t now_ns, uint64_t cpu_ns,
                       uint64_t limit_ns);
/* 1 when the wall clock (now_ns) has reached check_ns: read the CPU clock
 * and ask call_budget_over.  Never 1 without a limit. */
static inline int call_budget_due(const struct call_budget *b, uint64_t now_ns)
{
    return b->limit_ns && now_ns >= b->check_ns;
}
/* 1 when the call is over: it used its CPU limit, or CALL_WALL_FACTOR times
 * the limit passed on the wall clock.  Otherwise 0, and the next check is
 * put off until the rest of the CPU budget could be spent at the earliest. */
int call_budget_over(struct call_budget *b, uint64_t now_ns, uint64_t cpu_ns);

#endif
