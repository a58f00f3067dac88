/*
 * progress.h - the arithmetic of a long operation's progress line (the
 * baseline run, a merge, minimizing a finding): the estimated time left from
 * the rate so far, the rate in words, a duration in words, and the limiter
 * that lets at most one line through every PROGRESS_INTERVAL_NS.  Pure
 * functions of the numbers and timestamps handed in (the caller reads the
 * clock, clock.h), so each is unit-tested with made-up times
 * (tests/unit/test_progress.c).  The lines themselves are the reporter's
 * (report.c, and each dialect's words).
 */
#ifndef FERRET_PROGRESS_H
#define FERRET_PROGRESS_H

#include <stddef.h>
#include <stdint.h>

#define PROGRESS_INTERVAL_NS (3ULL * 1000000000ULL)

/* The time left when done of total took elapsed_ns, at that rate:
 * elapsed * (total - done) / done.  1 and *eta_ns set when it is known
 * (0 < done <= total, elapsed_ns > 0); 0 when it is not (nothing done yet,
 * total unknown (0) or smaller than done). */
int progress_eta(uint64_t done, uint64_t total, uint64_t elapsed_ns, uint64_t *eta_ns);

/* "97/s", "1.5/s", "0.3/s": done per second over elapsed_ns; "?/s" when
 * nothing is known (elapsed 0). */
void progress_rate(char *buf, size_t len, uint64_t done, uint64_t elapsed_ns);

/* "0s", "42s", "3m7s", "2h0m5s" (whole seconds, rounded down). */
void progress_duration(char *buf, size_t len, uint64_t ns);

/* The limiter.  One per reporting process; an operation is named by op and
 * the time it began (a new pair starts afresh). */
enum {
    PROGRESS_NOW = 1,   /* the operation's first line may come at once */
    PROGRESS_FINAL = 2, /* its last state: always let through */
};
struct progress_limit {
    int op;
    uint64_t start_ns;
    uint64_t last_ns;   /* the last line let through (or start_ns) */
    int shown;          /* lines let through for this operation */
    int lines;          /* lines the caller printed for it (the caller counts them) */
};
/* 1 if a line for (op, start_ns) may be printed at now_ns, and it is then
 * counted as printed: the operation's final state always; its first line at
 * once with PROGRESS_NOW; otherwise PROGRESS_INTERVAL_NS after the last line
 * (or after start_ns, for the first). */
int progress_allow(struct progress_limit *l, int op, uint64_t start_ns, uint64_t now_ns,
                   unsigned flags);

#endif
