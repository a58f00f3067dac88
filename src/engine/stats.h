/*
 * stats.h - the clock of the coordinator's progress lines: when one is due
 * (every 3 seconds), the time since set-up and since the last line, the
 * executions at the last line (Go's rate is over the last interval).  The
 * lines themselves are the reporter's (report.h): stats_* hand it the event
 * and restart the interval when it printed one.  Owned by the coordinator.
 */
#ifndef FERRET_STATS_H
#define FERRET_STATS_H

#include <stddef.h>
#include <stdint.h>

#include "progress.h" /* PROGRESS_NOW, PROGRESS_FINAL */
#include "reporter.h"

#define STATS_INTERVAL_NS (3ULL * 1000000000ULL)

struct stats {
    uint64_t start_ns;
    uint64_t last_ns;         /* when the last line was printed */
    uint64_t last_execs;
    int op;                   /* the run before fuzzing: REPORT_OP_BASELINE or _MERGE */
    uint64_t done_before;     /* its entries done before it began (a resumed merge's) */
};

/* Set up, for a run whose first part is op (REPORT_OP_BASELINE, or
 * REPORT_OP_MERGE), done_before of its entries already done. */
void stats_start(struct stats *s, uint64_t now_ns, int op, uint64_t done_before);
/* 1 if an interval has passed since the last line. */
int stats_due(const struct stats *s, uint64_t now_ns);
/* The baseline's (or merge's) progress, done of total entries run; flags:
 * PROGRESS_NOW right after set-up, PROGRESS_FINAL when the last one ran
 * (progress.h).  At most one line every 3 s gets through (report.c). */
void stats_baseline(struct stats *s, uint64_t now_ns, size_t done, size_t total, unsigned flags);
/* A progress event: p->tick, p->fill and p->ctx set (p->base_*, nworkers for
 * REPORT_INITED, new_len for REPORT_NEW); the times are set here. */
void stats_progress(struct stats *s, uint64_t now_ns, struct report_progress *p);

#endif
