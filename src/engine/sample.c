/*
 * sample.c - the coordinator's state for the stats file and the status
 * screen (see sample.h).
 *
 * The numbers are the ones the progress lines and the final stats show
 * (live_execs, the mask's edges and features, the corpus less retired
 * entries, the findings lifecycle's own list), so the stats file, the
 * screen and the output agree.  A failed stats write is reported once;
 * fuzzing goes on.
 *
 * Owns: c->smp.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "calls.h"
#include "clock.h"
#include "coordinator_int.h"
#include "coverage.h"
#include "report.h"
#include "report_screen.h"
#include "sample.h"

#define SCREEN_INTERVAL_NS SEC_NS

static const char *state_name(enum wstate st)
{
    switch (st) {
    case W_STARTING: return "starting";
    case W_IDLE: return "idle";
    case W_BUSY: return "busy";
    default: return "down";
    }
}

/* A worker's executions: credited, plus its running FUZZ call's count. */
static uint64_t worker_execs(const struct worker *w)
{
    uint64_t n = w->execs;
    if (w->st == W_BUSY && w->job.op == RPC_FUZZ) {
        uint64_t k = SHM_LOAD(w->shm.hdr->count);
        n += w->job.limit && k > w->job.limit ? w->job.limit : k;
    }
    return n;
}

unsigned sample_stability_pm(const struct coordinator *c)
{
    if (c->nunstable == 0)
        return 1000;
    size_t hit = coverage_edges(c->mask, c->ncounters);
    return hit ? (unsigned)((hit - c->nunstable) * 1000 / hit) : 1000;
}

/* The sample; s->workers is malloc'd (NULL, and nworkers 0, if it fails). */
static void take(const struct coordinator *c, uint64_t now_ns, struct stats_sample *s)
{
    memset(s, 0, sizeof *s);
    double elapsed = (double)(now_ns - c->stats.start_ns) / 1e9;
    s->elapsed_s = elapsed;
    s->execs = live_execs(c);
    s->execs_per_sec = elapsed > 0 ? (double)s->execs / elapsed : 0;
    for (size_t i = 0; i < c->corpus.n; i++)
        if (!c->corpus.v[i]->retired) {
            s->corpus_entries++;
            s->corpus_bytes += c->corpus.v[i]->len;
        }
    s->edges = coverage_edges(c->mask, c->nedges); /* the feature maps follow */
    s->features = coverage_bits(c->mask, c->ncounters);
    s->stability = sample_stability_pm(c) / 1000.0;
    for (size_t i = 0; i < c->fd.n; i++) {
        s->findings[c->fd.v[i]->kind]++;
        s->finding_hits += c->fd.v[i]->hits;
    }
    s->minimize_queue = queue_len(&c->minq) + queue_len(&c->fd.q) + (c->fd.fmin != NULL);
    struct stats_worker *w = calloc((size_t)(c->nw > 0 ? c->nw : 1), sizeof *w);
    for (int i = 0; w && i < c->nw; i++) {
        const struct worker *wk = &c->w[i];
        w[i].id = wk->id;
        w[i].state = state_name(wk->st);
        w[i].restarts = wk->starts > 0 ? wk->starts - 1 : 0;
        w[i].rss_mb = wk->pid > 0 ? sup_rss_mb((struct worker *)&c->w[i]) : 0;
    }
    s->workers = w;
    s->nworkers = w ? (size_t)c->nw : 0;
}

static void write_line(struct coordinator *c, const struct stats_sample *s)
{
    if (statsfile_append(&c->smp.sf, s) != 0 && !c->smp.sf.warned) {
        c->smp.sf.warned = 1;
        report_warning("cannot write to -stats_file=%s: %s; fuzzing goes on without it\n",
                       c->o->stats_file, strerror(errno));
    }
}

static const char *phase_name(const struct coordinator *c)
{
    if (c->fd.fmin)
        return "minimizing a finding";
    switch (c->phase) {
    case PH_BASELINE: return c->merging ? "merging" : "running the corpus (baseline)";
    case PH_FUZZ: return c->stop_requested ? "stopping" : "fuzzing";
    case PH_CRASH: return "a finding: stopping";
    default: return "stopping";
    }
}

static void draw(struct coordinator *c, uint64_t now_ns, const struct stats_sample *s)
{
    struct sample_state *m = &c->smp;
    double dt = m->prev_ns && now_ns > m->prev_ns ? (double)(now_ns - m->prev_ns) / 1e9 : 0;
    double *rate = calloc((size_t)(c->nw > 0 ? c->nw : 1), sizeof *rate);
    for (int i = 0; i < c->nw; i++) {
        uint64_t e = worker_execs(&c->w[i]);
        if (rate && dt > 0 && m->prev_worker && e >= m->prev_worker[i])
            rate[i] = (double)(e - m->prev_worker[i]) / dt;
        if (m->prev_worker)
            m->prev_worker[i] = e;
    }
    struct screen_state st = {
        .s = s, .target = c->target, .seed = m->seed, .phase = phase_name(c),
        .since_new_s = m->last_new_ns ? (double)(now_ns - m->last_new_ns) / 1e9 : -1,
        .execs_per_sec_now = dt > 0 && s->execs >= m->prev_execs ? (double)(s->execs - m->prev_execs) / dt : 0,
        .worker_rate = rate,
    };
    screen_draw(&st);
    free(rate);
    m->prev_ns = now_ns;
    m->prev_execs = s->execs;
}

void sample_begin(struct coordinator *c, uint64_t seed)
{
    struct sample_state *m = &c->smp;
    m->seed = seed;
    if (!c->o->tui || c->o->libfuzzer || c->merging || c->minimize_only || !screen_wanted())
        return;
    m->prev_worker = calloc((size_t)(c->nw > 0 ? c->nw : 1), sizeof *m->prev_worker);
    if (m->prev_worker && screen_begin() == 0)
        m->screen = 1;
}

void sample_new_input(struct coordinator *c) { c->smp.last_new_ns = engine_now_ns(); }

void sample_tick(struct coordinator *c, uint64_t now_ns)
{
    struct sample_state *m = &c->smp;
    int line = m->sf.fd >= 0 && c->phase != PH_DONE;
    if (line && m->sf_next_ns == 0)
        m->sf_next_ns = c->stats.start_ns + c->o->stats_interval;
    line = line && now_ns >= m->sf_next_ns;
    int redraw = m->screen && now_ns >= m->screen_next_ns;
    if (!line && !redraw)
        return;
    struct stats_sample s;
    take(c, now_ns, &s);
    if (line) {
        write_line(c, &s);
        while (m->sf_next_ns <= now_ns) /* no burst after a stall */
            m->sf_next_ns += c->o->stats_interval;
    }
    if (redraw) {
        draw(c, now_ns, &s);
        m->screen_next_ns = now_ns + SCREEN_INTERVAL_NS;
    }
    free((void *)s.workers);
}

void sample_final(struct coordinator *c)
{
    struct sample_state *m = &c->smp;
    if (m->sf.fd < 0 && !m->screen)
        return;
    uint64_t now = engine_now_ns();
    struct stats_sample s;
    take(c, now, &s);
    s.final = 1;
    if (m->sf.fd >= 0) {
        write_line(c, &s);
        statsfile_close(&m->sf);
    }
    if (m->screen)
        draw(c, now, &s); /* the last screen: its summary stays after screen_end */
    free((void *)s.workers);
}

void sample_end(struct coordinator *c)
{
    if (c->smp.screen)
        screen_end();
    c->smp.screen = 0;
    free(c->smp.prev_worker);
    c->smp.prev_worker = NULL;
}
