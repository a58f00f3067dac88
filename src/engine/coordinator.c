/*
 * coordinator.c - the fuzzing coordinator: Go's internal/fuzz design in C.
 *
 * The coordinator never runs the target.  It owns the corpus, the global
 * coverage mask, the input queue and the minimization queue, and it hands
 * work to workers (supervise.h) in one poll() loop:
 *
 *   BASELINE --all corpus entries run--> FUZZ --budget spent / Ctrl-C--> DONE
 *      |                                   |
 *      | -merge: select, write (merge.c)   | a worker died on an input, hung,
 *      v                                   | ran out of memory or leaked
 *     DONE                                 v
 *                                       CRASH (crash.c): no more fuzzing;
 *                                       minimize the finding (restarting the
 *                                       worker each time a smaller candidate
 *                                       crashes), write it, report --> DONE
 *                                       With -keep_going the phase stays
 *                                       FUZZ: one worker minimizes while the
 *                                       others go on.
 *
 * While fuzzing, a worker reports an input with new coverage (deflaked: it
 * ran twice); the coordinator re-checks it against the global mask, writes it
 * to the cache, adds it to the corpus, merges its coverage into the mask and
 * queues it for minimization that keeps the edges it brought.  Minimizing
 * takes spare worker time only (may_minimize); its result replaces the entry
 * as found, whose file goes (retire_entry).  Go minimizes before it adds, so
 * a target rich in coverage piles up inputs nobody fuzzes yet.
 * -sync_dir adds entries other instances published (sync.c).  Setting a
 * coordinator up, for each way a run uses it, is fuzz.c's.
 *
 * Invariants:
 *  - a crasher is on disk (temp + fsync + rename) before it is reported;
 *  - every value read from a worker (reply, header field, length) is checked
 *    against the coordinator's own copy of the layout before use;
 *  - with -fuzztime=Nx, exactly N fuzzing executions are handed out and
 *    counted (executions are counted when the worker reports them or dies).
 *
 * Owns: no file-scope state.  In the coordinator, the [L] fields of struct
 * coordinator (coordinator_int.h): the phase, the queues (inputq, minq,
 * writeq, base_retry), the schedule, the mask's growth, the budget's
 * clocks, the automatic timeout, the unstable counters; with calls.c and
 * crash.c, the [C] records of each worker slot; the candidates (struct
 * cand) waiting on minq.  On disk, in the cache directory: the new inputs
 * and minimized forms it writes, and the files of entries replaced by their
 * minimized form, which it removes.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "coverage.h"
#include "dict.h"
#include "engine.h"
#include "mutator.h"
#include "minimize.h"
#include "queue.h"
#include "reduce.h"
#include "schedule.h"
#include "stats.h"
#include "supervise.h"

#include "calls.h"
#include "coordinator_int.h"
#include "report.h"
#include "words.h"
#include "sample.h"
#include "hash.h"

/* ---- the corpus and the mask ------------------------------------------ */

static uint64_t self_rss_mb(void)
{
    long pages = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    if (f) {
        if (fscanf(f, "%*s %ld", &pages) != 1)
            pages = 0;
        fclose(f);
    }
    return (uint64_t)pages * (uint64_t)sysconf(_SC_PAGESIZE) >> 20;
}


/* A progress line's numbers, as much as the reporter asks for (the
 * corpus part reads /proc for each worker). */
static void fill_progress(void *ctx, struct report_progress *p, unsigned parts)
{
    struct coordinator *c = ctx;
    p->execs = live_execs(c);
    if (parts & REPORT_PART_RUN) {
        p->new_interesting = c->new_interesting;
        p->total = c->corpus.n - c->nretired;
        p->stability_pm = sample_stability_pm(c);
    }
    if (!(parts & REPORT_PART_CORPUS))
        return;
    uint64_t bytes = 0, rss = self_rss_mb();
    for (size_t i = 0; i < c->corpus.n; i++)
        bytes += c->corpus.v[i]->retired ? 0 : c->corpus.v[i]->len;
    for (int i = 0; i < c->nw; i++) {
        uint64_t r = c->w[i].pid > 0 ? sup_rss_mb(&c->w[i]) : 0;
        rss = r > rss ? r : rss;
    }
    if (rss > c->peak_rss_mb)
        c->peak_rss_mb = rss;
    p->edges = coverage_edges(c->mask, c->nedges);
    p->features = coverage_bits(c->mask, c->ncounters);
    p->corp_n = c->corpus.n - c->nretired;
    p->corp_bytes = bytes;
    p->lim = c->len_limit;
    p->rss_mb = rss;
}

/* A progress event (reporter.h) at now_ns; the reporter decides whether
 * it is a line. */
static void progress_at(struct coordinator *c, enum report_tick tick, uint64_t new_len,
                        uint64_t now_ns)
{
    struct report_progress p = {
        .tick = tick, .base_done = c->base_done, .base_total = c->corpus.n,
        .nworkers = c->o->fuzztime.kind == BUDGET_COUNT && !c->o->fuzztime.count ? 0 : c->nw,
        .new_len = new_len, .fill = fill_progress, .ctx = c,
    };
    stats_progress(&c->stats, now_ns, &p);
}

void progress(struct coordinator *c, enum report_tick tick, uint64_t new_len)
{
    progress_at(c, tick, new_len, engine_now_ns());
}

static int is_count_budget(const struct budget *b) { return b->kind == BUDGET_COUNT; }

static uint64_t min_budget_ms(const struct coordinator *c)
{
    const struct budget *b = &c->o->fuzzminimizetime;
    return b->kind == BUDGET_TIME ? (b->ns + 999999) / 1000000 : 0;
}

static uint64_t min_budget_tries(const struct coordinator *c)
{
    const struct budget *b = &c->o->fuzzminimizetime;
    return b->kind == BUDGET_COUNT ? b->count : 0;
}

/* Writes an input with new coverage to the cache and adds it to the corpus. */
#define LEN_CONTROL_EXECS 1000

static void learn_word(struct coordinator *c, const uint8_t *word, size_t len)
{
    if (len < 2 || dict_add(&c->autodict, word, len) != 1)
        return;
    if (c->words.n < SHM_WORDS_MAX && dict_add(&c->words, word, len) == 1)
        c->words_version++;
}

/* libFuzzer's -features_dir: each input that joins the corpus gets a file
 * there named like it, holding its features (ferret's ids, counter x 8 +
 * hit-count bucket, as uint32 in the machine's order); an input replaced
 * by its minimized form loses its file.  A write that fails is said once. */
static void write_features(struct coordinator *c, const struct entry *e, const uint32_t *f, size_t n)
{
    if (!c->o->features_dir || !f)
        return;
    if (corpus_write_named(c->o->features_dir, e->name, (const uint8_t *)f, n * sizeof *f) != 0 &&
        !c->features_warned) {
        report_warning("cannot write features to %s: %s\n", c->o->features_dir, strerror(errno));
        c->features_warned = 1;
    }
}

/* An execution time as the weights see it (schedule.h's speed factor):
 * none in an Nx run, which must not depend on the clock, and at least
 * WEIGHED_NS_MIN in a timed run.  Below that, times are the clock's noise
 * (a deflaking run preempted on a loaded machine) and would move a timed
 * run of a fast target off its seed's Nx path (test_time_mode_calls) for
 * nothing; every entry at the floor weighs as in the Nx run. */
#define WEIGHED_NS_MIN 1000000ULL /* 1 ms */
static uint64_t weighed_ns(const struct coordinator *c, uint64_t exec_ns)
{
    if (is_count_budget(&c->o->fuzztime))
        return 0;
    return exec_ns > WEIGHED_NS_MIN ? exec_ns : WEIGHED_NS_MIN;
}

/* Value profile's gate (vpgate.h), by default (-use_value_profile not
 * given).  While it is shut the workers' FUZZ calls run without value
 * profile (vp_quiet, as fast as with it off); its features are still
 * written when an input is new elsewhere (deflake's snapshots are
 * complete) and count in the schedule, so when the gate opens nothing
 * already kept reads as new.  -use_value_profile=1 given: always open, as
 * libFuzzer's; =0: no value profile at all. */
static int vp_gate_closed(const struct coordinator *c)
{
    return c->vp_gated && vp_gate_shut(&c->vp_gate, c->execs);
}

/* A FUZZ call's executions were credited: say when the gate opens (-v). */
static void note_vp_gate(struct coordinator *c, int was_closed)
{
    if (was_closed && !vp_gate_closed(c) && c->o->v)
        say("fuzz: fewer than %d inputs with new edges in %d executions: "
            "inputs that come closer at a compare are kept again\n", VP_GATE_FINDS, VP_GATE_EXECS);
}

/* An input was kept for a feature outside value profile: say when that
 * shuts the gate (-v). */
static void note_edge_find(struct coordinator *c)
{
    int was_closed = vp_gate_closed(c);
    vp_gate_note_find(&c->vp_gate, c->execs);
    if (!was_closed && vp_gate_closed(c) && c->o->v)
        say("fuzz: %d inputs with new edges in fewer than %d executions: "
            "inputs that only come closer at a compare are not kept for now\n", VP_GATE_FINDS, VP_GATE_EXECS);
}

/* cov has a feature the mask lacks outside the value-profile map. */
static int new_beside_vp(const struct coordinator *c, const uint8_t *cov)
{
    return coverage_has_new_beside(cov, c->mask, c->ncounters, c->vp_at, c->vp_len);
}

static void schedule_entry(struct coordinator *c, const struct entry *e, const uint8_t *cov, size_t len,
                           uint64_t exec_ns)
{
    size_t n;
    uint32_t *f = sched_features_of(cov, c->ncounters, &n);
    write_features(c, e, f, n);
    if (f)
        sched_add(&c->sched, f, n, len, exec_ns);
}

/* libFuzzer's -print_pcs: each counter cov covers for the first time is
 * named ("NEW_PC"), before cov is merged into the mask. */
static void print_new_pcs(struct coordinator *c, const uint8_t *cov)
{
    char buf[1024];
    if (!c->describe_counter && !c->counter_src)
        return;
    for (size_t i = 0; i < c->ncounters; i++) {
        if (!cov[i] || c->mask[i])
            continue;
        if (c->describe_counter && c->describe_counter(i, buf, sizeof buf) == 0)
            report_new_pc(buf);
        /* libFuzzer's -exit_on_src_pos: new coverage at that position ends fuzzing */
        if (c->counter_src && c->counter_src(i, buf, sizeof buf) == 0 &&
            strstr(buf, c->o->exit_on_src_pos) && !c->stop_requested) {
            report_exit_found("line matching", c->o->exit_on_src_pos);
            c->stop_requested = 1;
        }
    }
}

/* libFuzzer's -exit_on_item: fuzzing ends once an input with that SHA-1 is
 * in the corpus. */
static void check_exit_on_item(struct coordinator *c, const struct entry *e)
{
    if (c->o->exit_on_item && e && !strcmp(e->name, c->o->exit_on_item) && !c->stop_requested) {
        report_exit_found("item with checksum", c->o->exit_on_item);
        c->stop_requested = 1;
    }
}

/* Adds an input with new coverage to the corpus; its file is written by
 * write_pending() once the idle workers have their next call, so a worker
 * never waits for an fsync.  Returns the new entry, or NULL when it was
 * already there or out of memory. */
static struct entry *accept_input(struct coordinator *c, const uint8_t *data, size_t len,
                                  const uint8_t *cov, const uint8_t *word, size_t word_len,
                                  size_t base, uint64_t exec_ns)
{
    int added;
    struct entry *e = corpus_add(&c->corpus, data, len, NULL, &added);
    print_new_pcs(c, cov);
    if (new_beside_vp(c, cov))
        note_edge_find(c);
    coverage_merge(c->mask, cov, c->ncounters);
    check_exit_on_item(c, e);
    c->execs_since_new = 0;
    if (!e || !added)
        return NULL;
    if (queue_push(&c->writeq, e) != 0) {
        report_error("out of memory queueing %s for the cache\n", e->name);
        c->exit_code = FERRET_EXIT_INTERNAL;
        c->stop_requested = 1;
    }
    learn_word(c, word, word_len);
    schedule_entry(c, e, cov, len, weighed_ns(c, exec_ns));
    if (base < c->sched.n)
        sched_note_child(&c->sched, base, e->index);
    sync_export(c, e);
    c->new_interesting++;
    queue_push(&c->inputq, e);
    sample_new_input(c);
    progress(c, REPORT_NEW, len);
    if (c->o->v)
        say("fuzz: new interesting input %s (%zu bytes), coverage: %zu edges\n", e->name, len,
            coverage_edges(c->mask, c->nedges));
    return e;
}

/* Writes the entries accept_input() added to the cache.  A write that fails
 * stops the run (exit FERRET_EXIT_WRITE, the directory named).  An entry
 * replaced by its minimized form before it was written is never written. */
static void write_pending(struct coordinator *c)
{
    struct entry *e;
    while ((e = queue_pop(&c->writeq))) {
        if (e->retired || crash_exit_code(c) == FERRET_EXIT_WRITE || !c->cachedir)
            continue; /* (no directory: libFuzzer mode without one keeps them in memory) */
        if (corpus_write_atomic(c->cachedir, e->data, e->len, &e->path) != 0) {
            report_error("cannot write corpus entry to %s: %s; fix the directory or pass -cachedir=DIR\n",
                    c->cachedir, strerror(errno));
            c->exit_code = FERRET_EXIT_WRITE;
            c->stop_requested = 1;
        }
    }
}

static void free_candidate(struct cand *k)
{
    if (k) {
        free(k->keep_at);
        free(k->keep_bits);
        free(k);
    }
}

/* The byte candidate k's minimized form must keep at counter i, for the
 * input found with coverage cov and new bits diff: the new bits, or, on
 * any other edge it hit, the edge in any bucket (coverage.h). */
static uint8_t keep_byte(const struct coordinator *c, const uint8_t *cov, const uint8_t *diff,
                         size_t i)
{
    if (diff[i])
        return diff[i];
    return i < c->nedges && cov[i] ? COV_ANY_BUCKET : 0;
}

/* e was just accepted with coverage cov, diff its new bits (ncounters
 * bytes each): what its minimized form must keep (keep_byte) is held
 * sparse, or a long run would hold a full coverage vector per waiting
 * candidate. */
static void queue_candidate(struct coordinator *c, struct entry *e, const uint8_t *cov,
                            const uint8_t *diff)
{
    size_t n = 0;
    for (size_t i = 0; i < c->ncounters; i++)
        n += keep_byte(c, cov, diff, i) != 0;
    struct cand *k = calloc(1, sizeof *k);
    if (!k)
        return;
    k->entry = e;
    k->keep_at = malloc((n ? n : 1) * sizeof *k->keep_at);
    k->keep_bits = malloc(n ? n : 1);
    if (!k->keep_at || !k->keep_bits || queue_push(&c->minq, k) != 0) {
        free_candidate(k);
        return;
    }
    for (size_t i = 0; i < c->ncounters; i++) {
        uint8_t b = keep_byte(c, cov, diff, i);
        if (b) {
            k->keep_at[k->nkeep] = (uint32_t)i;
            k->keep_bits[k->nkeep++] = b;
        }
    }
}

/* cov keeps everything candidate k must keep. */
static int cand_kept(const struct coordinator *c, const struct cand *k, const uint8_t *cov)
{
    for (size_t i = 0; i < k->nkeep; i++)
        if (!coverage_keeps_byte(cov[k->keep_at[i]], k->keep_bits[i], k->keep_at[i] < c->nedges))
            return 0;
    return 1;
}

/* The old entry gives way to its minimized form: it is never picked again
 * and its cache file goes; its bytes stay in memory for calls in flight. */
static void retire_entry(struct coordinator *c, struct entry *old)
{
    old->retired = 1;
    c->nretired++;
    if (old->index < c->sched.n)
        sched_retire(&c->sched, old->index);
    if (old->path && unlink(old->path) != 0 && errno != ENOENT)
        report_warning("cannot remove %s, replaced by its minimized form: %s\n",
                old->path, strerror(errno));
    if (c->o->features_dir) {
        char path[4200];
        snprintf(path, sizeof path, "%s/%s", c->o->features_dir, old->name);
        (void)unlink(path);
    }
}

static void replace_entry(struct coordinator *c, struct entry *old, const uint8_t *data,
                          size_t len, const uint8_t *cov, const char *how)
{
    char *path = NULL;
    int added;
    if (c->cachedir && corpus_write_atomic(c->cachedir, data, len, &path) != 0) {
        report_warning("cannot write a minimized corpus entry to %s: %s; "
                "keeping %s as found\n", c->cachedir, strerror(errno), old->name);
        return;
    }
    /* Not fuzzed yet: it waits in the queue of new entries (next_entry),
     * where its replacement takes its place (else a new entry minimized
     * before its turn would lose it, and the lineage it starts with it). */
    int waiting = old->index >= c->first_found && c->sched.n == c->corpus.n &&
                  c->sched.e[old->index].execs == 0;
    struct entry *e = corpus_add(&c->corpus, data, len, path, &added);
    free(path);
    if (!e)
        return;
    if (added) {
        schedule_entry(c, e, cov, len, 0);
        sync_export(c, e);
    }
    sched_carry_stats(&c->sched, old->index, e->index);
    retire_entry(c, old);
    if (waiting && e != old)
        queue_push(&c->inputq, e); /* (out of memory: it merely loses its turn) */
    check_exit_on_item(c, e);
    if (c->o->v)
        say("fuzz: %s %s (%zu bytes) to %s (%zu bytes)\n", how, old->name, old->len, e->name, len);
}

/* On a stop with candidates still unminimized: they stay as found. */
static void flush_candidates(struct coordinator *c)
{
    struct cand *k;
    while ((k = queue_pop(&c->minq)))
        free_candidate(k);
}

/* ---- giving work to workers ------------------------------------------- */

static int call_run(struct coordinator *c, struct worker *w, struct entry *e)
{
    put_input(w, e->data, e->len);
    w->job.base = e;
    w->job.sync = 0;
    struct rpc_call call = {.magic = RPC_MAGIC, .op = RPC_RUN};
    return sup_call(w, &call);
}

/* A timed run's new entry that is slow to run waits for the weights
 * (sched_first_look); an Nx run knows no execution times. */
static int first_look(const struct coordinator *c, const struct entry *e)
{
    return e->index >= c->sched.n ||
           sched_first_look(c->sched.e[e->index].exec_ns, FUZZ_CALL_MS * 1000000ULL);
}

/* New entries first, in the order found; then by the scheduler's weights. */
static struct entry *next_entry(struct coordinator *c)
{
    struct entry *e;
    while ((e = queue_pop(&c->inputq)))
        if (!e->failed && !e->retired && first_look(c, e))
            return e;
    for (int tries = 0; tries < 64; tries++) {
        e = c->sched.n == c->corpus.n ? c->corpus.v[sched_pick(&c->sched, &c->rng)]
                                      : c->corpus.v[rng_below(&c->rng, c->corpus.n)];
        if (!e->failed && !e->retired)
            return e;
    }
    return e; /* (nearly) every entry fails by itself: fuzz one anyway */
}

/* The worker is idle: its dictionary area can be rewritten. */
static void send_words(struct coordinator *c, struct worker *w)
{
    size_t n = c->words.n < SHM_WORDS_MAX ? c->words.n : SHM_WORDS_MAX;
    memcpy(w->shm.words->w, c->words.w, n * sizeof *c->words.w);
    SHM_STORE(w->shm.words->n, (uint32_t)n);
    w->words_version = c->words_version;
}

/* The features entry e owns (sched_owned), which a shorter mutant must keep
 * to replace it (reduce.h); 0 (no reduction) for an entry this run did not
 * find (a seed's or the cache's file is never replaced), a retired one, a
 * short one (REDUCE_MIN_LEN), one that owns nothing or more than a call can
 * carry.  For a call without value profile (vp_quiet) its value-profile
 * features are left out: that call does not see them, and an entry is
 * often the shortest holder of dozens. */
#define OWNED_SCAN 256 /* features of an entry looked at for a vp_quiet call's keep list */
static uint32_t owned_keep(const struct coordinator *c, const struct entry *e, uint32_t *keep,
                           int vp_quiet)
{
    uint32_t all[OWNED_SCAN];
    if (e->index < c->first_found || e->retired || c->sched.n != c->corpus.n)
        return 0;
    if (!vp_quiet) {
        size_t n = sched_owned(&c->sched, e->index, keep, RPC_KEEP_MAX);
        return n <= RPC_KEEP_MAX ? (uint32_t)n : 0;
    }
    size_t n = sched_owned(&c->sched, e->index, all, OWNED_SCAN), k = 0;
    if (n > OWNED_SCAN)
        return 0;
    uint32_t lo = (uint32_t)(c->vp_at * 8), hi = (uint32_t)((c->vp_at + c->vp_len) * 8);
    for (size_t i = 0; i < n; i++) {
        if (all[i] >= lo && all[i] < hi)
            continue;
        if (k == RPC_KEEP_MAX)
            return 0;
        keep[k++] = all[i];
    }
    return (uint32_t)k;
}

/* A call is FUZZ_CALL_EXECS executions in both budget modes (fewer when an
 * Nx budget runs out); time mode adds a limit in the worker's CPU time, for
 * slow targets (clock.h).  A wall-clock limit made call sizes move with the
 * machine's load, and the schedule's picks with them: state16 at a time
 * budget took up to 28x the executions of the same seed at an Nx budget
 * (median 4.8x over seeds 1-10). */
static int call_fuzz(struct coordinator *c, struct worker *w)
{
    uint64_t limit = FUZZ_CALL_EXECS;
    if (is_count_budget(&c->o->fuzztime)) {
        uint64_t left = c->o->fuzztime.count - c->assigned;
        limit = left < FUZZ_CALL_EXECS ? left : FUZZ_CALL_EXECS;
        if (limit == 0)
            return 0;
    }
    c->assigned += limit;
    struct entry *e = next_entry(c);
    struct entry *p = c->corpus.v[rng_below(&c->rng, c->corpus.n)];
    for (int tries = 0; p->retired && tries < 4; tries++)
        p = c->corpus.v[rng_below(&c->rng, c->corpus.n)];
    put_input(w, e->data, e->len);
    memcpy(w->shm.partner, p->data, p->len);
    w->shm.hdr->partner_len = p->len;
    w->job.base = e;
    w->job.partner = p;
    w->job.limit = limit;
    w->job.len_limit = c->len_limit;
    w->job.vp_quiet = vp_gate_closed(c);
    w->job.start_ns = engine_now_ns();
    if (w->words_version != c->words_version)
        send_words(c, w);
    struct rpc_call call = {
        .magic = RPC_MAGIC, .op = RPC_FUZZ, .seed = rng_next(&c->rng), .limit = limit,
        .duration_ms = is_count_budget(&c->o->fuzztime) ? 0 : FUZZ_CALL_MS,
        .len_limit = c->len_limit, .vp_quiet = (uint32_t)w->job.vp_quiet,
    };
    call.nkeep = owned_keep(c, e, call.keep, w->job.vp_quiet);
    return sup_call(w, &call);
}

/* Minimize the next queued candidate. */
static int dispatch_candidate(struct coordinator *c, struct worker *w)
{
    struct cand *k;
    while ((k = queue_pop(&c->minq)) && k->entry->retired)
        free_candidate(k); /* reduced before its turn came (on_reduced) */
    if (!k)
        return 0;
    w->job.cand = k;
    memset(w->shm.cov, 0, c->ncounters);
    for (size_t i = 0; i < k->nkeep; i++)
        w->shm.cov[k->keep_at[i]] = k->keep_bits[i];
    struct min_cursor start = {0, 0, 0};
    return call_minimize(c, w, k->entry->data, k->entry->len, RPC_MIN_COVERAGE, start,
                         min_budget_tries(c), min_budget_ms(c)) == 0 ? 1 : -1;
}

static int fuzz_budget_left(const struct coordinator *c)
{
    const struct budget *b = &c->o->fuzztime;
    if (c->stop_requested)
        return 0;
    if (b->kind == BUDGET_COUNT)
        return c->assigned < b->count;
    if (b->kind == BUDGET_TIME)
        return engine_now_ns() < c->fuzz_deadline_ns;
    return 1;
}

/* Minimizing must not starve fuzzing (a slow target makes each candidate
 * cost seconds; a rich one finds hundreds a minute): coverage minimization
 * gets at most a quarter of the workers' time, at most half the workers
 * minimize at once, and a worker fuzzes once between two minimizations.
 * Entries wait in the corpus as found meanwhile.  The share is counted in
 * the calls' cost (schedule.h): executions in an Nx run, so it does the
 * same work whatever the machine's load, wall time otherwise, so a
 * candidate whose tries are slow (a 130 KB TIFF, 0.2 s each) does not take
 * a worker for minutes while a share counted in executions still allows
 * it.  Once the fuzzing budget is spent, every worker drains the queue. */
#define MIN_SHARE_DIV 3 /* minimizing's cost <= fuzzing's cost / 3 */
static int may_minimize(const struct coordinator *c, const struct worker *w)
{
    if (!fuzz_budget_left(c))
        return 1;
    if (w->last_minimized || !sched_minimize_turn(&c->spend, MIN_SHARE_DIV))
        return 0;
    int busy = 0;
    for (int i = 0; i < c->nw; i++)
        busy += c->w[i].st == W_BUSY && c->w[i].job.op == RPC_MINIMIZE &&
                c->w[i].job.mode == RPC_MIN_COVERAGE;
    return busy < (c->nw + 1) / 2;
}

static void dispatch(struct coordinator *c)
{
    for (int i = 0; i < c->nw; i++) {
        struct worker *w = &c->w[i];
        if (w->st != W_IDLE || w->kill_reason != KILL_NONE)
            continue; /* busy, starting, or being recycled */
        int r = 0;
        switch (c->phase) {
        case PH_BASELINE:
            if (c->stop_requested)
                break;
            if (queue_len(&c->base_retry))
                r = call_run(c, w, queue_pop(&c->base_retry));
            else {
                while (c->base_next < c->corpus.n && c->corpus.v[c->base_next]->merged)
                    c->base_next++; /* -merge: already run before the merge was killed */
                if (c->base_next < c->corpus.n)
                    r = call_run(c, w, c->corpus.v[c->base_next++]);
            }
            break;
        case PH_FUZZ:
            if (crash_dispatch(c, w))
                break;
            if (queue_len(&c->sync.q) && !c->stop_requested) {
                r = call_run(c, w, queue_pop(&c->sync.q));
                w->job.sync = 1;
                break;
            }
            if (input_minimization_on(c) && queue_len(&c->minq) > 0 && may_minimize(c, w) &&
                (!c->stop_requested || is_count_budget(&c->o->fuzztime)))
                r = dispatch_candidate(c, w) < 0 ? -1 : 0;
            w->last_minimized = w->st == W_BUSY;
            if (w->st == W_IDLE && fuzz_budget_left(c))
                r = call_fuzz(c, w);
            break;
        case PH_CRASH:
            crash_dispatch(c, w);
            break;
        case PH_DONE:
            break;
        }
        if (r < 0)
            sup_kill(w, KILL_PROTOCOL); /* the call pipe broke: it is dying anyway */
    }
}

/* ---- results ------------------------------------------------------------ */

/* -timeout not given: AUTO_TIMEOUT_FACTOR times the slowest execution seen
 * so far, within AUTO_TIMEOUT_MIN_NS..AUTO_TIMEOUT_MAX_NS.  Called after the
 * baseline and again whenever a slower new input turns up. */
static void set_auto_timeout(struct coordinator *c)
{
    if (c->o->timeout)
        return;
    uint64_t t = c->slowest_ns * AUTO_TIMEOUT_FACTOR;
    c->timeout_ns = t < AUTO_TIMEOUT_MIN_NS ? AUTO_TIMEOUT_MIN_NS
                  : t > AUTO_TIMEOUT_MAX_NS ? AUTO_TIMEOUT_MAX_NS : t;
}

/* libFuzzer's -stop_file: fuzzing stops, as when the budget is spent, once
 * the file exists and is not empty (libFuzzer reads one byte of it; an
 * empty file does not stop it).  Looked at when fuzzing starts, then at
 * most every STOP_FILE_NS. */
#define STOP_FILE_NS 100000000ULL
static void check_stop_file(struct coordinator *c, uint64_t now)
{
    struct stat st;
    if (!c->o->stop_file || c->phase != PH_FUZZ || (c->stop_file_ns && now - c->stop_file_ns < STOP_FILE_NS))
        return;
    c->stop_file_ns = now;
    if (stat(c->o->stop_file, &st) == 0 && st.st_size > 0)
        c->stop_requested = 1;
}

static void start_fuzzing(struct coordinator *c)
{
    stats_baseline(&c->stats, engine_now_ns(), c->base_done, c->corpus.n, PROGRESS_FINAL);
    if (c->merging) {
        c->exit_code = merge_finish(c, c->merge_nout);
        c->phase = PH_DONE;
        return;
    }
    set_auto_timeout(c);
    c->phase = PH_FUZZ;
    c->first_found = c->corpus.n;
    c->len_limit = 16;
    for (size_t i = 0; i < c->corpus.n; i++)
        if (c->corpus.v[i]->len > c->len_limit)
            c->len_limit = c->corpus.v[i]->len;
    if (c->len_limit > c->max_len || c->o->len_control == 0) /* -len_control=0: no growing */
        c->len_limit = c->max_len;
    progress(c, REPORT_INITED, 0);
    if (c->o->fuzztime.kind == BUDGET_TIME)
        c->fuzz_deadline_ns = engine_now_ns() + c->o->fuzztime.ns;
    check_stop_file(c, engine_now_ns()); /* before the first fuzz call */
    for (size_t i = 0; i < c->corpus.n; i++)
        check_exit_on_item(c, c->corpus.v[i]);
    for (size_t i = 0; i < c->corpus.n; i++) {
        struct entry *e = c->corpus.v[i];
        uint32_t *f = c->base_features[i] ? c->base_features[i] : malloc(1);
        if (!e->failed)
            write_features(c, e, c->base_features[i], c->base_nfeatures[i]);
        if (f)
            sched_add(&c->sched, f, c->base_features[i] ? c->base_nfeatures[i] : 0, e->len,
                      weighed_ns(c, e->exec_ns));
        c->base_features[i] = NULL;
    }
}

/* What a finding means for the run (crash.c says, the coordinator acts):
 * the phase is the coordinator's alone. */
static void apply_outcome(struct coordinator *c, enum crash_outcome o)
{
    if (o == CRASH_STOP_FUZZING) {
        c->phase = PH_CRASH;
        stop_busy_workers(c);
    } else if (o == CRASH_ALL_DONE) {
        c->phase = PH_DONE;
    }
}

/* A reply that carries a finding from a living worker (a leak, a typed
 * target's failure). */
static int is_finding_reply(uint32_t status)
{
    return status == RPC_LEAK || status == RPC_FAILURE;
}

/* An entry another instance published ran here: keep it if it is new to us. */
static void on_sync_run_done(struct coordinator *c, struct worker *w)
{
    struct entry *e = w->job.base;
    if (is_finding_reply(w->reply.status)) {
        apply_outcome(c, crash_on_report(c, w));
        return;
    }
    if (c->phase == PH_FUZZ && coverage_has_new(w->shm.cov, c->mask, c->ncounters)) {
        accept_input(c, e->data, e->len, w->shm.cov, NULL, 0, (size_t)-1, 0);
        if (c->o->v)
            say("fuzz: imported %s from the sync directory\n", e->name);
    }
}

static void on_run_done(struct coordinator *c, struct worker *w)
{
    struct entry *e = w->job.base;
    if (w->job.sync) {
        on_sync_run_done(c, w);
        return;
    }
    if (is_finding_reply(w->reply.status) && !c->merging)
        apply_outcome(c, crash_on_report(c, w));
    print_new_pcs(c, w->shm.cov);
    coverage_merge(c->mask, w->shm.cov, c->ncounters);
    e->exec_ns = w->reply.duration_ns;
    if (e->index < c->corpus.n && !c->base_features[e->index])
        c->base_features[e->index] = sched_features_of(w->shm.cov, c->ncounters,
                                                       &c->base_nfeatures[e->index]);
    if (e->exec_ns > c->slowest_ns)
        c->slowest_ns = e->exec_ns;
    if (c->merging)
        merge_on_result(c, e, w->reply.status == RPC_LEAK ? "leaks memory"
                              : w->reply.status == RPC_FAILURE ? "fails" : NULL);
    if (c->merging && is_finding_reply(w->reply.status))
        crash_merge_artifact(c, w, w->reply.status == RPC_LEAK ? FINDING_LEAK : FINDING_FAIL,
                             w->reply.status == RPC_LEAK ? "memory leak" : "the fuzz target failed");
    c->base_done++;
    if (c->phase == PH_BASELINE && c->base_done == c->corpus.n)
        start_fuzzing(c);
}

/* A corpus entry killed its worker in the baseline run: it is a finding
 * (crash.c), never fuzzed, and counts as run, so the baseline ends; with
 * -keep_going fuzzing then goes on without it. */
static void baseline_entry_failed(struct coordinator *c, struct entry *e)
{
    e->failed = 1;
    c->base_done++;
    if (c->phase == PH_BASELINE && c->base_done == c->corpus.n)
        start_fuzzing(c);
}

/* libFuzzer's len_control: the longest input grows while nothing new is
 * found, slowly at first, so short inputs are explored first.  A step
 * waits -len_control x LEN_CONTROL_EXECS / 100 x log2(limit) executions
 * (libFuzzer's rate is -len_control x log(limit) runs, its step log(limit)
 * bytes; ferret's step is an eighth). */
static void grow_len_limit(struct coordinator *c, uint64_t execs)
{
    c->execs_since_new += execs;
    size_t log2 = 64 - (size_t)__builtin_clzll((unsigned long long)c->len_limit | 1);
    uint64_t rate = c->o->len_control < 1000000000 ? (uint64_t)c->o->len_control : 1000000000; /* no overflow */
    uint64_t wait = rate * LEN_CONTROL_EXECS / 100 * log2;
    if (c->execs_since_new < wait || c->len_limit >= c->max_len)
        return;
    size_t step = c->len_limit / 8 ? c->len_limit / 8 : 1;
    c->len_limit = c->len_limit + step < c->max_len ? c->len_limit + step : c->max_len;
    c->execs_since_new = 0;
}

/* Counters a worker saw flicker are masked for good: they never count as
 * new coverage again.  Their share is the stats' instability. */
static void merge_unstable(struct coordinator *c, struct worker *w)
{
    for (size_t i = 0; i < c->ncounters; i++) {
        if (w->shm.unstable[i] && !c->unstable[i]) {
            c->unstable[i] = 1;
            c->mask[i] = 0xff;
            c->nunstable++;
        }
    }
}

/* A worker found a mutant of its base shorter by an eighth that keeps every
 * feature the base owns (reduce.h): it replaces the base, as a minimized
 * form does.  The worker is not trusted: the length and the features are
 * checked again, against what the base owns now (another entry may have
 * taken some over meanwhile: then it is simply not replaced).  After a
 * call without value profile (vpgate.h) its novelty is not new here
 * either; whatever the reduced input has is merged into the mask. */
static void on_reduced(struct coordinator *c, struct worker *w)
{
    const struct rpc_reply *r = &w->reply;
    struct entry *base = w->job.base;
    uint32_t keep[RPC_KEEP_MAX];
    if (!base || !shm_check_len(&w->shm, r->len) || r->len > reduce_max_len(base->len)) {
        report_error("worker %d reported a reduced input of %llu bytes, not shorter than its base; "
                "restarting it\n", w->id, (unsigned long long)r->len);
        sup_kill(w, KILL_PROTOCOL);
        return;
    }
    uint32_t n = owned_keep(c, base, keep, w->job.vp_quiet);
    if (n == 0 || !reduce_has_features(keep, n, w->shm.cov, c->ncounters) ||
        (w->job.vp_quiet ? new_beside_vp(c, w->shm.cov)
                         : coverage_has_new(w->shm.cov, c->mask, c->ncounters)))
        return;
    coverage_merge(c->mask, w->shm.cov, c->ncounters);
    c->nreduced++;
    replace_entry(c, base, w->shm.input, (size_t)r->len, w->shm.cov, "reduced");
}

static void on_fuzz_done(struct coordinator *c, struct worker *w)
{
    const struct rpc_reply *r = &w->reply;
    uint64_t execs = c->execs;
    int was_closed = vp_gate_closed(c);
    credit_execs(c, w, r->count);
    if (w->job.base)
        sched_note_execs(&c->sched, w->job.base->index, c->execs - execs); /* as credited */
    grow_len_limit(c, r->count);
    note_vp_gate(c, was_closed);
    if (is_finding_reply(r->status)) {
        apply_outcome(c, crash_on_report(c, w));
        return;
    }
    if (r->status == RPC_REDUCED && c->phase == PH_FUZZ) {
        on_reduced(c, w);
        return;
    }
    if (r->status != RPC_NEW_COVERAGE || c->phase != PH_FUZZ)
        return;
    if (!shm_check_len(&w->shm, r->len)) {
        report_error("worker %d reported an input of %llu bytes, over -max_len=%zu; restarting it\n",
                w->id, (unsigned long long)r->len, c->max_len);
        sup_kill(w, KILL_PROTOCOL);
        return;
    }
    merge_unstable(c, w);
    if (r->duration_ns > c->slowest_ns) {
        c->slowest_ns = r->duration_ns; /* (the worker's figure: it only raises the limit) */
        set_auto_timeout(c);
    }
    if (!coverage_has_new(w->shm.cov, c->mask, c->ncounters))
        return; /* another worker got there first, or it was flaky */
    /* Into the corpus at once, so the workers build on it; minimized later,
     * when a worker can be spared (may_minimize), keeping the edges it
     * brought, and replaced by the smaller form. */
    coverage_diff(c->diff, w->shm.cov, c->mask, c->ncounters);
    size_t wl = r->word_len <= MUTATE_WORD_MAX ? r->word_len : 0;
    struct entry *e = accept_input(c, w->shm.input, (size_t)r->len, w->shm.cov, r->word, wl,
                                   w->job.base->index, r->duration_ns);
    if (e && e->len > 0 && input_minimization_on(c))
        queue_candidate(c, e, w->shm.cov, c->diff);
}

static void on_minimize_done(struct coordinator *c, struct worker *w)
{
    const struct rpc_reply *r = &w->reply;
    if (w->job.mode != RPC_MIN_COVERAGE) {
        crash_on_minimize_done(c, w);
        return;
    }
    struct cand *k = w->job.cand;
    w->job.cand = NULL;
    credit_minimize(c, w, r->count);
    if (!k)
        return; /* shutting down: begin_shutdown took it back, it stays as found */
    struct entry *old = k->entry;
    if (!shm_check_len(&w->shm, r->len) || r->len > old->len) {
        sup_kill(w, KILL_PROTOCOL);
    } else if (!old->retired && /* (reduced meanwhile: on_reduced) */
               (r->len < old->len || memcmp(w->shm.input, old->data, old->len) != 0) &&
               cand_kept(c, k, w->shm.cov)) {
        /* the worker is not trusted: it must still have every kept edge */
        coverage_merge(c->mask, w->shm.cov, c->ncounters);
        replace_entry(c, old, w->shm.input, (size_t)r->len, w->shm.cov, "minimized");
    }
    free_candidate(k);
}

/* The target misbehaved in a worker: say so once per kind, and recycle a
 * worker that runs out of descriptors before the target wedges. */
static void on_diagnosis(struct coordinator *c, struct worker *w, uint32_t diag, uint32_t arg)
{
    uint32_t first = diag & ~c->diag_seen;
    c->diag_seen |= diag;
    if (first & RPC_DIAG_FD_LEAK)
        report_warning("the target leaks file descriptors (%u open in worker %d); "
                "workers are restarted when they pile up\n", arg, w->id);
    if (first & RPC_DIAG_CHDIR)
        report_warning("the target changes the working directory; "
                "ferret changes it back after each call\n");
    if (first & RPC_DIAG_FORK)
        report_warning("the target starts child processes; "
                "they are killed with their worker\n");
    if (diag & RPC_DIAG_FD_LEAK)
        sup_retire(w, KILL_RECYCLE); /* it exits when it reads EOF; restarted then */
}

static void on_reply(struct coordinator *c, struct worker *w)
{
    const struct rpc_reply *r = &w->reply;
    if (!rpc_reply_check(r, w->job.op)) {
        report_error("worker %d sent a malformed reply; restarting it\n", w->id);
        sup_kill(w, KILL_PROTOCOL);
        return;
    }
    if (w->st == W_STARTING) {
        if (r->ncounters != c->ncounters) {
            report_error("worker %d has %llu coverage counters, the coordinator %zu; restarting it\n",
                    w->id, (unsigned long long)r->ncounters, c->ncounters);
            sup_kill(w, KILL_PROTOCOL);
            return;
        }
        sup_replied(w);
        if (!c->ready_said++)
            report_ready(&c->start_info); /* the target's LLVMFuzzerInitialize returned */
        return;
    }
    sup_replied(w);
    w->ext_kills = 0;
    if (r->diag)
        on_diagnosis(c, w, r->diag, r->diag_arg);
    switch (w->job.op) {
    case RPC_RUN:      on_run_done(c, w); break;
    case RPC_FUZZ:     on_fuzz_done(c, w); break;
    case RPC_MINIMIZE: on_minimize_done(c, w); break;
    }
}

/* ---- failures: see crash.c; here, workers that die ------------------- */

/* A worker killed by SIGKILL or SIGTERM from outside is restarted and its
 * work handed out again; this many times in a row, with no reply between,
 * and it is the target killing itself: a finding. */
#define SELF_KILL_IN_A_ROW 3

/* A worker killed for a malformed reply, a hang or its memory: whatever
 * is still in its reply pipe (garbage, or a real reply behind garbage) is
 * not read. */
static int discard_replies(const struct worker *w)
{
    return w->kill_reason == KILL_PROTOCOL || w->kill_reason == KILL_HANG ||
           w->kill_reason == KILL_OOM || w->kill_reason == KILL_STARTUP;
}

/* A candidate whose minimization keeps losing its worker (a target that
 * closes the worker's pipes on a smaller input, say) stays as found. */
static void requeue_candidate(struct coordinator *c, struct cand *k)
{
    if (++k->lost < 2 && queue_push(&c->minq, k) == 0)
        return;
    free_candidate(k);
}

/* Gives back what a lost call held, so nothing is dropped. */
static void requeue_job(struct coordinator *c, struct worker *w)
{
    switch (w->job.op) {
    case RPC_FUZZ:
        credit_execs(c, w, SHM_LOAD(w->shm.hdr->count));
        break;
    case RPC_RUN:
        queue_push(w->job.sync ? &c->sync.q : &c->base_retry, w->job.base);
        break;
    case RPC_MINIMIZE:
        if (w->job.mode != RPC_MIN_COVERAGE)
            crash_requeue(c, w);
        else if (w->job.cand)
            requeue_candidate(c, w->job.cand);
        w->job.cand = NULL;
        break;
    }
}

static void restart_worker(struct coordinator *c, struct worker *w)
{
    if (c->phase == PH_DONE)
        return;
    if (c->o->v)
        say("fuzz: restarting worker %d\n", w->id);
    if (sup_start(w, &c->sup) != 0) {
        report_error("cannot restart worker %d: %s%s\n", w->id, strerror(errno),
                c->fd.fmin || queue_len(&c->fd.q) ? "; the finding is written as it is, not minimized further" : "");
        c->exit_code = FERRET_EXIT_INTERNAL;
        c->stop_requested = 1;
    }
}

static void startup_failure(struct coordinator *c, struct worker *w, int status)
{
    size_t n;
    char *tail = sup_log_tail(w, &n);
    char how[64];
    if (WIFEXITED(status))
        snprintf(how, sizeof how, "exit status %d", WEXITSTATUS(status));
    else
        snprintf(how, sizeof how, "signal %s", sigabbrev_np(WTERMSIG(status)));
    report_error("worker %d terminated without fuzzing: %s%s\n", w->id,
            w->kill_reason == KILL_STARTUP ? "no answer to ping within 60s" : how,
            c->fd.n ? " (after a finding: it is written as it is, not minimized further)" : "");
    if (tail)
        print_tail(tail, n);
    free(tail);
    c->exit_code = FERRET_EXIT_WORKER;
    c->phase = PH_DONE;
}

static void on_worker_exit(struct coordinator *c, struct worker *w, int status)
{
    sup_drain_log(w);
    if (w->st != W_DOWN && !discard_replies(w) && sup_read_reply(w) == 1)
        on_reply(c, w); /* it answered, then died */
    enum wkill why = w->kill_reason;
    int external = why == KILL_NONE && WIFSIGNALED(status) &&
                   (WTERMSIG(status) == SIGKILL || WTERMSIG(status) == SIGTERM);
    if (c->phase == PH_DONE || why == KILL_SHUTDOWN) {
        if (c->phase != PH_DONE && w->st == W_BUSY)
            requeue_job(c, w); /* killed by a second Ctrl-C: a finding being minimized is
                                  written as it is, never left waiting for this worker */
        sup_reaped(w);
        return;
    }
    if (why == KILL_RECYCLE && w->st == W_IDLE) {
        sup_reaped(w);
        restart_worker(c, w);
        return;
    }
    if (w->st == W_STARTING) {
        startup_failure(c, w, status);
        sup_reaped(w);
        return;
    }
    int idle_in_shm = SHM_LOAD(w->shm.hdr->state) == SHM_IDLE;
    int lost = WIFEXITED(status) && WEXITSTATUS(status) == WORKER_EXIT_LOST && idle_in_shm;
    int oom = 0;
    if (w->st == W_BUSY && (why == KILL_PROTOCOL || lost || (why == KILL_HANG && idle_in_shm))) {
        report_error("worker %d stopped answering; restarting it\n", w->id);
        requeue_job(c, w);
    } else if (w->st == W_BUSY && external && !(oom = crash_kernel_oom(c)) &&
               ++w->ext_kills < SELF_KILL_IN_A_ROW) {
        report_error("worker %d was killed from outside; restarting it\n", w->id);
        requeue_job(c, w);
    } else if (w->st == W_BUSY) {
        if (external && !oom)
            report_error("worker %d was killed by %s %d times in a row, each time while "
                    "running an input: taken as the target killing itself on this input\n",
                    w->id, sigabbrev_np(WTERMSIG(status)), w->ext_kills);
        w->ext_kills = 0;
        apply_outcome(c, crash_on_death(c, w, status, external && oom));
        if (w->job.op == RPC_RUN && !w->job.sync)
            baseline_entry_failed(c, w->job.base);
        if (w->job.op == RPC_MINIMIZE && w->job.mode == RPC_MIN_COVERAGE) {
            free_candidate(w->job.cand); /* it crashed: recorded as a finding instead */
            w->job.cand = NULL;
        }
    } else if (external) {
        report_error("worker %d was killed from outside; restarting it\n", w->id);
    } else if (c->o->v) {
        say("fuzz: idle worker %d exited (status 0x%x)\n", w->id, status);
    }
    sup_reaped(w);
    restart_worker(c, w);
}

/* ---- time ------------------------------------------------------------------ */


static void check_worker_time(struct coordinator *c, struct worker *w, uint64_t now)
{
    uint64_t timeout = c->timeout_ns;
    if (w->st == W_STARTING && now - w->started_ns > STARTUP_TIMEOUT_NS) {
        sup_kill(w, KILL_STARTUP);
        return;
    }
    if (w->st != W_BUSY)
        return;
    if (c->o->rss_limit_mb > 0 && sup_rss_mb(w) > (uint64_t)c->o->rss_limit_mb) {
        sup_kill(w, KILL_OOM);
        return;
    }
    uint64_t runs = SHM_LOAD(w->shm.hdr->runs);
    if (sup_progressed(w, runs, now)) /* a new execution started: the clock restarts */
        return;
    if (SHM_LOAD(w->shm.hdr->dying)) { /* writing a crash report: not a hang */
        if (now - w->progress_ns > timeout + CRASH_REPORT_NS)
            sup_kill(w, KILL_HANG); /* ... for too long: it is recorded as the crash it is */
        return;
    }
    if (w->hang_signalled_ns) {
        if (now - w->hang_signalled_ns > HANG_TRACE_NS)
            sup_kill(w, KILL_HANG); /* no stack trace came: kill it anyway */
        return;
    }
    if (now - w->progress_ns > timeout)
        sup_signal_hang(w);
}

static void on_tick(struct coordinator *c)
{
    uint64_t now = engine_now_ns();
    for (int i = 0; i < c->nw; i++)
        check_worker_time(c, &c->w[i], now);
    if (c->phase == PH_FUZZ && c->o->fuzztime.kind == BUDGET_TIME && now >= c->fuzz_deadline_ns) {
        if (!c->stop_requested)
            c->stop_requested = 1;
        stop_fuzz_calls(c); /* a call may last seconds of wall time (clock.h) */
    }
    check_stop_file(c, now);
    crash_tick(c, now);
    sync_tick(c, now);
    sample_tick(c, now);
    if (!stats_due(&c->stats, now))
        return;
    if (c->phase == PH_BASELINE)
        stats_baseline(&c->stats, now, c->base_done, c->corpus.n, 0);
    else if (c->phase == PH_FUZZ)
        progress_at(c, REPORT_PULSE, 0, now);
}

/* ---- the loop ------------------------------------------------------------- */

static int busy_with(const struct coordinator *c, uint32_t op)
{
    for (int i = 0; i < c->nw; i++)
        if (c->w[i].st == W_BUSY && c->w[i].job.op == op)
            return 1;
    return 0;
}

static void advance(struct coordinator *c)
{
    if (c->phase == PH_BASELINE && c->merging && c->base_done == c->corpus.n)
        start_fuzzing(c); /* the last input failed, or all were resumed */
    if (c->phase == PH_BASELINE && c->stop_requested)
        c->phase = PH_DONE;
    if (c->phase == PH_FUZZ && !fuzz_budget_left(c) && !busy_with(c, RPC_FUZZ)) {
        int drain = is_count_budget(&c->o->fuzztime) && crash_exit_code(c) == FERRET_EXIT_OK &&
                    input_minimization_on(c) && c->stop_requested == 0;
        /* -keep_going with an Nx budget: a finding made late is minimized
         * before the end, as one made early is */
        int findings = is_count_budget(&c->o->fuzztime) && c->stop_requested == 0 &&
                       (c->fd.fmin || queue_len(&c->fd.q) > 0);
        if (!findings && (!drain || (queue_len(&c->minq) == 0 && !busy_with(c, RPC_MINIMIZE)))) {
            progress(c, REPORT_DONE, 0);
            c->phase = PH_DONE;
        }
    }
    apply_outcome(c, crash_advance(c));
}

static void begin_shutdown(struct coordinator *c)
{
    for (int i = 0; i < c->nw; i++) {
        struct worker *w = &c->w[i];
        if (w->job.cand) {
            queue_push(&c->minq, w->job.cand);
            w->job.cand = NULL;
        }
        if (w->st == W_DOWN)
            continue;
        sup_retire(w, KILL_SHUTDOWN);
    }
    flush_candidates(c);
}

static int all_down(const struct coordinator *c)
{
    for (int i = 0; i < c->nw; i++)
        if (c->w[i].st != W_DOWN)
            return 0;
    return 1;
}

static void reap(struct coordinator *c)
{
    int status, reaped = 0;
    pid_t pid;
    while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
        reaped = 1;
        for (int i = 0; i < c->nw; i++)
            if (c->w[i].pid == pid && c->w[i].st != W_DOWN)
                on_worker_exit(c, &c->w[i], status);
    }
    if (reaped) /* item 8: what a keeper killed from outside left came to us (contain.h) */
        sup_kill_strays(c->w, c->nw);
}

static void on_signal(struct coordinator *c)
{
    struct signalfd_siginfo si;
    while (read(c->sigfd, &si, sizeof si) == (ssize_t)sizeof si) {
        if (si.ssi_signo == SIGCHLD)
            continue; /* reaped below */
        if (c->stop_requested == 2)
            for (int i = 0; i < c->nw; i++)
                sup_kill(&c->w[i], KILL_SHUTDOWN); /* second Ctrl-C: now */
        c->stop_requested = 2;
        stop_busy_workers(c); /* a minimization in flight ends at its next try */
        say("fuzz: interrupted by %s, stopping\n", sigabbrev_np((int)si.ssi_signo));
    }
    reap(c);
}

static void poll_workers(struct coordinator *c)
{
    struct pollfd pfd[1 + 2 * c->nw];
    int owner[1 + 2 * c->nw];
    int n = 0;
    pfd[n++] = (struct pollfd){.fd = c->sigfd, .events = POLLIN};
    for (int i = 0; i < c->nw; i++) {
        struct worker *w = &c->w[i];
        if (w->st == W_DOWN)
            continue;
        if (w->reply_fd >= 0) {
            owner[n] = i;
            pfd[n++] = (struct pollfd){.fd = w->reply_fd, .events = POLLIN};
        }
        if (w->log_fd >= 0) {
            owner[n] = ~i;
            pfd[n++] = (struct pollfd){.fd = w->log_fd, .events = POLLIN};
        }
    }
    if (poll(pfd, (nfds_t)n, TICK_MS) <= 0)
        return;
    for (int k = 1; k < n; k++) {
        if (!pfd[k].revents)
            continue;
        struct worker *w = &c->w[owner[k] >= 0 ? owner[k] : ~owner[k]];
        if (owner[k] < 0) {
            sup_drain_log(w);
            if (!(pfd[k].revents & POLLIN))
                sup_close_log(w); /* all writers gone */
            continue;
        }
        if (discard_replies(w)) {
            sup_drain_log(w); /* killed for lying: nothing more it says is believed */
            continue;
        }
        int r = sup_read_reply(w);
        if (r == 1)
            on_reply(c, w);
        else if (r < 0)
            sup_close_reply(w); /* EOF: the worker is exiting; SIGCHLD follows */
    }
    if (pfd[0].revents)
        on_signal(c);
}

void coordinator_loop(struct coordinator *c)
{
    uint64_t grace = 0;
    for (;;) {
        advance(c);
        if (c->phase == PH_DONE) {
            if (!grace) {
                begin_shutdown(c);
                grace = engine_now_ns() + SHUTDOWN_GRACE_NS;
            }
            if (all_down(c)) {
                write_pending(c);
                return;
            }
            if (engine_now_ns() > grace)
                for (int i = 0; i < c->nw; i++)
                    sup_kill(&c->w[i], KILL_SHUTDOWN);
        } else {
            dispatch(c);
        }
        write_pending(c);
        poll_workers(c);
        reap(c);
        on_tick(c);
    }
}

void coordinator_stop_now(struct coordinator *c)
{
    c->phase = PH_DONE;
    coordinator_loop(c);
}
