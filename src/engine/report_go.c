/*
 * report_go.c - the Go dialect (reporter.h): the lines of `go test -fuzz`,
 *   fuzz: elapsed: 3s, execs: 123456 (41152/sec), new interesting: 12 (total: 20)
 * and a finding as `--- FAIL: target`, its report, where it is written and
 * how to re-run it, then FAIL.
 *
 * Owns: nothing: it fills the struct reporter it is handed (report.c's
 * table) and writes on the stream it is handed.
 */
#include <stdio.h>
#include <string.h>

#include "progress.h"
#include "reporter.h"

static void tail(FILE *out, const char *log, size_t len)
{
    if (len)
        fprintf(out, "%.*s%s", (int)len, log, log[len - 1] == '\n' ? "" : "\n");
}


static void go_start(FILE *out, const struct report_start *s)
{
    fprintf(out, "fuzz: target %s, %d workers, seed %llu, max_len %zu, corpus %zu, cache %s\n",
            s->target, s->nworkers, (unsigned long long)s->seed, s->max_len, s->corpus_n,
            s->cachedir);
}

static void go_ready(FILE *out, const struct report_start *s)
{
    (void)out; /* Go says nothing more: its first line said it all */
    (void)s;
}

static void go_bad_dictionary(FILE *out, size_t bad_line, const char *err)
{
    (void)bad_line; /* err names the file and the line */
    fprintf(out, "ferret: bad dictionary: %s\n", err);
}

static void baseline_line(FILE *out, uint64_t elapsed_ns, size_t done, size_t total, int nworkers)
{
    char el[32];
    progress_duration(el, sizeof el, elapsed_ns);
    if (done == total && nworkers > 0)
        fprintf(out, "fuzz: elapsed: %s, gathering baseline coverage: %zu/%zu completed, now fuzzing with %d workers\n",
                el, done, total, nworkers);
    else
        fprintf(out, "fuzz: elapsed: %s, gathering baseline coverage: %zu/%zu completed\n",
                el, done, total);
    fflush(out);
}

/* ", 1.7/s, ETA 4s" after an operation's counts: nothing before anything
 * ran; the rate without an ETA when the total is not known; at the end the
 * time it took.  minimizing: the ETA is the count budget's end (the
 * minimizer may stop sooner), or what is left of a time budget. */
static int go_rate_eta(char *buf, size_t len, const struct report_op *p, int minimizing)
{
    char rate[32], t[32];
    uint64_t ran = p->done - p->done_before;
    progress_rate(rate, sizeof rate, ran, p->elapsed_ns);
    if (p->flags & PROGRESS_FINAL) {
        progress_duration(t, sizeof t, p->elapsed_ns);
        return snprintf(buf, len, " in %s (%s)", t, rate);
    }
    if (minimizing && p->time_budget) {
        progress_duration(t, sizeof t, p->budget_left_ns);
        return snprintf(buf, len, " (%s), %s of the time budget left", rate, t);
    }
    if (ran == 0)
        return 0;
    if (!p->eta_known)
        return snprintf(buf, len, " (%s)", rate);
    progress_duration(t, sizeof t, p->eta_ns);
    return snprintf(buf, len, " (%s), %sETA %s", rate, minimizing ? "budget " : "", t);
}

static size_t go_min_line(char *buf, size_t len, const char *el, const struct report_op *p)
{
    const char *kind = finding_kind_name(p->kind);
    int final = (p->flags & PROGRESS_FINAL) != 0, n;
    char of[32] = "";
    if (p->total && !final)
        snprintf(of, sizeof of, "/%llu", (unsigned long long)p->total);
    if (p->op == REPORT_OP_CLEANSE)
        n = snprintf(buf, len, "fuzz: elapsed: %s, %s the %s: %llu%s tries", el,
                     final ? "cleansed" : "cleansing", kind, (unsigned long long)p->done, of);
    else if (final)
        n = snprintf(buf, len, "fuzz: elapsed: %s, minimized the %s: %zu -> %zu bytes, %llu tries",
                     el, kind, p->orig_len, p->len, (unsigned long long)p->done);
    else
        n = snprintf(buf, len, "fuzz: elapsed: %s, minimizing the %s: %zu -> %zu bytes, %llu%s tries",
                     el, kind, p->orig_len, p->len, (unsigned long long)p->done, of);
    if (n < 0 || (size_t)n >= len)
        return 0;
    return (size_t)n + (size_t)go_rate_eta(buf + n, len - (size_t)n, p, 1);
}

/* The baseline: Go's line, with the rate and ETA after it (its end is the
 * INITED line); a merge (not on Go's command line) in the same form. */
static size_t go_op_line(char *buf, size_t len, const struct report_op *p)
{
    char el[32];
    int n;
    progress_duration(el, sizeof el, p->run_elapsed_ns);
    if (p->op == REPORT_OP_MINIMIZE || p->op == REPORT_OP_CLEANSE)
        return go_min_line(buf, len, el, p);
    if (p->op == REPORT_OP_BASELINE && (p->flags & PROGRESS_FINAL))
        return 0; /* "now fuzzing with N workers" says it */
    n = snprintf(buf, len, "fuzz: elapsed: %s, %s: %llu/%llu %s", el,
                 p->op == REPORT_OP_MERGE ? "merging" : "gathering baseline coverage",
                 (unsigned long long)p->done, (unsigned long long)p->total,
                 p->op == REPORT_OP_MERGE ? "inputs run" : "completed");
    if (n < 0 || (size_t)n >= len)
        return 0;
    return (size_t)n + (size_t)go_rate_eta(buf + n, len - (size_t)n, p, 0);
}

static int go_progress(FILE *out, struct report_progress *p)
{
    if (p->tick == REPORT_NEW)
        return 0;
    if (p->tick == REPORT_INITED) {
        baseline_line(out, p->elapsed_ns, p->base_done, p->base_total, p->nworkers);
        return 1;
    }
    p->fill(p->ctx, p, REPORT_PART_RUN);
    char stab[48] = "";
    if (p->stability_pm < 1000)
        snprintf(stab, sizeof stab, ", stability: %u.%u%%", p->stability_pm / 10, p->stability_pm % 10);
    char el[32];
    uint64_t dt = p->since_last_ns;
    uint64_t rate = dt ? (p->execs - p->last_execs) * 1000000000ULL / dt : 0;
    if (p->execs < p->last_execs)
        rate = 0;
    progress_duration(el, sizeof el, p->elapsed_ns);
    fprintf(out, "fuzz: elapsed: %s, execs: %llu (%llu/sec), new interesting: %llu (total: %llu)%s\n",
            el, (unsigned long long)p->execs, (unsigned long long)rate,
            (unsigned long long)p->new_interesting, (unsigned long long)p->total, stab);
    fflush(out);
    return 1;
}

/* A typed target's lines (file.c:12: message), indented as go test does. */
static void print_indented(FILE *out, const char *text, size_t len)
{
    size_t i = 0;
    while (text && i < len) {
        const char *nl = memchr(text + i, '\n', len - i);
        size_t n = nl ? (size_t)(nl - (text + i)) : len - i;
        fprintf(out, "    %.*s\n", (int)n, text + i);
        i += n + 1;
    }
}

static void go_finding(FILE *out, const struct report_finding *f)
{
    int written = f->path != NULL;
    fprintf(out, "--- FAIL: %s\n", f->target);
    if (f->kind == FINDING_FAIL) {
        print_indented(out, f->report, f->report_len);
    } else if (f->report && f->report_len) {
        const char *start = finding_report_start(f->report, f->report_len, 10);
        tail(out, start, f->report_len - (size_t)(start - f->report));
    }
    if (f->kind != FINDING_FAIL)
        fprintf(out, "    %s\n", f->reason);
    if (f->corpus_path)
        fprintf(out, "    failure while testing corpus entry %s\n", f->corpus_path);
    else if (written)
        fprintf(out, "    failing input written to %s\n", f->path);
    if (written) { /* the re-run command, as the findings report (-report) names it too */
        char cmd[17200];
        finding_rerun_command(&(struct finding_rerun){
            .argv0 = f->argv0, .path = f->path, .typed_target = f->typed ? f->target : NULL,
            .kind = f->kind, .timeout_ns = f->timeout_ns, .rss_limit_mb = f->rss_limit_mb,
            .malloc_limit_mb = f->malloc_limit_mb}, cmd, sizeof cmd);
        fprintf(out, "    To re-run:\n    %s\n", cmd);
    }
    fprintf(out, "FAIL\n");
}

/* (-print_corpus_stats is libFuzzer's; the line in words, should one ask) */
static void go_corpus_stat(FILE *out, const struct report_corpus_stat *s)
{
    fprintf(out, "fuzz: corpus entry %zu %s: %zu bytes, %llu executions, %llu new inputs from it\n",
            s->index, s->name, s->len, (unsigned long long)s->execs, (unsigned long long)s->finds);
}

static void go_new_pc(FILE *out, const char *desc)
{
    fprintf(out, "fuzz: new code covered: %s\n", desc);
}

static void go_exit_found(FILE *out, const char *what, const char *value)
{
    fprintf(out, "fuzz: found %s %s; stopping\n", what, value);
}

static void go_coverage(FILE *out, const struct report_func *f, const char *uncovered_pc)
{
    if (uncovered_pc)
        fprintf(out, "    not covered: %s\n", uncovered_pc);
    else if (!f)
        fprintf(out, "fuzz: coverage by function:\n");
    else
        fprintf(out, "  %s (%s:%s): %zu of %zu edges, entered by %llu inputs\n", f->name, f->file,
                f->line, f->covered, f->edges, (unsigned long long)f->hits);
}

static void go_final_stats(FILE *out, const struct report_final *f)
{
    (void)out;
    (void)f; /* the last progress line said it all */
}

static void go_replay_quiet(FILE *out, const struct report_replay *r)
{
    (void)out;
    (void)r; /* go test names only what fails */
}

static void go_replay_failed(FILE *out, const struct report_replay *r)
{
    fprintf(out, "--- FAIL: %s\n", r->ctx);
    print_indented(out, r->message, r->message_len);
}

static void go_replay_oom(FILE *out, const struct report_replay *r)
{
    fprintf(out, "==%d== ERROR: ferret: out-of-memory (used: %ldMb; exceeds: %lldMb) while running %s\n",
            r->pid, r->used_mb, r->limit_mb, r->ctx);
    fprintf(out, "SUMMARY: ferret: out-of-memory\n");
}

/* The regression run's watch: an input ran past -timeout.  Killed: nothing
 * else reported it; otherwise the target's stack is above, named. */
static void go_replay_timeout(FILE *out, const struct report_replay *r)
{
    double secs = (double)r->timeout_ns / 1e9;
    if (r->killed) {
        fprintf(out, "==%d== ERROR: ferret: timeout: the target has been running one input for longer "
                     "than -timeout (%.3gs) while running %s, and did not stop; killed\n",
                r->pid, secs, r->ctx);
        fprintf(out, "SUMMARY: ferret: timeout\n");
    } else {
        fprintf(out, "ferret: the failing input is %s (timeout: it ran for more than %.3gs)\n", r->ctx, secs);
    }
}

static void go_replay_target_done(FILE *out, const char *target, size_t failed, size_t ran)
{
    if (failed)
        fprintf(out, "--- FAIL: %s: %zu of %zu inputs failed\n", target, failed, ran);
    else
        fprintf(out, "ok  %s: %zu input%s passed\n", target, ran, ran == 1 ? "" : "s");
}

static void go_replay_done(FILE *out, int failed)
{
    if (failed)
        fprintf(out, "FAIL\n");
}

static void go_runtime_words(struct runtime_words *w, uint64_t timeout_ns)
{
    (void)timeout_ns; /* the runtime's own words are Go's dialect's */
    w->timeout = w->exited = w->oom = w->signal = w->const_input = NULL;
}

void report_go_table(struct reporter *t)
{
    t->name = "go";
    t->start = go_start;
    t->ready = go_ready;
    t->bad_dictionary = go_bad_dictionary;
    t->op_line = go_op_line;
    t->progress = go_progress;
    t->finding = go_finding;
    t->final_stats = go_final_stats;
    t->corpus_stat = go_corpus_stat;
    t->new_pc = go_new_pc;
    t->coverage = go_coverage;
    t->exit_found = go_exit_found;
    t->replay_running = go_replay_quiet;
    t->replay_executed = go_replay_quiet;
    t->replay_failed = go_replay_failed;
    t->replay_oom = go_replay_oom;
    t->replay_timeout = go_replay_timeout;
    t->replay_target_done = go_replay_target_done;
    t->replay_done = go_replay_done;
    t->runtime_words = go_runtime_words;
}
