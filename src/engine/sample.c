/*
 * sample.c - the coordinator's state as a stats-file line (see sample.h).
 *
 * The numbers are the ones the progress lines and the final stats show
 * (live_execs, the mask's edges and features, the corpus less retired
 * entries, the findings lifecycle's own list), so the stats file and the
 * output agree.  A failed write is reported once; fuzzing goes on.
 *
 * Owns: c->sf_next_ns; writes c->sf.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "calls.h"
#include "clock.h"
#include "coordinator_int.h"
#include "coverage.h"
#include "report.h"
#include "sample.h"

static const char *state_name(enum wstate st)
{
    switch (st) {
    case W_STARTING: return "starting";
    case W_IDLE: return "idle";
    case W_BUSY: return "busy";
    default: return "down";
    }
}

/* Stable counters among those ever hit, per mille (AFL++'s stability). */
unsigned sample_stability_pm(const struct coordinator *c)
{
    if (c->nunstable == 0)
        return 1000;
    size_t hit = coverage_edges(c->mask, c->ncounters);
    return hit ? (unsigned)((hit - c->nunstable) * 1000 / hit) : 1000;
}

static void sample_write(struct coordinator *c, uint64_t now_ns, int final)
{
    struct stats_worker *w = calloc((size_t)(c->nw > 0 ? c->nw : 1), sizeof *w);
    struct stats_sample s = {.final = final, .workers = w, .nworkers = w ? (size_t)c->nw : 0};
    double elapsed = (double)(now_ns - c->stats.start_ns) / 1e9;
    s.elapsed_s = elapsed;
    s.execs = live_execs(c);
    s.execs_per_sec = elapsed > 0 ? (double)s.execs / elapsed : 0;
    for (size_t i = 0; i < c->corpus.n; i++)
        if (!c->corpus.v[i]->retired) {
            s.corpus_entries++;
            s.corpus_bytes += c->corpus.v[i]->len;
        }
    s.edges = coverage_edges(c->mask, c->ncounters);
    s.features = coverage_bits(c->mask, c->ncounters);
    s.stability = sample_stability_pm(c) / 1000.0;
    for (size_t i = 0; i < c->fd.n; i++) {
        s.findings[c->fd.v[i]->kind]++;
        s.finding_hits += c->fd.v[i]->hits;
    }
    s.minimize_queue = queue_len(&c->minq) + queue_len(&c->fd.q) + (c->fd.fmin != NULL);
    for (size_t i = 0; i < s.nworkers; i++) {
        const struct worker *wk = &c->w[i];
        w[i].id = wk->id;
        w[i].state = state_name(wk->st);
        w[i].restarts = wk->starts > 0 ? wk->starts - 1 : 0;
        w[i].rss_mb = wk->pid > 0 ? sup_rss_mb(&c->w[i]) : 0;
    }
    if (statsfile_append(&c->sf, &s) != 0 && !c->sf.warned) {
        c->sf.warned = 1;
        report_warning("cannot write to -stats_file=%s: %s; fuzzing goes on without it\n",
                       c->o->stats_file, strerror(errno));
    }
    free(w);
}

void sample_tick(struct coordinator *c, uint64_t now_ns)
{
    if (c->sf.fd < 0 || c->phase == PH_DONE)
        return;
    if (c->sf_next_ns == 0)
        c->sf_next_ns = c->stats.start_ns + c->o->stats_interval;
    if (now_ns < c->sf_next_ns)
        return;
    sample_write(c, now_ns, 0);
    while (c->sf_next_ns <= now_ns) /* no burst after a stall */
        c->sf_next_ns += c->o->stats_interval;
}

void sample_final(struct coordinator *c)
{
    if (c->sf.fd < 0)
        return;
    sample_write(c, engine_now_ns(), 1);
    statsfile_close(&c->sf);
}
