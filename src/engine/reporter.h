/*
 * reporter.h - the events ferret reports and the table a dialect implements
 * (issue 13: one output sink).  Two dialects: report_go.c (Go's `go test
 * -fuzz` lines) and report_libfuzzer.c (the lines libFuzzer's tools parse).
 * report.c picks one at start-up and hands each event to it with the stream
 * to write on (stderr, or a test's capture).  An event carries data
 * (numbers, paths, the finding); the dialect decides the words, or says
 * nothing.  A dialect uses no other file of ferret's but finding.c and
 * progress.c, so report.c can own the choice without a cycle.
 *
 * Owns: nothing: an interface.  The struct reporter a dialect fills is
 * report.c's (its table); the event structs are the caller's, on its stack.
 */
#ifndef FERRET_REPORTER_H
#define FERRET_REPORTER_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "finding.h"
#include "runtime.h" /* struct runtime_words */

/* Fuzzing set up: the first line. */
struct report_start {
    const char *target;
    int nworkers;
    uint64_t seed;
    size_t max_len, corpus_n, ncounters;
    const char *cachedir;
    /* for the ready event: */
    int fuzzing;              /* a fuzzing run (not a merge, not minimizing) */
    int max_len_given;        /* -max_len was on the command line */
    int no_corpus;            /* no seed input: ferret starts from the empty input */
    size_t corpus_min, corpus_max, corpus_bytes; /* sizes of the seed inputs */
    uint64_t rss_mb;          /* the coordinator's, at set-up */
};

/* A long operation's progress: the baseline run, a merge's runs,
 * minimizing or cleansing a finding.  The caller fills the first part;
 * report.c lets at most one line through every 3 s (progress.h's limiter:
 * its first line at once with PROGRESS_NOW, its last state always with
 * PROGRESS_FINAL), computes the rest and hands it to the dialect, which
 * words one line (no newline); report.c draws it in place on a terminal. */
enum report_op_kind {
    REPORT_OP_BASELINE = 1,   /* done/total corpus entries run */
    REPORT_OP_MERGE,          /* done/total inputs run (-merge=1) */
    REPORT_OP_MINIMIZE,       /* done tries, of total when a count budget bounds them */
    REPORT_OP_CLEANSE,        /* the same, -cleanse_crash */
};
struct report_op {
    int op;                   /* enum report_op_kind */
    uint64_t start_ns, now_ns; /* when it began, now (clock.h) */
    uint64_t run_elapsed_ns;  /* since the run was set up (Go's "elapsed:") */
    uint64_t done, total;     /* total 0: not known */
    uint64_t done_before;     /* of done, those done before start_ns (a resumed merge's) */
    unsigned flags;           /* PROGRESS_NOW, PROGRESS_FINAL (progress.h) */
    enum finding_kind kind;   /* minimizing: the finding's kind, */
    size_t len, orig_len;     /* its smallest failing size so far and the original size, */
    int time_budget;          /* and a time budget bounds it (not a count): */
    uint64_t budget_left_ns;  /* what is left of it */
    /* set by report.c for the dialect: */
    uint64_t elapsed_ns;      /* now_ns - start_ns */
    int eta_known;            /* progress_eta over the rate since start_ns */
    uint64_t eta_ns;
};

/* What a progress line shows, filled on demand by the caller's fill():
 * a dialect asks only for the parts it prints. */
enum report_part {
    REPORT_PART_RUN = 1,      /* execs, new_interesting, total, stability_pm */
    REPORT_PART_CORPUS = 2,   /* edges, features, corp_n, corp_bytes, lim, rss_mb (reads /proc) */
};
enum report_tick {
    REPORT_INITED,            /* the baseline is done, fuzzing starts */
    REPORT_NEW,               /* a coverage-expanding input was added */
    REPORT_PULSE,             /* the periodic line */
    REPORT_DONE,              /* the fuzzing budget is spent */
};
struct report_progress {
    enum report_tick tick;
    uint64_t elapsed_ns;      /* since fuzzing was set up */
    uint64_t since_last_ns;   /* since the last progress line */
    uint64_t last_execs;      /* execs at the last progress line */
    size_t base_done, base_total;
    int nworkers;             /* 0: nothing is fuzzed after the baseline (-runs=0, -coverage_report) */
    uint64_t new_len;         /* REPORT_NEW: the input's length */
    /* filled by fill(ctx, this, parts) */
    uint64_t execs, new_interesting, total;
    unsigned stability_pm;    /* per mille of covered counters that are stable */
    uint64_t edges, features, corp_n, corp_bytes, lim, rss_mb;
    void (*fill)(void *ctx, struct report_progress *p, unsigned parts);
    void *ctx;
};

/* A finding written (or not: path NULL) at the end of its handling. */
struct report_finding {
    const char *target;
    enum finding_kind kind;
    const char *reason;
    const char *report;       /* the worker's output; a typed target's lines for FINDING_FAIL */
    size_t report_len;
    const char *corpus_path;  /* it failed while testing this corpus entry */
    const char *path;         /* where it is written; NULL if it could not be */
    const uint8_t *data;
    size_t len;
    int typed;                /* a Go-style target: re-run with -run=Target/name */
    const char *argv0;
    uint64_t timeout_ns;
    long long rss_limit_mb, malloc_limit_mb;
    const char *artifact_prefix;
    int pid;
};

/* The end of a fuzzing run. */
struct report_final {
    uint64_t elapsed_ns, execs, new_units, slowest_ns, peak_rss_mb;
    int print_final_stats;
};

/* One corpus entry at the end (libFuzzer's -print_corpus_stats). */
struct report_corpus_stat {
    size_t index;
    const char *name;         /* the SHA-1 of its content */
    size_t len;
    uint64_t execs, finds;    /* its mutated inputs run; inputs with new coverage among them */
};

/* One function at the end (libFuzzer's -print_coverage). */
struct report_func {
    const char *name, *file, *line;
    size_t edges, covered;   /* its counters, and those any input covered */
    uint64_t hits;           /* corpus inputs that enter it */
};

/* The regression run (regress.c), input by input; ctx names the input. */
struct report_replay {
    const char *ctx;
    uint64_t elapsed_ns;      /* replay_executed: the input's runs */
    const char *message;      /* replay_failed: a typed target's lines */
    size_t message_len;
    long used_mb;             /* replay_oom */
    long long limit_mb;
    int pid;
    uint64_t timeout_ns;      /* replay_timeout: -timeout */
    int killed;               /* replay_timeout: the watch killed it (nothing else reported it) */
};

struct reporter {
    const char *name;
    void (*start)(FILE *out, const struct report_start *s);
    /* the first worker is up: the target's LLVMFuzzerInitialize ran and
     * returned (a target dying in it never gets this far) */
    void (*ready)(FILE *out, const struct report_start *s);
    /* -dict=FILE is malformed at bad_line (0: unreadable); err says where and why */
    void (*bad_dictionary)(FILE *out, size_t bad_line, const char *err);
    /* a long operation's progress line into buf (no newline): its length,
     * 0 to say nothing */
    size_t (*op_line)(char *buf, size_t len, const struct report_op *p);
    /* 1 if it printed a line */
    int (*progress)(FILE *out, struct report_progress *p);
    void (*finding)(FILE *out, const struct report_finding *f);
    void (*final_stats)(FILE *out, const struct report_final *f);
    void (*corpus_stat)(FILE *out, const struct report_corpus_stat *s);
    void (*new_pc)(FILE *out, const char *desc); /* -print_pcs: "0x... in func file:line:col" */
    /* -exit_on_item, -exit_on_src_pos: what was found ("item with checksum", its value) */
    void (*exit_found)(FILE *out, const char *what, const char *value);
    /* -print_coverage: the heading, each function, each uncovered PC of a covered one */
    void (*coverage)(FILE *out, const struct report_func *f, const char *uncovered_pc);
    /* the regression run */
    void (*replay_running)(FILE *out, const struct report_replay *r);
    void (*replay_executed)(FILE *out, const struct report_replay *r);
    void (*replay_failed)(FILE *out, const struct report_replay *r);   /* a typed target's check */
    void (*replay_oom)(FILE *out, const struct report_replay *r);      /* over -rss_limit_mb */
    void (*replay_timeout)(FILE *out, const struct report_replay *r);  /* the watch: over -timeout */
    void (*replay_target_done)(FILE *out, const char *target, size_t failed, size_t ran);
    void (*replay_done)(FILE *out, int failed);
    /* The runtime's own reports (timeout, exit(), malloc limit, fatal
     * signal, const input), as templates (runtime.h); NULL keeps ferret's. */
    void (*runtime_words)(struct runtime_words *w, uint64_t timeout_ns);
};

/* Each dialect fills the table in code, not as an initialized table of
 * pointers: a pointer in static data is a dynamic relocation, and enough of
 * them grow the segment before the code by a page, which moves the target's
 * code, the compare table's slots and with them every fixed-seed run
 * (bench/oracle.sh). */
void report_go_table(struct reporter *t);
void report_libfuzzer_table(struct reporter *t);

#endif
