/*
 * report_libfuzzer.c - the libFuzzer dialect (reporter.h): the lines tools
 * written for libFuzzer parse (ClusterFuzz, OSS-Fuzz):
 *   INFO: Seed: N
 *   #<execs>\t<event> cov: <edges> ft: <features> corp: <n>/<bytes>b lim: <len> exec/s: <r> rss: <mb>Mb
 *   ==PID== ERROR: libFuzzer: timeout after N seconds
 *   artifact_prefix='P'; Test unit written to F
 *   Base64: ...
 *   Done N runs in S second(s), stat::...
 *
 * Owns: timeout, a static in lf_runtime_words: the text of libFuzzer's
 * timeout report with -timeout's seconds written in, which the runtime
 * keeps a pointer to (runtime_set_words, memory.c) in a worker or the
 * regression run.  Otherwise it fills the struct reporter it is handed
 * (report.c's table) and writes on the stream it is handed.
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

static void lf_start(FILE *out, const struct report_start *s)
{
    fprintf(out, "INFO: Seed: %llu\n", (unsigned long long)s->seed);
    if (s->cachedir)
        fprintf(out, "INFO: ferret: %d workers, -max_len %zu, %zu corpus files, new units go to %s\n",
                s->nworkers, s->max_len, s->corpus_n, s->cachedir);
    else
        fprintf(out, "INFO: ferret: %d workers, -max_len %zu, %zu corpus files, new units kept in memory\n",
                s->nworkers, s->max_len, s->corpus_n);
    fflush(out);
}

/* libFuzzer prints these once LLVMFuzzerInitialize has returned, so
 * ClusterFuzz takes a log without "Loaded" for a start-up crash; then,
 * fuzzing, the -max_len it chose and the seed corpus it is about to run. */
static void lf_ready(FILE *out, const struct report_start *s)
{
    fprintf(out, "INFO: Loaded 1 modules   (%zu inline 8-bit counters)\n", s->ncounters);
    if (s->fuzzing && !s->max_len_given)
        fprintf(out, "INFO: -max_len is not provided; libFuzzer will not generate inputs larger "
                "than %zu bytes\n", s->max_len);
    if (s->fuzzing && s->no_corpus)
        fprintf(out, "INFO: A corpus is not provided, starting from an empty corpus\n");
    else if (s->fuzzing)
        fprintf(out, "INFO: seed corpus: files: %zu min: %zub max: %zub total: %zub rss: %lluMb\n",
                s->corpus_n, s->corpus_min, s->corpus_max, s->corpus_bytes,
                (unsigned long long)s->rss_mb);
    fflush(out);
}

/* libFuzzer's line (ClusterFuzz greps "ParseDictionaryFile: error in line
 * N"), then ferret's, which says what is wrong. */
static void lf_bad_dictionary(FILE *out, size_t bad_line, const char *err)
{
    if (bad_line)
        fprintf(out, "ParseDictionaryFile: error in line %zu\n", bad_line);
    fprintf(out, "ferret: bad dictionary: %s\n", err);
}

/* A long operation's progress.  libFuzzer has no such line; ferret's are
 * INFO: lines, libFuzzer's form for what a person reads and tools skip
 * (ClusterFuzz's parsers key on "#N ... cov:", "INITED", "Done N runs",
 * "MERGE-OUTER: N new files with", "INFO: seed corpus: files:" and
 * "INFO: Loaded", none of which these match):
 *   INFO: ferret: running the corpus: 5/12 inputs, 3s, 1.7/s, ETA 4s
 *   INFO: ferret: merge: 300/1204 inputs, 3s, 97/s, ETA 9s
 *   INFO: ferret: minimizing the crash: 2004 -> 37 bytes, 120/500 tries, 3s, 40/s, budget ETA 9s
 * Nothing before an entry ran: "INFO: Loaded" comes first, as libFuzzer
 * has it. */
static int lf_tail(char *buf, size_t len, const struct report_op *p, int minimizing)
{
    char el[32], rate[32], t[32];
    progress_duration(el, sizeof el, p->elapsed_ns);
    progress_rate(rate, sizeof rate, p->done - p->done_before, p->elapsed_ns);
    if (p->flags & PROGRESS_FINAL)
        return snprintf(buf, len, " in %s, %s, done", el, rate);
    if (minimizing && p->time_budget) {
        progress_duration(t, sizeof t, p->budget_left_ns);
        return snprintf(buf, len, ", %s, %s, %s of the time budget left", el, rate, t);
    }
    if (p->done == p->done_before) /* nothing ran yet: no rate */
        return snprintf(buf, len, ", %s", el);
    if (!p->eta_known)
        return snprintf(buf, len, ", %s, %s", el, rate);
    progress_duration(t, sizeof t, p->eta_ns);
    return snprintf(buf, len, ", %s, %s, %sETA %s", el, rate, minimizing ? "budget " : "", t);
}

static size_t lf_op_line(char *buf, size_t len, const struct report_op *p)
{
    int minimizing = p->op == REPORT_OP_MINIMIZE || p->op == REPORT_OP_CLEANSE, n;
    if (!minimizing && p->done == p->done_before && !(p->flags & PROGRESS_FINAL))
        return 0; /* before any entry ran: "INFO: Loaded" comes first */
    int final = (p->flags & PROGRESS_FINAL) != 0;
    char of[32] = "";
    if (p->total && !(minimizing && final)) /* a budget's total: not at the end */
        snprintf(of, sizeof of, "/%llu", (unsigned long long)p->total);
    if (p->op == REPORT_OP_MINIMIZE)
        n = snprintf(buf, len, "INFO: ferret: %s the %s: %zu -> %zu bytes, %llu%s tries",
                     final ? "minimized" : "minimizing", finding_kind_name(p->kind), p->orig_len,
                     p->len, (unsigned long long)p->done, of);
    else if (p->op == REPORT_OP_CLEANSE)
        n = snprintf(buf, len, "INFO: ferret: %s the %s: %llu%s tries", final ? "cleansed" : "cleansing",
                     finding_kind_name(p->kind), (unsigned long long)p->done, of);
    else
        n = snprintf(buf, len, "INFO: ferret: %s: %llu%s inputs",
                     p->op == REPORT_OP_MERGE ? "merge" : "running the corpus",
                     (unsigned long long)p->done, of);
    if (n < 0 || (size_t)n >= len)
        return 0;
    return (size_t)n + (size_t)lf_tail(buf + n, len - (size_t)n, p, minimizing);
}

static int lf_progress(FILE *out, struct report_progress *p)
{
    static const char event[][8] = { /* characters, not pointers: no relocation */
        [REPORT_INITED] = "INITED", [REPORT_NEW] = "NEW", [REPORT_PULSE] = "pulse",
        [REPORT_DONE] = "DONE"};
    p->fill(p->ctx, p, REPORT_PART_RUN | REPORT_PART_CORPUS);
    uint64_t secs = p->elapsed_ns / 1000000000ULL;
    uint64_t rate = secs ? p->execs / secs : 0;
    fprintf(out, "#%llu\t%-6s cov: %llu ft: %llu corp: %llu/%llub lim: %llu exec/s: %llu rss: %lluMb",
            (unsigned long long)p->execs, event[p->tick], (unsigned long long)p->edges,
            (unsigned long long)p->features, (unsigned long long)p->corp_n,
            (unsigned long long)p->corp_bytes, (unsigned long long)p->lim,
            (unsigned long long)rate, (unsigned long long)p->rss_mb);
    if (p->tick == REPORT_NEW && p->new_len)
        fprintf(out, " L: %llu/%llu", (unsigned long long)p->new_len, (unsigned long long)p->new_len);
    fprintf(out, "\n");
    fflush(out);
    return 1;
}

static void base64(FILE *out, const uint8_t *d, size_t n)
{
    static const char tab[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    fprintf(out, "Base64: ");
    for (size_t i = 0; i < n; i += 3) {
        uint32_t v = (uint32_t)d[i] << 16 | (i + 1 < n ? (uint32_t)d[i + 1] << 8 : 0) |
                     (i + 2 < n ? d[i + 2] : 0);
        fputc(tab[v >> 18 & 63], out);
        fputc(tab[v >> 12 & 63], out);
        fputc(i + 1 < n ? tab[v >> 6 & 63] : '=', out);
        fputc(i + 2 < n ? tab[v & 63] : '=', out);
    }
    fputc('\n', out);
}

/* libFuzzer's way: its error line, the report, "Test unit written to". */
static void lf_finding(FILE *out, const struct report_finding *f)
{
    if (f->kind == FINDING_HANG)
        fprintf(out, "==%d== ERROR: libFuzzer: timeout after %llu seconds\n", f->pid,
                (unsigned long long)(f->timeout_ns / 1000000000ULL));
    else if (f->kind == FINDING_OOM)
        fprintf(out, "==%d== ERROR: libFuzzer: out-of-memory (%s)\n", f->pid, f->reason);
    if (f->report && f->report_len) {
        const char *start = finding_report_start(f->report, f->report_len, 10);
        tail(out, start, f->report_len - (size_t)(start - f->report));
    }
    if (f->path)
        fprintf(out, "artifact_prefix='%s'; Test unit written to %s\n",
                f->artifact_prefix ? f->artifact_prefix : "./", f->path);
    base64(out, f->data, f->len);
}

/* "Done N runs" and, with -print_final_stats=1, the stat:: lines
 * ClusterFuzz reads. */
static void lf_final_stats(FILE *out, const struct report_final *f)
{
    uint64_t secs = f->elapsed_ns / 1000000000ULL;
    fprintf(out, "Done %llu runs in %llu second(s)\n", (unsigned long long)f->execs,
            (unsigned long long)secs);
    if (!f->print_final_stats)
        return;
    fprintf(out, "stat::number_of_executed_units: %llu\n", (unsigned long long)f->execs);
    fprintf(out, "stat::average_exec_per_sec:     %llu\n",
            (unsigned long long)(secs ? f->execs / secs : f->execs));
    fprintf(out, "stat::new_units_added:          %llu\n", (unsigned long long)f->new_units);
    fprintf(out, "stat::slowest_unit_time_sec:    %llu\n",
            (unsigned long long)(f->slowest_ns / 1000000000ULL));
    fprintf(out, "stat::peak_rss_mb:              %llu\n", (unsigned long long)f->peak_rss_mb);
}

/* -print_corpus_stats: libFuzzer's line per corpus input (ferret has no
 * focus function: always 0). */
static void lf_corpus_stat(FILE *out, const struct report_corpus_stat *s)
{
    fprintf(out, "  [%3zu %s] sz: %5zu runs: %5llu succ: %5llu focus: 0\n", s->index, s->name,
            s->len, (unsigned long long)s->execs, (unsigned long long)s->finds);
}

/* -print_pcs: a counter covered for the first time. */
static void lf_new_pc(FILE *out, const char *desc)
{
    fprintf(out, "\tNEW_PC: %s\n", desc);
}

static void lf_exit_found(FILE *out, const char *what, const char *value)
{
    fprintf(out, "INFO: found %s '%s', exiting.\n", what, value);
}

/* -print_coverage: libFuzzer's COVERAGE: block. */
static void lf_coverage(FILE *out, const struct report_func *f, const char *uncovered_pc)
{
    if (uncovered_pc)
        fprintf(out, "  UNCOVERED_PC: %s\n", uncovered_pc);
    else if (!f)
        fprintf(out, "COVERAGE:\n");
    else
        fprintf(out, "%sCOVERED_FUNC: hits: %llu edges: %zu/%zu %s %s:%s\n", f->covered ? "" : "UN",
                (unsigned long long)f->hits, f->covered, f->edges, f->name, f->file, f->line);
}

/* Reproduce mode: libFuzzer's "Running:" and "Executed" per file. */
static void lf_replay_running(FILE *out, const struct report_replay *r)
{
    fprintf(out, "Running: %s\n", r->ctx);
}

static void lf_replay_executed(FILE *out, const struct report_replay *r)
{
    fprintf(out, "Executed %s in %llu ms\n", r->ctx, (unsigned long long)(r->elapsed_ns / 1000000));
}

/* A typed target's failed check, as in Go's dialect (libFuzzer has none). */
static void lf_replay_failed(FILE *out, const struct report_replay *r)
{
    fprintf(out, "--- FAIL: %s\n", r->ctx);
    for (const char *p = r->message; p && p < r->message + r->message_len;) {
        const char *nl = memchr(p, '\n', (size_t)(r->message + r->message_len - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(r->message + r->message_len - p);
        fprintf(out, "    %.*s\n", (int)n, p);
        p += n + 1;
    }
}

static void lf_replay_oom(FILE *out, const struct report_replay *r)
{
    fprintf(out, "==%d== ERROR: libFuzzer: out-of-memory (used: %ldMb; exceeds: %lldMb)\n", r->pid,
            r->used_mb, r->limit_mb);
    fprintf(out, "   To change the out-of-memory limit use -rss_limit_mb=<N>\n\n");
    fprintf(out, "ferret: the failing input is %s\n", r->ctx);
    fprintf(out, "SUMMARY: libFuzzer: out-of-memory\n");
}

/* The regression run's watch: an input ran past -timeout.  Unless the
 * watch killed it, the runtime has reported it already, in libFuzzer's
 * words (lf_runtime_words). */
static void lf_replay_timeout(FILE *out, const struct report_replay *r)
{
    if (!r->killed)
        return;
    fprintf(out, "==%d== ERROR: libFuzzer: timeout after %llu seconds\n", r->pid,
            (unsigned long long)(r->timeout_ns / 1000000000ULL));
    fprintf(out, "ferret: the failing input is %s\n", r->ctx);
    fprintf(out, "SUMMARY: libFuzzer: timeout\n");
}

static void lf_replay_target_done(FILE *out, const char *target, size_t failed, size_t ran)
{
    (void)out; /* libFuzzer's reproduce mode prints its NOTE instead */
    (void)target;
    (void)failed;
    (void)ran;
}

static void lf_replay_done(FILE *out, int failed)
{
    fprintf(out, "***\n*** NOTE: fuzzing was not performed, you have only\n"
                 "***       executed the target code on a fixed set of inputs.\n***\n");
    if (failed)
        fprintf(out, "FAIL\n");
}

/* The runtime's reports as libFuzzer words them: the lines ClusterFuzz's
 * stack parser keys on ("ERROR: libFuzzer: timeout", "fuzz target
 * exited", "out-of-memory (malloc(", "deadly signal", "fuzz target
 * overwrites its const input"), each with the stack, as libFuzzer prints
 * them (its AlarmCallback, ExitCallback, HandleMalloc, CrashCallback). */
static void lf_runtime_words(struct runtime_words *w, uint64_t timeout_ns)
{
    static char timeout[400];
    unsigned long long secs = (unsigned long long)(timeout_ns / 1000000000ULL);
    snprintf(timeout, sizeof timeout,
             "ALARM: working on the last Unit for %llu seconds\n"
             "       and the timeout value is %llu (use -timeout=N to change)\n"
             "==%%p== ERROR: libFuzzer: timeout after %llu seconds\n%%sSUMMARY: libFuzzer: timeout\n",
             secs, secs, secs);
    w->timeout = timeout;
    w->exited = "==%p== ERROR: libFuzzer: fuzz target exited\n%sSUMMARY: libFuzzer: fuzz target exited\n";
    w->oom = "==%p== ERROR: libFuzzer: out-of-memory (malloc(%z))\n"
             "   To change the out-of-memory limit use -rss_limit_mb=<N>\n\n"
             "%sSUMMARY: libFuzzer: out-of-memory\n";
    w->signal = "==%p== ERROR: libFuzzer: deadly signal\n%sSUMMARY: libFuzzer: deadly signal\n";
    w->const_input = "==%p== ERROR: libFuzzer: fuzz target overwrites its const input\n%s"
                     "SUMMARY: libFuzzer: fuzz target overwrites its const input\n";
}

void report_libfuzzer_table(struct reporter *t)
{
    t->name = "libfuzzer";
    t->start = lf_start;
    t->ready = lf_ready;
    t->bad_dictionary = lf_bad_dictionary;
    t->op_line = lf_op_line;
    t->progress = lf_progress;
    t->finding = lf_finding;
    t->final_stats = lf_final_stats;
    t->corpus_stat = lf_corpus_stat;
    t->new_pc = lf_new_pc;
    t->coverage = lf_coverage;
    t->exit_found = lf_exit_found;
    t->replay_running = lf_replay_running;
    t->replay_executed = lf_replay_executed;
    t->replay_failed = lf_replay_failed;
    t->replay_oom = lf_replay_oom;
    t->replay_timeout = lf_replay_timeout;
    t->replay_target_done = lf_replay_target_done;
    t->replay_done = lf_replay_done;
    t->runtime_words = lf_runtime_words;
}
