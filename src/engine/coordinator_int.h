/*
 * coordinator_int.h - the coordinator's state, shared by the files of the
 * loop layer: coordinator.c (the loop, the queues, coverage), crash.c
 * (findings: recovery, minimization, deduplication, artifacts), merge.c,
 * sync.c, calls.c, words.c, and set up by the driver fuzz.c.
 * Owns: nothing itself; each field of struct coordinator names its writer,
 * and the modules' own state is in their own structs (struct findings,
 * struct sync_state, struct stats).  Everything here lives in the
 * coordinator process; nothing is shared with workers except through shm.h.
 */
#ifndef FERRET_COORDINATOR_INT_H
#define FERRET_COORDINATOR_INT_H

#include <stdint.h>

#include "corpus.h"
#include "dict.h"
#include "engine.h"
#include "finding.h"
#include "minimize.h"
#include "mutator.h"
#include "queue.h"
#include "reporter.h"
#include "schedule.h"
#include "stats.h"
#include "vpgate.h"
#include "statsfile.h"
#include "supervise.h"

#define FUZZ_CALL_MS 100           /* time mode: a FUZZ call's CPU time at most (clock.h) */
#define FUZZ_CALL_EXECS 4096       /* a FUZZ call's executions at most, in both modes */
#define TICK_MS 50
#define STARTUP_TIMEOUT_NS (60ULL * 1000000000ULL)
#define SHUTDOWN_GRACE_NS (2ULL * 1000000000ULL)
#define SEC_NS 1000000000ULL
#define HANG_TRACE_NS (SEC_NS / 2) /* how long a hung worker gets to print its stack */
#define CRASH_REPORT_NS (60 * SEC_NS) /* ... and a dying one to finish its crash report */
/* The automatic -timeout: AUTO_TIMEOUT_FACTOR times the slowest execution
 * seen (the baseline's, then each new input's), within these bounds. */
#define AUTO_TIMEOUT_FACTOR 20
#define AUTO_TIMEOUT_MIN_NS (5 * SEC_NS)
#define AUTO_TIMEOUT_MAX_NS (10 * SEC_NS)

enum phase { PH_BASELINE, PH_FUZZ, PH_CRASH, PH_DONE };

/* A corpus entry with new coverage, accepted as found and waiting to be
 * minimized; the smaller input that keeps its new edges replaces it. */
struct cand {
    struct entry *entry;       /* the entry as found (stays in memory) */
    uint32_t *keep_at;         /* the edges it brought, sparse: counter indexes */
    uint8_t *keep_bits;        /* ... and their new bucket bits */
    size_t nkeep;
    int lost;                  /* minimizations lost to a worker that went away */
};

/* A failure: a crash, a hang, an out-of-memory or a leak. */
struct finding {
    enum finding_kind kind;
    uint8_t *data;
    size_t len;
    char reason[256];
    char *report;              /* worker output tail at the failure */
    size_t report_len;
    char sig[FINDING_SIG_MAX]; /* stack signature, for -keep_going */
    const char *corpus_path;   /* set when a corpus entry itself failed */
    uint64_t hits;             /* failures with this signature (-keep_going) */
    int64_t first_seen;        /* Unix time (s) it was recorded: the findings report (-report) */
    char *path;                /* the artifact, once written */
    char *found_path;          /* Go mode: the input as found, written the moment it is
                                  known; removed once the minimized form is written */
    uint32_t mode;             /* RPC_MIN_CRASH / RPC_MIN_LEAK; 0 = not minimized */
    int minimizing;            /* a MINIMIZE call is out */
    int min_done;
    struct min_cursor cursor;
    uint64_t min_tries;        /* tries used so far (Nx budgets) */
    uint64_t min_deadline_ns;  /* time budgets */
    uint64_t min_start_ns;     /* its minimization began (its progress line's clock) */
    size_t orig_len;           /* its length as found */
    int lost;                  /* minimization calls lost to a worker that went away */
};

/* The findings lifecycle's state: written by crash.c only; the coordinator
 * reads it and acts on what crash.c's functions return (enum crash_outcome). */
struct findings {
    struct finding **v;        /* distinct findings, in the order found */
    size_t n;
    struct queue q;            /* findings waiting for minimization */
    struct finding *fmin;      /* the finding being minimized, if any */
    uint64_t oom_kills;        /* the cgroup's oom_kill count at the last look */
    int exit;                  /* exit code of the first finding written (0: none): it wins
                                  over an error that came after it (printed as a note) */
    int write_failed;          /* a finding could not be written (printed in hex) */
};

/* -sync_dir's and libFuzzer's -reload's state: written by sync.c only, but for the coordinator
 * popping q to run an entry (and pushing it back if the run was lost). */
struct sync_state {
    struct corpus seen;        /* entries listed there (not all kept), and names skipped */
    struct queue q;            /* ... waiting to be run here */
    uint64_t last_ns;          /* the last listing */
    uint64_t reload_ns;        /* the last listing of the corpus directory (-reload) */
    int exported;              /* the seeds and cache were published */
    int warned;                /* an error of the directory was reported */
};

/* The stats file's and the status screen's state: written by sample.c only. */
struct sample_state {
    struct statsfile sf;       /* -stats_file (fd -1 without); opened by the driver's set-up */
    uint64_t sf_next_ns;       /* when the next stats line is due */
    int screen;                /* the live status screen is on (report_screen.h) */
    uint64_t seed;             /* the run's, for the screen */
    uint64_t screen_next_ns;   /* when it is next redrawn */
    uint64_t prev_ns, prev_execs; /* at the last redraw: for exec/s now */
    uint64_t *prev_worker;     /* ... and each worker's executions (nw of them) */
    uint64_t last_new_ns;      /* the last input with new coverage (0: none yet) */
};

/* What a finding means for the run; only the coordinator changes its phase. */
enum crash_outcome {
    CRASH_GO_ON = 0,           /* nothing changes (-keep_going, a hit, ignored) */
    CRASH_STOP_FUZZING,        /* a finding without -keep_going: no more fuzz calls */
    CRASH_ALL_DONE,            /* the finding is written and reported: the run ends */
};

/* Who writes each field:
 *   [F] the driver's set-up (fuzz.c), then only read;
 *   [L] the loop (coordinator.c), the only writer of the phase;
 *   [K] calls.c, for the loop and crash.c (handing out work, crediting it);
 *   [W] words.c (loading and saving), and the loop (learning a word);
 *   [M] merge.c too (the features of inputs it has decided on);
 *   [Y] sync.c too (entries imported from -sync_dir join the corpus);
 *   the findings (fd), sync (sync) and stats (stats) are their modules'
 *   own structs, written only by crash.c, sync.c and stats.c (through the
 *   loop's calls).  All of it lives in the coordinator process. */
struct coordinator {
    const struct options *o;   /* [F] the command line */
    const char *target;        /* [F] the fuzz target's name */
    const char *argv0;         /* [F] for re-run commands */
    char *cachedir;            /* [F] where new inputs go (Go's cache, or the corpus dir) */
    char *testdata;            /* [F] testdata/fuzz/<target>: seeds and findings (Go mode) */
    struct supervisor sup;     /* [F] how workers are started */
    struct worker *w;          /* [F] the pool (nw slots); each slot's fields say who
                                  writes them (supervise.h: [S] supervise.c, [C] here) */
    int nw;                    /* [F] */
    uint8_t *mask;             /* [F] made, [L] grown: the global coverage mask, read-only to workers */
    size_t ncounters;          /* [F] coverage counters in the binary */
    size_t nedges;             /* [F] counters 0..nedges-1 are edges; the feature maps (featmap.c) follow */
    size_t vp_at, vp_len;      /* [F] the value-profile map's bytes in a coverage vector */
    int vp_gated;              /* [F] value profile on by default (-use_value_profile not
                                  given): its novelty alone keeps an input only while
                                  the gate is open (vpgate.h) */
    size_t max_len;            /* [F] longest input */
    struct corpus corpus;      /* [F] loads it, [L][Y] add to it */
    struct queue inputq, minq;  /* [L] inputq: new entries, fuzzed first; minq: to minimize */
    struct queue writeq;        /* [L] new entries whose cache file is not written yet */
    struct schedule sched;      /* [L] entry weights; index = corpus index */
    uint32_t **base_features;   /* [L][M] baseline: features per corpus entry until added */
    size_t *base_nfeatures;     /* [L][M] */
    rng_t rng;                 /* [L] seeds of calls, picks of entries (seeded by [F]) */
    enum phase phase;          /* [L] only: from what crash.c and merge.c return */
    int sigfd;                 /* [F] SIGINT/SIGTERM/SIGCHLD */
    int stop_requested;        /* [L] Ctrl-C / SIGTERM / budget spent */
    int exit_code;             /* [L] the loop's own (errors); crash_exit_code() combines it
                                  with the findings' */
    uint64_t timeout_ns;       /* [F] -timeout, [L] calibrated when automatic */
    /* baseline */
    size_t base_next, base_done; /* [L] ([M] counts inputs it decided on) */
    struct queue base_retry;   /* [L] entries whose RUN was lost to a killed worker */
    uint64_t slowest_ns;       /* [L] the slowest execution seen (automatic timeout) */
    /* fuzzing */
    uint64_t execs, assigned;  /* [K] executions done / handed out (budgets) */
    uint64_t execs_since_new;  /* [L] for growing len_limit */
    struct vp_gate vp_gate;    /* [L] finds outside value profile (vpgate.h) */
    size_t len_limit;          /* [L] longest input the mutator makes now (len_control) */
    struct dict words;         /* [W] -dict words, then automatic ones: what workers get */
    struct dict autodict;      /* [W] operands that led to new coverage */
    uint32_t words_version;    /* [W] bumped when words changes (workers' copies go stale) */
    int words_saved;           /* [W] the automatic dictionary was written and shown */
    uint64_t new_interesting;  /* [L] inputs with new coverage found this run */
    size_t nretired;           /* [L] entries replaced by their minimized form */
    size_t first_found;        /* [L] entries from here on were found by this run:
                                  only those may be reduced (reduce.h) */
    uint64_t nreduced;         /* [L] entries replaced by a shorter mutant */
    struct sched_spend spend;  /* [K] what fuzzing and minimizing cost */
    uint64_t fuzz_deadline_ns; /* [L] -fuzztime as a duration: when fuzzing ends */
    uint64_t stop_file_ns;     /* [L] when -stop_file was last looked at */
    int features_warned;       /* [L] a -features_dir write failed (said once) */
    int (*describe_counter)(size_t index, char *buf, size_t len); /* [F] -print_pcs: the runtime's
                                  sancov_describe_counter (the loop links without the runtime) */
    int (*counter_src)(size_t index, char *buf, size_t len); /* [F] -exit_on_src_pos: sancov_counter_src */
    struct stats stats;        /* stats.c's: rates and when a progress line is due */
    struct findings fd;        /* crash.c's: the findings lifecycle */
    uint32_t diag_seen;        /* [L] enum rpc_diag kinds already warned about */
    uint64_t peak_rss_mb;      /* [L] libFuzzer mode: for stat::peak_rss_mb */
    struct entry *minimize_only; /* [F] -minimize_crash: the input to minimize */
    const char *minimize_path; /* [F] ... and its file */
    int cleansing;             /* [F] -cleanse_crash: minimize_only is cleansed, not shrunk */
    int merging;               /* [F] -merge: the baseline run is the whole job (merge.c) */
    struct sync_state sync;    /* sync.c's: -sync_dir (the loop pops sync.q) */
    struct sample_state smp;   /* sample.c's: the stats file and the status screen */
    size_t merge_nout;         /* [F] corpus entries 0..merge_nout-1 came from OUT */
    uint8_t *scratch;          /* [F] max_len bytes: rebuilding inputs ([L], crash.c use it) */
    uint8_t *diff;             /* [F] ncounters bytes of scratch for the loop */
    uint8_t *unstable;         /* [L] ncounters bytes: 1 = flaky counter */
    size_t nunstable;          /* [L] */
    struct report_start start_info; /* [F] said at set-up, and [L] when the first worker is up */
    int ready_said;            /* [L] report_ready() was called */
};



/* coordinator.c: the poll loop, until the phase is DONE and every worker
 * is down; coordinator_stop_now ends a set-up that failed half way. */
void coordinator_loop(struct coordinator *c);
void coordinator_stop_now(struct coordinator *c);
/* A progress event: the reporter's line for it, if any (stats.h). */
void progress(struct coordinator *c, enum report_tick tick, uint64_t new_len);

/* merge.c */
int merge_prepare(struct coordinator *c);
void merge_on_result(struct coordinator *c, struct entry *e, const char *failure);
int merge_finish(struct coordinator *c, size_t nout);

/* sync.c */
void sync_init(struct coordinator *c);
void sync_export(struct coordinator *c, const struct entry *e);
int sync_claim_finding(struct coordinator *c, const char *sig);
void sync_tick(struct coordinator *c, uint64_t now);

/* crash.c */
/* A busy worker died or was killed by us; kernel_oom: killed by SIGKILL
 * from outside while the kernel's OOM killer was at work. */
enum crash_outcome crash_on_death(struct coordinator *c, struct worker *w, int status,
                                  int kernel_oom);
/* 1 if the kernel's OOM killer killed something since the last look. */
int crash_kernel_oom(struct coordinator *c);
/* -merge: the input w ran (w->job.base) crashed, hung, ran out of memory
 * or leaked: it is written as libFuzzer's merge leaves it,
 * <artifact_prefix>{crash,timeout,oom,leak}-<sha1> (or
 * -exact_artifact_path), with its report, for corpus pruning to quarantine;
 * not a finding (the merge exits 0 unless the file cannot be written). */
void crash_merge_artifact(struct coordinator *c, struct worker *w, enum finding_kind kind,
                          const char *reason);
/* A living worker reported a leak or a typed target's failure. */
enum crash_outcome crash_on_report(struct coordinator *c, struct worker *w);
/* minimize_cursor_skip, or the typed minimizer's for a typed target. */
void crash_cursor_skip(struct min_cursor *cur, size_t len);
void crash_on_minimize_done(struct coordinator *c, struct worker *w);
int crash_dispatch(struct coordinator *c, struct worker *w);
void crash_requeue(struct coordinator *c, struct worker *w);
void crash_tick(struct coordinator *c, uint64_t now);
enum crash_outcome crash_advance(struct coordinator *c);
void crash_finish_all(struct coordinator *c);
/* The run's exit code, given the coordinator's own (c->exit_code): a
 * finding written wins over a later error, a finding not written
 * (FERRET_EXIT_WRITE) over everything. */
int crash_exit_code(const struct coordinator *c);
/* -report=DIR: the findings report of the run (findings_report.h), after
 * crash_finish_all; a report that cannot be written is named, and makes the
 * exit code 4 unless a finding was written. */
void crash_write_report(struct coordinator *c);
void crash_oom_baseline(struct coordinator *c);

#endif
