/*
 * worker.c - the worker process: answers calls from the coordinator, and runs
 * the per-execution loop in-process.
 *
 * The hot loop (worker_fuzz) does, per execution and with no syscall:
 *   publish rng state and count to shared memory (two stores)
 *   -> rebuild the input (copy of the base + stacked mutations)
 *   -> run the target -> scan and clear the counters against the global mask
 *      (value-profile features the mask has are not even written: the
 *      runtime skips them, reduce_skip_map).
 * Only an input with new coverage, re-run once to deflake, is copied into
 * shared memory and reported.  A crash needs no report: the coordinator sees
 * the worker die and rebuilds the input from the published rng state.
 *
 * Invariants:
 *  - hdr->state tells what is running (see shm.h) and is set *before* the
 *    input it names starts to run;
 *  - the worker never exits on its own while a call is in progress; it exits
 *    0 when the call pipe closes.
 *
 * Owns: in a worker: w, its struct worker_ctx (a static in worker_main: its
 * ends of the call and reply pipes, its shared memory and the mask mapped
 * read-only, its private input, keep and coverage buffers, the value-profile
 * skip map it lends the runtime during a FUZZ call (features_vp_skip), the MINIMIZE
 * state, the executions it published as hdr->runs); the_worker, a pointer
 * to it for the runtime's dying and malloc-fault hooks; start_state, the
 * process as it was after start-up (a descriptor on the working directory,
 * its path, the count of open descriptors, the pipes' identities), to
 * notice a target that changes it.  In its shared memory: the [W] fields of
 * the header (shm.h) and the areas it fills (the frozen compare table, the
 * input or candidate it reports, coverage, unstable counters).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>

#include "cleanse.h"
#include "clock.h"
#include "coverage.h"
#include "engine.h"
#include "mutator.h"
#include "reduce.h"
#include "registry.h"
#include "replay.h"
#include "report.h"
#include "rpc.h"
#include "runtime.h"
#include "shm.h"
#include "torc.h"

struct worker_ctx {
    int call_fd, reply_fd;
    struct shm shm;
    const uint8_t *mask;              /* global coverage mask, read-only */
    const struct sancov_region *regions;
    size_t nregions;
    size_t nedges;                    /* counters 0..nedges-1 are edges (coverage.h) */
    uint8_t *buf;                     /* private input buffer, max_len bytes */
    uint8_t *keep;                    /* MINIMIZE coverage mode: what to keep (coverage_keeps) */
    uint8_t *cov;                     /* scratch coverage vector */
    /* MINIMIZE state for the try() callback */
    uint32_t min_mode;
    uint64_t min_limit, min_tries, min_deadline_ns;
    int use_cmp;                      /* -use_cmp: freeze the compare table for mutations */
    int detect_leaks;                 /* -detect_leaks and LeakSanitizer present */
    const struct typed_schema *typed; /* the selected typed target's, or NULL */
    uint64_t runs;                    /* target executions started (published as hdr->runs) */
    size_t vp_at, vp_len;             /* the value-profile region in a coverage vector */
    int vp_on;                        /* -use_value_profile: what snapshots write */
    uint64_t *vp_skip;                /* its features a FUZZ call's runs need not write */
};

static struct worker_ctx *the_worker; /* for the runtime's fault hook */

/* What the process looked like after start-up, to notice a target that
 * leaks descriptors, changes directory or forks. */
static struct {
    int cwd_fd;
    char cwd[4096];
    int fds;
    dev_t call_dev, reply_dev;  /* the pipes to the coordinator, to notice */
    ino_t call_ino, reply_ino;  /* a target that closed or replaced them */
} start_state;

#define FD_LEAK_MARGIN 64

static uint64_t coarse_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC_COARSE, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

/* Copies the live compare table to shared memory, where mutations read it;
 * the wanted values learnt from probes (torc.h) stay from one copy to the
 * next, and grow by this copy's. */
static void freeze_torc(struct worker_ctx *w)
{
    torc_freeze(w->shm.torc, cmptrace_table(), 0);
}

static void run_and_snapshot(struct worker_ctx *w, const uint8_t *data, size_t len, uint8_t *cov)
    FERRET_FRAME(run_and_snapshot);
static void run_and_snapshot(struct worker_ctx *w, const uint8_t *data, size_t len, uint8_t *cov)
{
    const uint64_t *skip = features_vp_skip(NULL); /* a snapshot is complete */
    int vp = features_set_value_profile(w->vp_on);
    SHM_STORE(w->shm.hdr->runs, ++w->runs);
    coverage_clear(w->regions, w->nregions);
    memory_reset_counts();
    target_run(data, len);
    coverage_snapshot(w->regions, w->nregions, cov);
    features_set_value_profile(vp);
    features_vp_skip(skip);
}

/* LeakSanitizer is conservative: a pointer to the lost block still sitting
 * in a spilled register or a dead stack slot would hide the leak.  Overwrite
 * the stack below us first, then check from a fresh frame. */
__attribute__((noinline)) static void scrub_stack(void)
{
    volatile char pad[16384];
    memset((char *)pad, 0, sizeof pad);
}

/* A leak is sometimes missed by the first check after it happened (seen
 * with LLVM 14's LSan): a miss is checked once more before it counts. */
__attribute__((noinline)) static int scrubbed_leak_check(void)
{
    scrub_stack();
    return memory_leak_check() || memory_leak_check();
}

/* After a run: did it leak?  LeakSanitizer runs only when the run's mallocs
 * and frees differ, so a target that frees what it allocates pays nothing. */
static int leaked(const struct worker_ctx *w)
{
    return w->detect_leaks && memory_counts_differ() && scrubbed_leak_check();
}

/* Reports data as a leaking input: it goes back in shm.input. */
static void report_leak(struct worker_ctx *w, const uint8_t *data, size_t len, struct rpc_reply *r)
{
    SHM_STORE(w->shm.hdr->state, SHM_IDLE);
    memmove(w->shm.input, data, len);
    r->status = RPC_LEAK;
    r->len = len;
}

/* Reports data as an input that failed a typed target's check (the worker
 * lives on): it goes back in shm.input, the target's lines in shm.msg. */
static void report_failure(struct worker_ctx *w, const uint8_t *data, size_t len, struct rpc_reply *r)
{
    size_t mlen;
    const char *msg = registry_message(&mlen);
    if (mlen > SHM_MSG_MAX)
        mlen = SHM_MSG_MAX;
    SHM_STORE(w->shm.hdr->state, SHM_IDLE);
    memmove(w->shm.input, data, len);
    memcpy(w->shm.hdr->msg, msg, mlen);
    w->shm.hdr->msg_len = (uint32_t)mlen;
    snprintf(w->shm.hdr->fail_at, sizeof w->shm.hdr->fail_at, "%s", registry_fail_at());
    r->status = RPC_FAILURE;
    r->len = len;
}

/* 1 if the last run failed a typed target's check. */
static int failed(const struct worker_ctx *w)
{
    return w->typed && registry_failed();
}

static void worker_run(struct worker_ctx *w, struct rpc_reply *r) FERRET_FRAME(worker_run);
static void worker_run(struct worker_ctx *w, struct rpc_reply *r)
{
    struct shm_header *h = w->shm.hdr;
    size_t len = (size_t)h->input_len;
    if (len > w->shm.max_len)
        len = w->shm.max_len;
    memcpy(w->buf, w->shm.input, len);
    SHM_STORE(h->count, 1);
    SHM_STORE(h->state, SHM_RUN);
    uint64_t t0 = engine_now_ns();
    run_and_snapshot(w, w->buf, len, w->shm.cov);
    r->duration_ns = engine_now_ns() - t0;
    SHM_STORE(h->state, SHM_IDLE);
    r->count = 1;
    if (failed(w))
        report_failure(w, w->buf, len, r);
    else if (leaked(w))
        report_leak(w, w->buf, len, r);
}

/* Re-runs a candidate with new coverage twice; 1 if what both runs hit
 * still has something new (that stable part is then in shm.cov).  Counters
 * whose hit counts differ between the runs are marked in shm.unstable. */
static int deflake(struct worker_ctx *w, size_t len, uint64_t *one_run_ns) FERRET_FRAME(deflake);
static int deflake(struct worker_ctx *w, size_t len, uint64_t *one_run_ns)
{
    uint8_t *a = w->shm.cov, *b = w->cov, *u = w->shm.unstable;
    uint64_t t0 = engine_now_ns();
    run_and_snapshot(w, w->buf, len, a);
    run_and_snapshot(w, w->buf, len, b);
    *one_run_ns = (engine_now_ns() - t0) / 2;
    for (size_t i = 0; i < w->shm.ncounters; i++) {
        if (a[i] != b[i])
            u[i] = 1;
        a[i] &= b[i];
    }
    return coverage_has_new(a, w->mask, w->shm.ncounters);
}

/* A mutant shorter than the best so far kept every feature the base owns
 * (reduce.h): re-run it into shm.cov, right after its run (so a crash here
 * is rebuilt from the same rng state, as in deflake); if it keeps them
 * again and has nothing new, it is the call's best reduction, kept in
 * shm.cand (idle during FUZZ) with its coverage in shm.cov.  Otherwise the
 * caller forgets the best so far: its coverage was overwritten.  In a
 * vp_quiet call value-profile novelty is not new (as in its scan): only
 * the rest of the vector must have nothing new. */
static int reduction_better(struct worker_ctx *w, const struct reduce_keep *k, size_t len,
                            int vp_quiet)
{
    run_and_snapshot(w, w->buf, len, w->shm.cov);
    size_t n = w->shm.ncounters;
    if (!reduce_kept_cov(k, w->shm.cov, n) ||
        (vp_quiet ? coverage_has_new_beside(w->shm.cov, w->mask, n, w->vp_at, w->vp_len)
                  : coverage_has_new(w->shm.cov, w->mask, n)))
        return 0;
    memcpy(w->shm.cand, w->buf, len);
    return 1;
}

/* The CPU clock is read only when the coarse wall clock says the call's
 * budget could be spent. */
static int call_time_up(struct call_budget *b)
{
    uint64_t now = coarse_now_ns();
    return call_budget_due(b, now) && call_budget_over(b, now, engine_cpu_ns());
}

static void worker_fuzz(struct worker_ctx *w, const struct rpc_call *c, struct rpc_reply *r)
    FERRET_FRAME(worker_fuzz);
static void worker_fuzz(struct worker_ctx *w, const struct rpc_call *c, struct rpc_reply *r)
{
    struct shm_header *h = w->shm.hdr;
    size_t max_len = w->shm.max_len;
    size_t base_len = h->input_len <= max_len ? (size_t)h->input_len : max_len;
    size_t partner_len = h->partner_len <= max_len ? (size_t)h->partner_len : max_len;
    size_t len_limit = c->len_limit && c->len_limit < max_len ? (size_t)c->len_limit : max_len;
    const uint8_t *base = w->shm.input;
    struct mutate_trace trace;
    struct mutate_src src;
    replay_mutate_src(&src, &w->shm, w->shm.partner, partner_len);
    src.trace = &trace;
    struct call_budget budget; /* time mode: the call's CPU time (clock.h) */
    call_budget_start(&budget, coarse_now_ns(), c->duration_ms ? engine_cpu_ns() : 0,
                      c->duration_ms * 1000000ULL);
    rng_t rng = {c->seed};
    uint64_t n = 0;
    /* The shortest mutant that may replace the base (reduce.h) is reported
     * at the end of the call, which goes on meanwhile: ending it at the
     * first would take the base's turn away each time it shrinks. */
    struct reduce_keep keep;
    reduce_prepare(&keep, c->keep, c->nkeep <= RPC_KEEP_MAX ? c->nkeep : 0, w->regions, w->nregions);
    size_t best = reduce_max_len(base_len) + 1; /* 1 + the longest that may replace it */
    const size_t none = best;
    /* Value-profile features the mask has are not even written (featmap.h):
     * the scan's verdict is the same, and cheaper for both.  A vp_quiet
     * call (the coordinator's gate, vp_gate_closed) runs without value
     * profile at all: its novelty alone reports nothing, and the runs cost
     * what they would with it off.  An input new elsewhere still gets all
     * of its features (deflake's and a reduction's snapshots are complete). */
    if (c->vp_quiet)
        features_set_value_profile(0); /* (its keep list has no value-profile feature) */
    else if (w->vp_skip)
        reduce_skip_map((uint8_t *)w->vp_skip, w->mask, w->vp_at, w->vp_len, &keep);
    features_vp_skip(c->vp_quiet ? NULL : w->vp_skip);

    coverage_clear(w->regions, w->nregions);
    SHM_STORE(h->count, 0);
    SHM_STORE(h->state, SHM_FUZZ);
    for (;;) {
        if ((c->limit && n >= c->limit) || SHM_LOAD(h->stop))
            break;
        /* The clock is read before each of the first 64 executions, then
         * every 64th: a call whose executions take 0.2 s each (a large
         * TIFF) ends after its first, not its 64th. */
        if (budget.limit_ns && (n < 64 || (n & 63) == 0) && call_time_up(&budget))
            break;
        if (w->use_cmp && (n < 8 || (n & 511) == 0))
            freeze_torc(w); /* before the rng store: a replay sees this table */
        uint64_t state = rng_next(&rng);
        SHM_STORE(h->rng, state);
        SHM_STORE(h->count, n + 1);
        SHM_STORE(h->runs, ++w->runs);
        trace.len = 0;
        trace.tail_at = 0;
        size_t len = replay_build_input(state, w->buf, base, base_len, &src, len_limit);
        if (w->detect_leaks)
            memory_reset_counts();
        /* A write to the input is checked in one execution in 16 here (every
         * deflaking re-run and minimization try checks it). */
        target_run_checked(w->buf, len, (n & 15) == 0);
        n++;
        /* An ExtendCmp mutant that appended a wanted value: what its tail
         * showed is learnt now, with where, before a later execution's
         * compare of the same site and value overwrites the slot.  (After
         * a bare tail, nothing was wanted yet: the empty target, which
         * never wants anything, would pay a fifth of its rate.)  Before
         * the next rng store, as every freeze. */
        if (w->use_cmp && trace.tail_at && trace.len)
            torc_freeze(w->shm.torc, cmptrace_table(), trace.tail_at);
        if (failed(w)) {
            report_failure(w, w->buf, len, r);
            break;
        }
        if (leaked(w)) {
            report_leak(w, w->buf, len, r);
            break;
        }
        uint64_t run_ns;
        /* (read before the scan clears the counters) */
        int shorter = keep.n && len < best && reduce_kept_live(&keep);
        if (coverage_scan_new(w->regions, w->nregions, w->mask)) {
            if (!deflake(w, len, &run_ns)) {
                best = none; /* deflake overwrote shm.cov */
                continue;
            }
            /* A new entry made by ExtendCmp: what its tail showed (its
             * deflaking runs are in the live table) is learnt now, with
             * where, so the entry's own turn extends it (torc.h).  This
             * covers a bare tail's find, which the freeze after the run
             * above leaves out; after an appended value it finds nothing
             * changed.  The call ends here; the next freezes before its
             * first rng store. */
            if (w->use_cmp && trace.tail_at)
                torc_freeze(w->shm.torc, cmptrace_table(), trace.tail_at);
            SHM_STORE(h->state, SHM_IDLE);
            memcpy(w->shm.input, w->buf, len);
            r->status = RPC_NEW_COVERAGE;
            r->len = len;
            r->duration_ns = run_ns; /* the coordinator's automatic -timeout leaves room for it */
            r->word_len = (uint32_t)trace.len;
            memcpy(r->word, trace.word, trace.len);
            break;
        }
        if (shorter) /* (either way shm.cov now holds this mutant's coverage) */
            best = reduction_better(w, &keep, len, (int)c->vp_quiet) ? len : none;
    }
    SHM_STORE(h->state, SHM_IDLE);
    features_vp_skip(NULL);
    features_set_value_profile(w->vp_on);
    if (r->status == RPC_OK && best < none) {
        memcpy(w->shm.input, w->shm.cand, best);
        r->status = RPC_REDUCED;
        r->len = best;
    }
    r->count = n;
}

static int min_try(void *arg, const uint8_t *cand, size_t len, const struct min_cursor *cur)
    FERRET_FRAME(min_try);
static int min_try(void *arg, const uint8_t *cand, size_t len, const struct min_cursor *cur)
{
    struct worker_ctx *w = arg;
    struct shm_header *h = w->shm.hdr;
    /* A corpus entry is not made printable: that costs runs and buys no
     * coverage, and it would write '0' over the bytes a target read past
     * what it needed (ExtendCmp's probe tail, mutator.c), which tell where
     * the input ended.  Findings, which people read, are. */
    if (w->min_mode == RPC_MIN_COVERAGE && cur->stage >= MIN_STAGE_PRINTABLE)
        return MIN_STOP;
    if ((w->min_limit && w->min_tries >= w->min_limit) || SHM_LOAD(h->stop) ||
        (w->min_deadline_ns && engine_now_ns() >= w->min_deadline_ns))
        return MIN_STOP;
    w->min_tries++;
    SHM_STORE(h->state, SHM_IDLE);
    memcpy(w->shm.cand, cand, len);
    SHM_STORE(h->cand_len, len);
    h->cursor = *cur;
    SHM_STORE(h->count, w->min_tries);
    SHM_STORE(h->state, SHM_MIN_TRY);
    run_and_snapshot(w, cand, len, w->cov);
    SHM_STORE(h->state, SHM_IDLE);
    if (w->min_mode == RPC_MIN_CRASH || w->min_mode == RPC_MIN_CLEANSE)
        return MIN_REJECT; /* it returned: no crash */
    if (w->min_mode == RPC_MIN_LEAK)
        return leaked(w) ? MIN_KEEP : MIN_REJECT;
    if (w->min_mode == RPC_MIN_FAIL) {
        if (!failed(w))
            return MIN_REJECT;
        size_t mlen; /* the message of the smallest failing input so far */
        const char *msg = registry_message(&mlen);
        mlen = mlen > SHM_MSG_MAX ? SHM_MSG_MAX : mlen;
        memcpy(w->shm.hdr->msg, msg, mlen);
        w->shm.hdr->msg_len = (uint32_t)mlen;
        return MIN_KEEP;
    }
    return coverage_keeps(w->cov, w->keep, w->nedges, w->shm.ncounters) ? MIN_KEEP : MIN_REJECT;
}

static void worker_minimize(struct worker_ctx *w, const struct rpc_call *c, struct rpc_reply *r)
    FERRET_FRAME(worker_minimize);
static void worker_minimize(struct worker_ctx *w, const struct rpc_call *c, struct rpc_reply *r)
{
    struct shm_header *h = w->shm.hdr;
    size_t len = h->input_len <= w->shm.max_len ? (size_t)h->input_len : w->shm.max_len;
    struct min_cursor cur = c->cursor;
    memcpy(w->buf, w->shm.input, len);
    memcpy(w->keep, w->shm.cov, w->shm.ncounters);
    w->min_mode = c->mode;
    w->min_limit = c->limit;
    w->min_tries = 0;
    w->min_deadline_ns = c->duration_ms ? engine_now_ns() + c->duration_ms * 1000000ULL : 0;
    SHM_STORE(h->count, 0);
    if (c->mode == RPC_MIN_CLEANSE)
        cleanse(w->buf, len, &cur, min_try, w); /* the length stays */
    else if (w->typed)
        len = typed_minimize(w->typed, w->buf, len, &cur, min_try, w);
    else
        len = minimize(w->buf, len, &cur, min_try, w);
    memcpy(w->shm.input, w->buf, len);
    if (c->mode == RPC_MIN_COVERAGE)
        run_and_snapshot(w, w->buf, len, w->shm.cov);
    r->len = len;
    r->count = w->min_tries;
}

static int count_fds(void)
{
    DIR *d = opendir("/proc/self/fd");
    int n = 0;
    if (!d)
        return 0;
    while (readdir(d))
        n++;
    closedir(d);
    return n;
}

/* The sanitizers' own helper (the symbolizer they start for a report) is
 * not the target's doing. */
static int sanitizer_helper(long pid)
{
    char path[64], comm[32] = "";
    snprintf(path, sizeof path, "/proc/%ld/comm", pid);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    ssize_t n = fd >= 0 ? read(fd, comm, sizeof comm - 1) : 0;
    if (fd >= 0)
        close(fd);
    comm[n > 0 ? n : 0] = 0;
    return strstr(comm, "symbolizer") != NULL || strstr(comm, "addr2line") != NULL;
}

static int has_children(void)
{
    char path[64], buf[512];
    snprintf(path, sizeof path, "/proc/self/task/%ld/children", (long)getpid());
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    ssize_t n = fd >= 0 ? read(fd, buf, sizeof buf - 1) : 0;
    if (fd >= 0)
        close(fd);
    buf[n > 0 ? n : 0] = 0;
    for (char *p = buf, *end; *p; p = end) {
        long pid = strtol(p, &end, 10);
        if (end == p)
            break;
        if (pid > 0 && !sanitizer_helper(pid))
            return 1;
    }
    return 0;
}

static int same_file(int fd, dev_t dev, ino_t ino)
{
    struct stat st;
    return fstat(fd, &st) == 0 && st.st_dev == dev && st.st_ino == ino;
}

/* 0 while the call and reply descriptors are still our pipes. */
static int pipes_lost(const struct worker_ctx *w)
{
    return !same_file(w->call_fd, start_state.call_dev, start_state.call_ino) ||
           !same_file(w->reply_fd, start_state.reply_dev, start_state.reply_ino);
}

static void remember_start_state(const struct worker_ctx *w)
{
    struct stat st;
    if (fstat(w->call_fd, &st) == 0) {
        start_state.call_dev = st.st_dev;
        start_state.call_ino = st.st_ino;
    }
    if (fstat(w->reply_fd, &st) == 0) {
        start_state.reply_dev = st.st_dev;
        start_state.reply_ino = st.st_ino;
    }
    start_state.cwd_fd = open(".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (!getcwd(start_state.cwd, sizeof start_state.cwd))
        start_state.cwd[0] = 0;
    start_state.fds = count_fds();
}

/* After each call: is the process still the one we started? */
static void check_health(struct rpc_reply *r)
{
    char cwd[4096];
    int fds = count_fds();
    if (fds > start_state.fds + FD_LEAK_MARGIN) {
        r->diag |= RPC_DIAG_FD_LEAK;
        r->diag_arg = (uint32_t)fds;
    }
    if (start_state.cwd[0] && (!getcwd(cwd, sizeof cwd) || strcmp(cwd, start_state.cwd) != 0)) {
        r->diag |= RPC_DIAG_CHDIR;
        if (start_state.cwd_fd >= 0 && fchdir(start_state.cwd_fd) != 0)
            r->diag |= RPC_DIAG_CHDIR;
    }
    if (has_children())
        r->diag |= RPC_DIAG_FORK;
}

static int worker_serve(struct worker_ctx *w) FERRET_FRAME(worker_serve);
static int worker_serve(struct worker_ctx *w)
{
    struct rpc_call c;
    for (;;) {
        if (rpc_read_all(w->call_fd, &c, sizeof c) != 0)
            return 0; /* the coordinator closed the pipe: done */
        if (c.magic != RPC_MAGIC)
            return WORKER_EXIT_LOST;
        struct rpc_reply r = {.magic = RPC_MAGIC, .op = c.op, .status = RPC_OK};
        SHM_STORE(w->shm.hdr->stop, 0);
        switch (c.op) {
        case RPC_PING:     r.ncounters = w->shm.ncounters; break;
        case RPC_RUN:      worker_run(w, &r); break;
        case RPC_FUZZ:     worker_fuzz(w, &c, &r); break;
        case RPC_MINIMIZE: worker_minimize(w, &c, &r); break;
        default:           return WORKER_EXIT_LOST;
        }
        if (c.op != RPC_PING)
            check_health(&r);
        if (pipes_lost(w))
            return WORKER_EXIT_LOST; /* the target closed them: our descriptors may now be its files */
        if (rpc_write_all(w->reply_fd, &r, sizeof r) != 0)
            return WORKER_EXIT_LOST; /* the reply pipe is gone (closed by the target?) */
    }
}

/* spec: "<coordinator pid>,<call fd>,<reply fd>,<shm fd>,<mask fd>" */
static int worker_attach(struct worker_ctx *w, const char *spec)
{
    long ppid;
    int shm_fd, mask_fd;
    if (sscanf(spec, "%ld,%d,%d,%d,%d", &ppid, &w->call_fd, &w->reply_fd, &shm_fd, &mask_fd) != 5)
        return -1;
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if ((long)getppid() != ppid)
        return -1; /* the coordinator is already gone */
    w->regions = sancov_regions();
    w->nregions = sancov_region_count();
    w->nedges = coverage_edge_counters(w->regions, w->nregions);
    if (shm_attach(&w->shm, shm_fd, sancov_total()) != 0)
        return -1;
    if (shm_mask_attach(mask_fd, &w->mask, sancov_total()) != 0)
        return -1;
    size_t n = w->shm.ncounters ? w->shm.ncounters : 1;
    w->buf = malloc(w->shm.max_len ? w->shm.max_len : 1);
    w->keep = malloc(n);
    w->cov = malloc(n);
    w->vp_at = features_vp_region(&w->vp_len);
    w->vp_on = features_set_value_profile(1);
    features_set_value_profile(w->vp_on);
    if (w->vp_len && w->vp_len % 8 == 0 && w->vp_at + w->vp_len <= w->shm.ncounters)
        w->vp_skip = malloc(w->vp_len);
    return (w->buf && w->keep && w->cov) ? 0 : -1;
}

/* The runtime is writing a crash report (a fatal signal, a sanitizer's
 * report still being symbolized): the coordinator must not take the
 * silence for a hang. */
static void on_dying(void)
{
    if (the_worker)
        SHM_STORE(the_worker->shm.hdr->dying, 1);
}

/* The runtime is about to _exit over -malloc_limit_mb: say why first. */
static void on_malloc_fault(uint64_t size)
{
    if (the_worker) {
        SHM_STORE(the_worker->shm.hdr->fault_arg, size);
        SHM_STORE(the_worker->shm.hdr->fault, SHM_FAULT_MALLOC);
        SHM_STORE(the_worker->shm.hdr->dying, 1); /* its report may be slow */
    }
}

static void close_fds(long long mask)
{
    int devnull = open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (devnull < 0)
        return;
    if (mask & 1)
        dup2(devnull, 1);
    if (mask & 2)
        dup2(devnull, 2);
    close(devnull);
}


/* The runtime's own reports in the run's dialect, but for hangs and malloc
 * limits: the coordinator's report of those findings (report_finding) opens
 * with the dialect's line itself.  Exit codes stay the runtime's: the
 * coordinator reads them (TARGET_HANG_EXIT, RUNTIME_OOM_EXIT). */
static void set_words(const struct options *o)
{
    struct runtime_words w = {.timeout_exit = -1, .exit_exit = -1, .oom_exit = -1};
    report_use_libfuzzer(o->libfuzzer);
    report_runtime_words(&w, o->timeout);
    w.timeout = NULL;
    w.oom = NULL;
    runtime_set_words(&w);
}

int worker_main(const struct options *o, int argc, char **argv, const char *spec)
{
    static struct worker_ctx w;
    memset(&w, 0, sizeof w);
    w.use_cmp = o->use_cmp;
    w.detect_leaks = o->detect_leaks && memory_leak_check_available();
    w.typed = registry_selected_schema();
    replay_set_custom_mutator(target_has_custom_mutator() ? target_custom_mutate : NULL);
    replay_set_custom_crossover(target_has_custom_crossover() ? target_custom_crossover : NULL);
    the_worker = &w;
    uint64_t limit_mb = (uint64_t)(o->malloc_limit_mb ? o->malloc_limit_mb : o->rss_limit_mb);
    memory_init((size_t)(limit_mb << 20), on_malloc_fault);
    if (o->close_fd_mask)
        close_fds(o->close_fd_mask);
    if (worker_attach(&w, spec) != 0) {
        report_error("worker: cannot attach to the coordinator (%s=%s)\n",
                FERRET_WORKER_ENV, spec);
        return FERRET_EXIT_INTERNAL;
    }
    set_words(o);
    target_install_crash_reporting();
    target_set_dying_hook(on_dying);
    target_init(&argc, &argv);
    remember_start_state(&w);
    int rc = worker_serve(&w);
    runtime_disable_exit_leak_check();
    return rc;
}
