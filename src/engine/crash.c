/*
 * crash.c - findings: what the coordinator does when a worker dies on an
 * input, hangs, runs out of memory or leaks.
 *
 *   failure --> recover the exact input (recover_input) --> record():
 *     -keep_going: same stack signature as an earlier finding? count a hit.
 *     otherwise a new finding; without -keep_going, fuzzing stops (CRASH).
 *   --> minimize it on one worker (crashes and leaks; not hangs or RSS
 *       out-of-memory, whose every try would cost a full timeout or limit):
 *       each smaller candidate that kills the worker is taken from shared
 *       memory, the worker restarted, the minimizer resumed at its cursor
 *   --> finish(): write the artifact (temp + fsync + rename), then report it.
 *
 * A finding that will be minimized is written as found the moment it is
 * recorded (write_found), so a SIGKILL of the coordinator while minimizing
 * loses nothing; the minimized form is written next to it and then the
 * found one removed.  A smaller candidate counts only if it fails the same
 * way (same_failure: the same kind and stack signature), so minimizing
 * never slips to another bug.
 *
 * Invariants:
 *  - a finding is on disk before it is printed or counted as written; if it
 *    cannot be written, its bytes are printed in hex: never lost;
 *  - only one finding is minimized at a time (c->fd.fmin); the others wait in
 *    c->findq;
 *  - lengths read from a worker are checked (shm_check_len) before use.
 *
 * Owns: in the coordinator: the findings lifecycle, struct findings (c->fd,
 * written only here) and each struct finding in it (its bytes, report,
 * signature, minimization cursor and paths); it marks an entry that fails
 * by itself failed.  On disk, written atomically: in Go mode the input as
 * found and then its minimized form in testdata/fuzz/<target>/ (the found
 * one removed once replaced); in libFuzzer mode the artifact
 * (<artifact_prefix>crash-<sha1> and the like, or -exact_artifact_path),
 * also for each input a -merge leaves out (crash_merge_artifact).
 * With -report=DIR, the findings report of the run (DIR/findings.txt and
 * DIR/findings.html, written by findings_report.c; each finding's first_seen
 * is set here when it is recorded).
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "calls.h"
#include "cleanse.h"
#include "coordinator_int.h"
#include "findings_report.h"
#include "report.h"
#include "words.h"
#include "hash.h"
#include "replay.h"
#include "typed.h"

#define LF_OOM_EXIT 71 /* libFuzzer's exit code for out-of-memory */

/* libFuzzer's -ignore_timeouts / -ignore_ooms: their default (1) holds in
 * fork mode only, as in libFuzzer; given, they hold without -fork too
 * (ferret's workers are separate processes in every mode). */
static int lf_ignores(const struct coordinator *c, enum flag_id id, int value)
{
    return c->o->libfuzzer && (c->o->given[id] ? value : c->o->fork > 0);
}

/* Does fuzzing go on after a finding of this kind?  -keep_going (and
 * -ignore_crashes) for every kind; -ignore_timeouts, -ignore_ooms for theirs. */
static int keep_going(const struct coordinator *c, enum finding_kind kind)
{
    if (c->o->keep_going || c->o->ignore_crashes)
        return 1;
    return (kind == FINDING_HANG && lf_ignores(c, FLAG_ID_ignore_timeouts, c->o->ignore_timeouts)) ||
           (kind == FINDING_OOM && lf_ignores(c, FLAG_ID_ignore_ooms, c->o->ignore_ooms));
}

/* Goes on after every kind of finding. */
static int keep_going_all(const struct coordinator *c)
{
    return c->o->keep_going || c->o->ignore_crashes;
}

/* Goes on after some kind: findings are deduplicated and summarized. */
static int keep_going_any(const struct coordinator *c)
{
    return keep_going(c, FINDING_HANG) || keep_going(c, FINDING_OOM) || keep_going_all(c);
}

/* ---- what happened ------------------------------------------------------- */

static void describe_death(char *buf, size_t len, int status)
{
    if (WIFEXITED(status))
        snprintf(buf, len, "exit status %d", WEXITSTATUS(status));
    else if (WIFSIGNALED(status))
        snprintf(buf, len, "signal %s (%s)",
                 sigabbrev_np(WTERMSIG(status)) ? sigabbrev_np(WTERMSIG(status)) : "?",
                 strsignal(WTERMSIG(status)));
    else
        snprintf(buf, len, "status 0x%x", status);
}

/* By what the worker was doing, not by how long it took: one that said it
 * was writing a crash report (shm dying) crashed, however slow the report;
 * one asked for a hang stack that died another way (exit 1 of a sanitizer,
 * SIGSEGV...) was crashing too. */
static enum finding_kind classify(const struct worker *w, int status, int kernel_oom)
{
    int dying = SHM_LOAD(w->shm.hdr->dying) != 0;
    int hang_exit = WIFEXITED(status) && WEXITSTATUS(status) == TARGET_HANG_EXIT;
    if (w->kill_reason == KILL_HANG && (hang_exit || !dying) &&
        (w->hang_signalled_ns == 0 || (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) ||
         hang_exit))
        return FINDING_HANG;
    if (w->kill_reason == KILL_OOM || kernel_oom)
        return FINDING_OOM;
    if (SHM_LOAD(w->shm.hdr->fault) == SHM_FAULT_MALLOC) /* (reset at each start) */
        return FINDING_OOM; /* it said so, even if its report was cut short */
    return FINDING_CRASH;
}

static void describe(const struct coordinator *c, const struct worker *w, int status,
                     enum finding_kind kind, int kernel_oom, char *buf, size_t len)
{
    char how[200];
    describe_death(how, sizeof how, status);
    if (kind == FINDING_HANG)
        snprintf(buf, len, "hang: an input ran for more than %.3gs (-timeout)",
                 (double)c->timeout_ns / 1e9);
    else if (kind == FINDING_OOM && kernel_oom)
        snprintf(buf, len, "out-of-memory: the worker was killed by the kernel's OOM killer");
    else if (kind == FINDING_OOM && w->kill_reason == KILL_OOM)
        snprintf(buf, len, "out-of-memory: the worker's resident memory exceeded -rss_limit_mb=%lld",
                 c->o->rss_limit_mb);
    else if (kind == FINDING_OOM)
        snprintf(buf, len, "out-of-memory: malloc(%llu) is over -malloc_limit_mb",
                 (unsigned long long)SHM_LOAD(w->shm.hdr->fault_arg));
    else
        snprintf(buf, len, "fuzzing process terminated unexpectedly: %s", how);
}

/* The input a worker was running when it died, from its own record of the
 * call (never from a length it wrote) and the state it published. */
static int recover_input(struct coordinator *c, struct worker *w, const uint8_t **data,
                         size_t *len, uint32_t *state)
{
    const struct shm_header *h = w->shm.hdr;
    *state = SHM_LOAD(h->state);
    switch (w->job.op) {
    case RPC_FUZZ:
        if (*state == SHM_FUZZ) {
            struct mutate_src src;
            replay_mutate_src(&src, &w->shm, w->job.partner->data, w->job.partner->len);
            *len = replay_build_input(SHM_LOAD(h->rng), c->scratch, w->job.base->data,
                                      w->job.base->len, &src, w->job.len_limit);
            *data = c->scratch;
        } else {
            *data = w->job.base->data;
            *len = w->job.base->len;
        }
        return 0;
    case RPC_RUN:
        *data = w->job.base->data;
        *len = w->job.base->len;
        return 0;
    case RPC_MINIMIZE:
        if (*state == SHM_MIN_TRY) {
            uint64_t n = SHM_LOAD(h->cand_len);
            if (!shm_check_len(&w->shm, n))
                return -1;
            memcpy(c->scratch, w->shm.cand, (size_t)n);
            *data = c->scratch;
            *len = (size_t)n;
        } else {
            *data = w->job.input;
            *len = w->job.input_len;
        }
        return 0;
    }
    return -1;
}

/* ---- recording ------------------------------------------------------------- */

static int set_data(struct finding *f, const uint8_t *data, size_t len)
{
    uint8_t *copy = malloc(len ? len : 1);
    if (!copy)
        return -1;
    memcpy(copy, data, len);
    free(f->data);
    f->data = copy;
    f->len = len;
    return 0;
}

static void free_finding(struct finding *f)
{
    if (f) {
        free(f->data);
        free(f->report);
        free(f->path);
        free(f->found_path);
        free(f);
    }
}

static struct finding *find_signature(const struct coordinator *c, const char *sig)
{
    for (size_t i = 0; i < c->fd.n; i++)
        if (strcmp(c->fd.v[i]->sig, sig) == 0)
            return c->fd.v[i];
    return NULL;
}

/* What a typed target said about a failing input (ferret_fail...), from
 * the worker's shared memory: a copy, its length clamped. */
static char *failure_message(const struct worker *w, size_t *len)
{
    uint32_t n = SHM_LOAD(w->shm.hdr->msg_len);
    if (n > SHM_MSG_MAX)
        n = SHM_MSG_MAX;
    char *m = malloc((size_t)n + 1);
    if (!m) {
        *len = 0;
        return NULL;
    }
    memcpy(m, w->shm.hdr->msg, n);
    m[n] = 0;
    *len = strlen(m); /* a NUL from the worker ends it */
    return m;
}

static struct finding *new_finding(struct worker *w, const uint8_t *data, size_t len,
                                   enum finding_kind kind, const char *reason)
{
    struct finding *f = calloc(1, sizeof *f);
    if (!f || set_data(f, data, len) != 0) {
        free(f);
        return NULL;
    }
    f->kind = kind;
    snprintf(f->reason, sizeof f->reason, "%s", reason);
    sup_drain_log(w); /* a live worker's report may still sit in its pipe */
    if (kind == FINDING_FAIL)
        f->report = failure_message(w, &f->report_len);
    else
        f->report = sup_log_tail(w, &f->report_len);
    if (kind == FINDING_FAIL) /* one bug per place that fails */
        snprintf(f->sig, sizeof f->sig, "failure at %.*s", (int)sizeof w->shm.hdr->fail_at,
                 w->shm.hdr->fail_at);
    else
        finding_signature(f->report, f->report ? f->report_len : 0, kind, f->sig, sizeof f->sig);
    f->hits = 1;
    f->first_seen = (int64_t)time(NULL);
    f->orig_len = len;
    return f;
}

static uint32_t minimize_mode(const struct coordinator *c, const struct finding *f)
{
    if (!minimization_on(c) || (f->corpus_path && !c->minimize_only))
        return 0;
    if (c->o->libfuzzer && !c->minimize_only)
        return 0; /* libFuzzer writes what it found at once; minimizing is -minimize_crash */
    if (c->cleansing) /* a hang or a leak is written as it is */
        return f->kind == FINDING_CRASH || (f->kind == FINDING_OOM && strstr(f->reason, "malloc("))
                   ? RPC_MIN_CLEANSE : 0;
    if (f->kind == FINDING_CRASH || (f->kind == FINDING_OOM && strstr(f->reason, "malloc(")))
        return RPC_MIN_CRASH;
    if (f->kind == FINDING_LEAK)
        return RPC_MIN_LEAK;
    if (f->kind == FINDING_FAIL)
        return RPC_MIN_FAIL;
    return 0; /* hangs and RSS limits: every try would cost the full limit */
}

/* Go mode: the input as found goes to disk at once; the minimized form
 * replaces it later (finish). */
static void write_found(struct coordinator *c, struct finding *f)
{
    if (corpus_write_atomic(c->testdata, f->data, f->len, &f->found_path) != 0) {
        report_warning("cannot write the failing input to %s yet: %s; "
                "it is tried again once minimized (or printed in hex)\n", c->testdata, strerror(errno));
        f->found_path = NULL;
    }
}

static int add_finding(struct coordinator *c, struct finding *f)
{
    struct finding **v = realloc(c->fd.v, (c->fd.n + 1) * sizeof *v);
    if (!v)
        return -1;
    c->fd.v = v;
    c->fd.v[c->fd.n++] = f;
    return 0;
}

static enum crash_outcome record(struct coordinator *c, struct worker *w, const uint8_t *data,
                                 size_t len, enum finding_kind kind, const char *reason)
{
    if (c->phase == PH_DONE || (!keep_going_all(c) && c->phase == PH_CRASH))
        return CRASH_GO_ON; /* a failure after the end, or while the first is handled: ignored */
    struct finding *f = new_finding(w, data, len, kind, reason);
    if (!f)
        return CRASH_GO_ON;
    struct finding *seen = keep_going(c, kind) ? find_signature(c, f->sig) : NULL;
    if (seen) {
        seen->hits++;
        if (c->o->v)
            report_finding_again(kind, seen->hits, seen->sig);
        free_finding(f);
        return CRASH_GO_ON;
    }
    if (keep_going(c, kind) && sync_claim_finding(c, f->sig)) {
        report_finding_elsewhere(kind, f->sig);
        free_finding(f);
        return CRASH_GO_ON;
    }
    if (w->job.op == RPC_RUN && w->job.base && w->job.base->path && !w->job.sync) {
        f->corpus_path = w->job.base->path;
        w->job.base->failed = 1;
    }
    if (add_finding(c, f) != 0) {
        free_finding(f);
        return CRASH_GO_ON;
    }
    f->mode = minimize_mode(c, f);
    if (f->mode && !c->o->libfuzzer && !c->minimize_only)
        write_found(c, f);
    if (f->mode)
        report_finding_found(kind, f->found_path);
    else
        f->min_done = 1; /* written on the next turn of the loop (crash_advance) */
    queue_push(&c->fd.q, f);
    return keep_going(c, kind) ? CRASH_GO_ON : CRASH_STOP_FUZZING;
}

/* ---- minimizing ------------------------------------------------------------ */

/* The worker died on a candidate the way f failed: the same kind and the
 * same stack signature.  Its report is returned (malloc'd) when it did. */
static char *same_failure(const struct finding *f, struct worker *w, int status, size_t *report_len)
{
    enum finding_kind kind = classify(w, status, 0);
    char sig[FINDING_SIG_MAX];
    if (kind != f->kind)
        return NULL;
    sup_drain_log(w);
    char *report = sup_log_tail(w, report_len);
    if (!report)
        return NULL;
    finding_signature(report, *report_len, kind, sig, sizeof sig);
    if (strcmp(sig, f->sig) != 0) {
        free(report);
        return NULL;
    }
    return report;
}

/* A worker died while minimizing c->fd.fmin. */
static void on_minimize_death(struct coordinator *c, struct worker *w, const uint8_t *data,
                              size_t len, uint32_t state, int status)
{
    struct finding *f = c->fd.fmin;
    f->minimizing = 0;
    f->min_tries += SHM_LOAD(w->shm.hdr->count);
    if (state != SHM_MIN_TRY) {
        f->min_done = 1; /* it died outside a try: stop here */
        return;
    }
    f->cursor = w->shm.hdr->cursor;
    size_t report_len = 0;
    char *report = NULL;
    int dies = f->mode == RPC_MIN_CRASH || f->mode == RPC_MIN_CLEANSE;
    if (w->kill_reason != KILL_NONE || !dies || len > f->len ||
        !(report = same_failure(f, w, status, &report_len))) {
        if (f->mode == RPC_MIN_CLEANSE)
            cleanse_cursor_skip(&f->cursor); /* not the same failure: the byte matters */
        else
            crash_cursor_skip(&f->cursor, f->len); /* not the same failure: a different bug */
        return;
    }
    if (set_data(f, data, len) == 0) {
        free(f->report);
        f->report = report;
        f->report_len = report_len;
    } else {
        free(report);
    }
}

int crash_dispatch(struct coordinator *c, struct worker *w)
{
    if (!c->fd.fmin)
        c->fd.fmin = queue_pop(&c->fd.q);
    struct finding *f = c->fd.fmin;
    if (!f || f->minimizing || f->min_done)
        return 0;
    const struct budget *b = &c->o->fuzzminimizetime;
    uint64_t limit = 0, ms = 0, now = engine_now_ns();
    if (!f->min_start_ns)
        f->min_start_ns = now;
    if (b->kind == BUDGET_TIME && f->min_deadline_ns == 0)
        f->min_deadline_ns = now + b->ns;
    if (b->kind == BUDGET_COUNT && f->min_tries >= b->count)
        f->min_done = 1;
    else if (b->kind == BUDGET_COUNT)
        limit = b->count - f->min_tries;
    else if (now >= f->min_deadline_ns)
        f->min_done = 1;
    else
        ms = (f->min_deadline_ns - now) / 1000000 + 1;
    if (f->min_done)
        return 0;
    if (call_minimize(c, w, f->data, f->len, f->mode, f->cursor, limit, ms) != 0)
        return 0;
    f->minimizing = 1;
    return 1;
}

void crash_on_minimize_done(struct coordinator *c, struct worker *w)
{
    struct finding *f = c->fd.fmin;
    if (!f)
        return;
    f->minimizing = 0;
    f->min_done = 1; /* within the budget, no smaller candidate failed (or it ran out) */
    f->min_tries += w->reply.count;
    if ((f->mode == RPC_MIN_LEAK || f->mode == RPC_MIN_FAIL) && shm_check_len(&w->shm, w->reply.len) &&
        w->reply.len <= f->len && set_data(f, w->shm.input, (size_t)w->reply.len) == 0) {
        size_t n = 0;
        char *report = NULL;
        sup_drain_log(w);
        if (f->mode == RPC_MIN_FAIL)
            report = failure_message(w, &n);
        else /* the report of the last leaking candidate, if this call printed one */
            report = sup_log_since(w, w->job.log_pos, &n);
        if (report && (f->mode == RPC_MIN_FAIL || strstr(report, "SUMMARY: "))) {
            free(f->report);
            f->report = report;
            f->report_len = n;
        } else {
            /* No candidate leaked in this call (the input is as it was), and
             * this worker's log is not the one that holds the leak's report
             * (with two workers, another may minimize it): the report as
             * found stays, SUMMARY line and all. */
            free(report);
        }
    }
}

void crash_requeue(struct coordinator *c, struct worker *w)
{
    (void)w;
    if (!c->fd.fmin)
        return;
    c->fd.fmin->minimizing = 0;
    if (++c->fd.fmin->lost >= 2)
        c->fd.fmin->min_done = 1; /* the worker keeps going away: write it as it is */
}

/* Tries made on f so far: the calls that ended, and the one out. */
static uint64_t live_tries(const struct coordinator *c, const struct finding *f)
{
    uint64_t n = f->min_tries;
    for (int i = 0; f->minimizing && i < c->nw; i++)
        if (c->w[i].st == W_BUSY && c->w[i].job.op == RPC_MINIMIZE &&
            c->w[i].job.mode != RPC_MIN_COVERAGE)
            n += SHM_LOAD(c->w[i].shm.hdr->count);
    return n;
}

/* The progress line of the finding being minimized while nothing else
 * runs (not -keep_going's minimizing beside fuzzing: the fuzzing lines go
 * on then): tries (of a count budget), its size now against as found, the
 * budget's end or what is left of a time budget (the reporter limits the
 * lines to one every 3 s). */
static void min_progress(struct coordinator *c, struct finding *f, uint64_t now, unsigned flags)
{
    const struct budget *b = &c->o->fuzzminimizetime;
    if (!f->mode || !f->min_start_ns || f->mode == RPC_MIN_COVERAGE || c->phase != PH_CRASH)
        return;
    struct report_op p = {
        .op = f->mode == RPC_MIN_CLEANSE ? REPORT_OP_CLEANSE : REPORT_OP_MINIMIZE,
        .start_ns = f->min_start_ns, .now_ns = now, .run_elapsed_ns = now - c->stats.start_ns,
        .done = live_tries(c, f), .total = b->kind == BUDGET_COUNT ? b->count : 0,
        .flags = flags, .kind = f->kind, .len = f->len, .orig_len = f->orig_len,
        .time_budget = b->kind == BUDGET_TIME,
        .budget_left_ns = f->min_deadline_ns > now ? f->min_deadline_ns - now : 0};
    report_op_progress(&p);
}

void crash_tick(struct coordinator *c, uint64_t now)
{
    struct finding *f = c->fd.fmin;
    if (f && !f->min_done)
        min_progress(c, f, now, 0);
    if (!f || !f->minimizing || !f->min_deadline_ns || now < f->min_deadline_ns)
        return;
    for (int i = 0; i < c->nw; i++)
        if (c->w[i].st == W_BUSY && c->w[i].job.op == RPC_MINIMIZE &&
            c->w[i].job.mode != RPC_MIN_COVERAGE)
            SHM_STORE(c->w[i].shm.hdr->stop, 1);
}

/* ---- failures in ------------------------------------------------------------ */

/* libFuzzer's command line: the target ended the worker with a nonzero
 * status (_exit(n)) in the middle of an input and said nothing (no report
 * began: no sanitizer, signal, exit() or malloc-limit report).  libFuzzer's
 * process would simply have ended with n, writing no artifact; ClusterFuzz
 * reads n (1: the engine failed; anything else: a bug of the target's, kept
 * as an empty testcase).  Go's command line records a finding instead. */
static int target_ended_run(const struct coordinator *c, const struct worker *w, int status,
                            enum finding_kind kind)
{
    return c->o->libfuzzer && !keep_going(c, kind) && kind == FINDING_CRASH && WIFEXITED(status) &&
           WEXITSTATUS(status) != 0 && !SHM_LOAD(w->shm.hdr->dying) &&
           SHM_LOAD(w->shm.hdr->fault) == 0;
}

enum crash_outcome crash_on_death(struct coordinator *c, struct worker *w, int status,
                                  int kernel_oom)
{
    const uint8_t *data;
    size_t len;
    uint32_t state;
    char reason[256];
    if (w->job.op == RPC_FUZZ)
        credit_execs(c, w, SHM_LOAD(w->shm.hdr->count));
    if (recover_input(c, w, &data, &len, &state) != 0) {
        report_error("worker %d left an invalid candidate length; restarting it\n", w->id);
        return CRASH_GO_ON;
    }
    if (w->job.op == RPC_MINIMIZE && w->job.mode != RPC_MIN_COVERAGE && c->fd.fmin) {
        on_minimize_death(c, w, data, len, state, status);
        return CRASH_GO_ON;
    }
    enum finding_kind kind = classify(w, status, kernel_oom);
    describe(c, w, status, kind, kernel_oom, reason, sizeof reason);
    if (c->merging && w->job.op == RPC_RUN) {
        merge_on_result(c, w->job.base, reason); /* skipped and named, not a finding */
        crash_merge_artifact(c, w, kind, reason);
        return CRASH_GO_ON;
    }
    if (target_ended_run(c, w, status, kind) && c->phase != PH_DONE) {
        report_target_ended(WEXITSTATUS(status));
        if (!c->fd.exit)
            c->fd.exit = WEXITSTATUS(status);
        return CRASH_ALL_DONE;
    }
    return record(c, w, data, len, kind, reason);
}

enum crash_outcome crash_on_report(struct coordinator *c, struct worker *w)
{
    if (!shm_check_len(&w->shm, w->reply.len)) {
        sup_kill(w, KILL_PROTOCOL);
        return CRASH_GO_ON;
    }
    if (w->reply.status == RPC_FAILURE)
        return record(c, w, w->shm.input, (size_t)w->reply.len, FINDING_FAIL,
               "the fuzz target failed on this input (ferret_fail/ferret_fatal)");
    return record(c, w, w->shm.input, (size_t)w->reply.len, FINDING_LEAK,
               "memory leak: LeakSanitizer found memory this input allocated and lost");
}

/* Past the candidate at the cursor, by the typed minimizer's stages when
 * the target is typed. */
void crash_cursor_skip(struct min_cursor *cur, size_t len)
{
    const struct typed_schema *s = corpus_schema();
    if (s)
        typed_minimize_cursor_skip(s, cur, len);
    else
        minimize_cursor_skip(cur, len);
}

/* ---- the kernel's OOM killer ------------------------------------------------ */

/* oom_kill from this process's cgroup (v2) memory.events; 0 if unknown. */
static uint64_t cgroup_oom_kills(void)
{
    char cg[512], path[700], line[256];
    uint64_t n = 0;
    FILE *f = fopen("/proc/self/cgroup", "r");
    if (!f)
        return 0;
    int ok = fgets(cg, sizeof cg, f) && strncmp(cg, "0::", 3) == 0;
    fclose(f);
    if (!ok)
        return 0;
    cg[strcspn(cg, "\n")] = 0;
    snprintf(path, sizeof path, "/sys/fs/cgroup%s/memory.events", cg + 3);
    if (!(f = fopen(path, "r")))
        return 0;
    while (fgets(line, sizeof line, f))
        if (sscanf(line, "oom_kill %llu", (unsigned long long *)&n) == 1)
            break;
    fclose(f);
    return n;
}

void crash_oom_baseline(struct coordinator *c) { c->fd.oom_kills = cgroup_oom_kills(); }

int crash_kernel_oom(struct coordinator *c)
{
    uint64_t n = cgroup_oom_kills();
    int killed = n > c->fd.oom_kills;
    c->fd.oom_kills = n;
    return killed;
}

/* ---- out: artifacts and reports ---------------------------------------------- */

/* libFuzzer's artifact path: -exact_artifact_path, or the prefix followed by
 * crash-, timeout-, oom- or leak- and the SHA-1 (minimized-from- for
 * -minimize_crash). */
static char *lf_artifact_path(const struct coordinator *c, const struct finding *f)
{
    char name[HASH_HEX_LEN + 1], buf[4096];
    if (c->o->exact_artifact_path)
        return strdup(c->o->exact_artifact_path);
    hash_sha1_hex(c->minimize_only ? c->minimize_only->data : f->data,
                  c->minimize_only ? c->minimize_only->len : f->len, name);
    snprintf(buf, sizeof buf, "%s%s-%s", c->o->artifact_prefix ? c->o->artifact_prefix : "./",
             c->minimize_only ? "minimized-from" : finding_kind_name(f->kind), name);
    return strdup(buf);
}

/* Writes path atomically (temp in the same directory, fsync, rename). */
static int write_path(const char *path, const uint8_t *data, size_t len)
{
    char dir[4096];
    const char *slash = strrchr(path, '/');
    if (!slash)
        return corpus_write_named(".", path, data, len);
    snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path);
    return corpus_write_named(slash == path ? "/" : dir, slash + 1, data, len);
}

/* Writes the artifact; 0, or -1 with the bytes printed instead. */
static int write_artifact(struct coordinator *c, struct finding *f)
{
    if (f->corpus_path && !c->o->libfuzzer) {
        f->path = strdup(f->corpus_path);
        return 0;
    }
    if (c->o->libfuzzer) {
        f->path = lf_artifact_path(c, f);
        if (f->path && write_path(f->path, f->data, f->len) == 0)
            return 0;
    } else if (corpus_write_atomic(c->testdata, f->data, f->len, &f->path) == 0) {
        if (f->found_path && strcmp(f->found_path, f->path) != 0 && unlink(f->found_path) != 0 &&
            errno != ENOENT)
            report_warning("cannot remove %s, the input as found: %s\n",
                    f->found_path, strerror(errno));
        return 0;
    } else if (f->found_path) {
        report_error("cannot write the minimized input to %s: %s; the input as found "
                "stays in %s\n", c->testdata, strerror(errno), f->found_path);
        f->path = strdup(f->found_path);
        if (f->path)
            return 0;
    }
    report_error("cannot write the failing input to %s: %s; it is printed below, nothing else was written\n",
            f->path ? f->path : c->testdata, strerror(errno)); /* the artifact path tried, or the seed directory */
    report_hex(f->data, f->len);
    c->fd.write_failed = 1;
    return -1;
}

static void say_finding(const struct coordinator *c, const struct finding *f, int written)
{
    report_finding(&(struct report_finding){
        .target = c->target, .kind = f->kind, .reason = f->reason, .report = f->report,
        .report_len = f->report ? f->report_len : 0, .corpus_path = f->corpus_path,
        .path = written ? f->path : NULL, .data = f->data, .len = f->len,
        .typed = corpus_schema() != NULL, .argv0 = c->argv0, .timeout_ns = c->timeout_ns,
        .rss_limit_mb = c->o->rss_limit_mb,
        .malloc_limit_mb = c->o->malloc_limit_mb ? c->o->malloc_limit_mb : c->o->rss_limit_mb,
        .artifact_prefix = c->o->artifact_prefix, .pid = (int)getpid()});
}

/* Writes and reports f; CRASH_ALL_DONE when that ends the run (no
 * -keep_going). */
static enum crash_outcome finish(struct coordinator *c, struct finding *f)
{
    if (!keep_going(c, f->kind))
        save_words(c); /* the dictionary before the failure: the failure is the last word */
    int written = write_artifact(c, f) == 0;
    if (written && (!c->fd.exit || !keep_going(c, f->kind))) /* the finding that ends the run wins */
        c->fd.exit = !c->o->libfuzzer ? FERRET_EXIT_FINDING
                        : f->kind == FINDING_HANG ? (int)c->o->timeout_exitcode
                        : f->kind == FINDING_OOM  ? LF_OOM_EXIT : (int)c->o->error_exitcode;
    say_finding(c, f, written);
    return keep_going(c, f->kind) ? CRASH_GO_ON : CRASH_ALL_DONE;
}

void crash_merge_artifact(struct coordinator *c, struct worker *w, enum finding_kind kind,
                          const char *reason)
{
    const struct entry *e = w->job.base;
    struct finding *f = e ? new_finding(w, e->data, e->len, kind, reason) : NULL;
    if (!f)
        return;
    f->path = lf_artifact_path(c, f);
    int written = f->path && write_path(f->path, f->data, f->len) == 0;
    if (!written) {
        report_error("cannot write %s: %s\n", f->path ? f->path : "the artifact", strerror(errno));
        c->fd.write_failed = 1; /* the merge goes on; its exit code says so */
    }
    say_finding(c, f, written);
    free_finding(f);
}

enum crash_outcome crash_advance(struct coordinator *c)
{
    if (!c->fd.fmin)
        c->fd.fmin = queue_pop(&c->fd.q);
    struct finding *f = c->fd.fmin;
    if (f && c->stop_requested && !f->minimizing)
        f->min_done = 1; /* Ctrl-C or time up: write what we have */
    if (f && f->min_done && !f->minimizing) {
        c->fd.fmin = NULL;
        min_progress(c, f, engine_now_ns(), PROGRESS_FINAL);
        return finish(c, f);
    }
    return CRASH_GO_ON;
}

int crash_exit_code(const struct coordinator *c)
{
    if (c->exit_code == FERRET_EXIT_WRITE || c->fd.write_failed)
        return FERRET_EXIT_WRITE;
    return c->fd.exit ? c->fd.exit : c->exit_code;
}

/* At the end: nothing found is left unwritten; with -keep_going, a summary. */
void crash_finish_all(struct coordinator *c)
{
    struct finding *f;
    if (c->fd.fmin && !c->fd.fmin->path)
        (void)finish(c, c->fd.fmin);
    c->fd.fmin = NULL;
    while ((f = queue_pop(&c->fd.q)))
        if (!f->path)
            (void)finish(c, f);
    if (!keep_going_any(c) || c->fd.n == 0)
        return;
    uint64_t hits = 0;
    for (size_t i = 0; i < c->fd.n; i++)
        hits += c->fd.v[i]->hits;
    report_findings_summary(c->fd.n, hits);
    for (size_t i = 0; i < c->fd.n; i++)
        report_findings_summary_line(c->fd.v[i]->kind, c->fd.v[i]->hits, c->fd.v[i]->path,
                                     c->fd.v[i]->sig);
}

/* ---- the findings report (-report=DIR) ------------------------------------- */

/* Entry i of the report from finding f; its strings in the buffers given. */
static void report_entry(const struct coordinator *c, const struct finding *f,
                         struct findings_entry *e, char *summary, size_t slen, char *rerun,
                         size_t rlen)
{
    const char *path = f->path ? f->path : f->corpus_path;
    if (f->kind == FINDING_FAIL) /* sig: "failure at typed.c:74" */
        finding_failure_summary(f->report, f->report ? f->report_len : 0,
                                f->sig + strlen("failure at "), summary, slen);
    else
        finding_summary(f->report, f->report ? f->report_len : 0, summary, slen);
    rerun[0] = 0;
    if (path)
        finding_rerun_command(&(struct finding_rerun){
            .argv0 = c->argv0, .path = path,
            .typed_target = corpus_schema() ? c->target : NULL, .kind = f->kind,
            .timeout_ns = c->timeout_ns, .rss_limit_mb = c->o->rss_limit_mb,
            .malloc_limit_mb = c->o->malloc_limit_mb ? c->o->malloc_limit_mb : c->o->rss_limit_mb},
            rerun, rlen);
    *e = (struct findings_entry){.kind = f->kind, .sig = f->sig, .hits = f->hits,
                                 .first_seen = f->first_seen, .path = path, .len = f->len,
                                 .summary = summary, .rerun = rerun};
}

void crash_write_report(struct coordinator *c)
{
    enum { SUM = 1024, CMD = 17200 };
    size_t n = c->fd.n;
    struct findings_entry *v = calloc(n ? n : 1, sizeof *v);
    char *text = malloc((n ? n : 1) * (SUM + CMD));
    uint64_t hits = 0;
    int rc = -1;
    if (v && text) {
        for (size_t i = 0; i < n; i++) {
            report_entry(c, c->fd.v[i], &v[i], text + i * (SUM + CMD), SUM,
                         text + i * (SUM + CMD) + SUM, CMD);
            hits += v[i].hits;
        }
        struct findings_doc d = {.target = c->target, .source = "a fuzzing run", .v = v, .n = n};
        rc = findings_report_write(c->o->report, &d);
    } else {
        errno = ENOMEM;
    }
    if (rc == 0) {
        report_findings_report(c->o->report, n, hits);
    } else {
        report_error("cannot write the findings report to %s: %s\n", c->o->report, strerror(errno));
        if (c->exit_code == FERRET_EXIT_OK && !c->fd.exit)
            c->exit_code = FERRET_EXIT_WRITE;
    }
    free(v);
    free(text);
}
