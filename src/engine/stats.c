/*
 * stats.c - the progress lines' clock (see stats.h).
 *
 * Owns: the fields of struct stats (the coordinator's c->stats): when
 * fuzzing was set up, when the last line was printed and the executions at
 * that line, which operation the run starts with (the baseline or a merge)
 * and how much of it a resumed merge had done; and the times it sets in
 * each progress event it hands the reporter.
 */
#include "progress.h"
#include "report.h"
#include "stats.h"

void stats_start(struct stats *s, uint64_t now_ns, int op, uint64_t done_before)
{
    s->start_ns = now_ns;
    s->last_ns = now_ns;
    s->last_execs = 0;
    s->op = op;
    s->done_before = done_before;
}

int stats_due(const struct stats *s, uint64_t now_ns)
{
    return now_ns - s->last_ns >= STATS_INTERVAL_NS;
}

void stats_baseline(struct stats *s, uint64_t now_ns, size_t done, size_t total, unsigned flags)
{
    struct report_op p = {.op = s->op ? s->op : REPORT_OP_BASELINE, .start_ns = s->start_ns,
                          .now_ns = now_ns, .run_elapsed_ns = now_ns - s->start_ns, .done = done,
                          .total = total, .done_before = s->done_before, .flags = flags};
    if (report_op_progress(&p))
        s->last_ns = now_ns;
}

void stats_progress(struct stats *s, uint64_t now_ns, struct report_progress *p)
{
    p->elapsed_ns = now_ns - s->start_ns;
    p->since_last_ns = now_ns - s->last_ns;
    p->last_execs = s->last_execs;
    if (!report_progress(p))
        return;
    s->last_ns = now_ns;
    if (p->tick != REPORT_INITED) /* the baseline's last line: the rate starts after it */
        s->last_execs = p->execs;
}
