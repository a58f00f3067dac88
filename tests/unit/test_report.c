/* test_report.c - the one output sink: events are captured with their
 * names, and each dialect words them as its tools expect. */
#include <string.h>

#include "check.h"
#include "progress.h"
#include "report.h"

static uint64_t filled;

static void fill(void *ctx, struct report_progress *p, unsigned parts)
{
    (void)ctx;
    filled |= parts;
    p->execs = 3000;
    p->new_interesting = 4;
    p->total = 9;
    p->stability_pm = 1000;
    if (parts & REPORT_PART_CORPUS) {
        p->edges = 12;
        p->features = 30;
        p->corp_n = 9;
        p->corp_bytes = 200;
        p->lim = 16;
        p->rss_mb = 40;
    }
}

static int has(const char *text, const char *want)
{
    if (!strstr(text, want)) {
        fprintf(stderr, "missing: %s\nin:\n%s\n", want, text);
        return 0;
    }
    return 1;
}

/* The same few events in the current dialect: what did it print? */
static const char *play(void)
{
    report_capture(1);
    filled = 0;
    struct report_start s = {.target = "packet", .nworkers = 2, .seed = 7, .max_len = 4096,
                             .corpus_n = 3, .ncounters = 100, .cachedir = "cache", .fuzzing = 1,
                             .corpus_min = 1, .corpus_max = 9, .corpus_bytes = 12, .rss_mb = 30};
    report_start(&s);
    report_ready(&s);
    report_op_progress(&(struct report_op){.op = REPORT_OP_BASELINE, .total = 3,
                                           .flags = PROGRESS_NOW});
    struct report_progress p = {.tick = REPORT_NEW, .new_len = 5, .fill = fill};
    report_progress(&p);
    p = (struct report_progress){.tick = REPORT_PULSE, .elapsed_ns = 3000000000ULL,
                                 .since_last_ns = 3000000000ULL, .fill = fill};
    report_progress(&p);
    static const uint8_t data[] = {'h', 'i', '!'};
    report_finding(&(struct report_finding){
        .target = "packet", .kind = FINDING_CRASH, .reason = "fuzzing process terminated unexpectedly",
        .report = "==1==ERROR: AddressSanitizer: heap-buffer-overflow\n", .report_len = 51,
        .path = "testdata/fuzz/packet/abc", .data = data, .len = 3, .argv0 = "./packet",
        .artifact_prefix = "out/", .pid = 42});
    report_final_stats(&(struct report_final){.elapsed_ns = 3000000000ULL, .execs = 3000,
                                              .print_final_stats = 1});
    report_warning("the target leaks file descriptors\n");
    return report_captured(NULL);
}

#define S 1000000000ULL

/* One op_progress event at now (seconds after start 100 s), captured. */
static const char *op_at(int op, uint64_t done, uint64_t total, double now_s, unsigned flags)
{
    struct report_op p = {.op = op, .start_ns = 100 * S, .now_ns = 100 * S + (uint64_t)(now_s * 1e9),
                          .run_elapsed_ns = (uint64_t)(now_s * 1e9), .done = done, .total = total,
                          .flags = flags, .kind = FINDING_CRASH, .len = 37, .orig_len = 2004};
    report_op_progress(&p);
    return report_captured(NULL);
}

/* The progress lines of long operations: each dialect's words, the ETA
 * from the rate so far, at most one line every 3 s, drawn in place on a
 * terminal (forced here) and plain lines otherwise. */
static void test_op_progress(void)
{
    report_use_libfuzzer(0);
    report_progress_in_place(0);
    report_capture(1);
    op_at(REPORT_OP_BASELINE, 0, 400, 0, PROGRESS_NOW);
    op_at(REPORT_OP_BASELINE, 100, 400, 2.9, 0);   /* too soon: nothing */
    op_at(REPORT_OP_BASELINE, 120, 400, 3.0, 0);   /* 40/s: 280 left, 7 s */
    op_at(REPORT_OP_BASELINE, 130, 400, 4.0, 0);   /* too soon */
    const char *t = op_at(REPORT_OP_BASELINE, 400, 400, 4.5, PROGRESS_FINAL); /* Go: INITED says it */
    CHECK(!strcmp(t, "fuzz: elapsed: 0s, gathering baseline coverage: 0/400 completed\n"
                     "fuzz: elapsed: 3s, gathering baseline coverage: 120/400 completed (40/s), ETA 7s\n"));
    CHECK(!strchr(t, '\r'));
    report_capture(1);
    op_at(REPORT_OP_MINIMIZE, 30, 500, 3.0, 0);    /* a new operation: 3 s after it began */
    t = op_at(REPORT_OP_MINIMIZE, 40, 0, 6.0, 0);  /* a time budget: no ETA */
    CHECK(!strcmp(t, "fuzz: elapsed: 3s, minimizing the crash: 2004 -> 37 bytes, 30/500 tries (10/s), budget ETA 47s\n"
                     "fuzz: elapsed: 6s, minimizing the crash: 2004 -> 37 bytes, 40 tries (6.7/s)\n"));

    /* In place: \r, the line, clear to the end of the row; the final state
     * ends the line; any other line first ends an open one. */
    report_use_libfuzzer(1);
    report_progress_in_place(1);
    report_capture(1);
    op_at(REPORT_OP_MERGE, 0, 1200, 0, PROGRESS_NOW);
    op_at(REPORT_OP_MERGE, 300, 1200, 3, 0);
    op_at(REPORT_OP_MERGE, 600, 1200, 6, 0);
    report_warning("slow input\n");
    op_at(REPORT_OP_MERGE, 900, 1200, 9, 0);
    t = op_at(REPORT_OP_MERGE, 1200, 1200, 10, PROGRESS_FINAL);
    CHECK(!strcmp(t, "\rINFO: ferret: merge: 300/1200 inputs, 3s, 100/s, ETA 9s\033[K"
                     "\rINFO: ferret: merge: 600/1200 inputs, 6s, 100/s, ETA 6s\033[K\n"
                     "ferret: warning: slow input\n"
                     "\rINFO: ferret: merge: 900/1200 inputs, 9s, 100/s, ETA 3s\033[K"
                     "\rINFO: ferret: merge: 1200/1200 inputs in 10s, 120/s, done\033[K\n"));
    CHECK(has(report_captured_events(), "op_progress merge\nop_progress merge\nwarning\n"));
    /* Go's ready says nothing: the open line stays open; INITED takes its place */
    report_use_libfuzzer(0);
    report_capture(1);
    op_at(REPORT_OP_BASELINE, 0, 12, 0, PROGRESS_NOW);
    report_ready(&(struct report_start){.ncounters = 5});
    t = op_at(REPORT_OP_BASELINE, 6, 12, 3, 0);
    struct report_progress ini = {.tick = REPORT_INITED, .elapsed_ns = 4 * S, .base_done = 12,
                                  .base_total = 12, .nworkers = 2, .fill = fill};
    report_progress(&ini);
    CHECK(!strcmp(report_captured(NULL),
                  "\rfuzz: elapsed: 0s, gathering baseline coverage: 0/12 completed\033[K"
                  "\rfuzz: elapsed: 3s, gathering baseline coverage: 6/12 completed (2.0/s), ETA 3s\033[K"
                  "\r\033[Kfuzz: elapsed: 4s, gathering baseline coverage: 12/12 completed, now fuzzing with 2 workers\n"));
    report_use_libfuzzer(1);
    /* minimizing and cleansing in libFuzzer's words, not in place */
    report_progress_in_place(0);
    report_capture(1);
    op_at(REPORT_OP_MINIMIZE, 30, 500, 3.0, 0);
    op_at(REPORT_OP_MINIMIZE, 31, 500, 4.0, PROGRESS_FINAL);
    op_at(REPORT_OP_CLEANSE, 0, 60, 2.0, PROGRESS_NOW);  /* nothing ran yet: no rate */
    t = op_at(REPORT_OP_CLEANSE, 60, 60, 30.0, PROGRESS_FINAL);
    CHECK(!strcmp(t, "INFO: ferret: minimizing the crash: 2004 -> 37 bytes, 30/500 tries, 3s, 10/s, budget ETA 47s\n"
                     "INFO: ferret: minimized the crash: 2004 -> 37 bytes, 31 tries in 4s, 7.8/s, done\n"
                     "INFO: ferret: cleansing the crash: 0/60 tries, 2s\n"
                     "INFO: ferret: cleansed the crash: 60 tries in 30s, 2.0/s, done\n"));
    report_progress_in_place(1);
    /* libFuzzer's baseline: nothing before an entry ran ("INFO: Loaded" first) */
    report_capture(1);
    t = op_at(REPORT_OP_BASELINE, 0, 12, 0, PROGRESS_NOW);
    CHECK(!strcmp(t, ""));
    /* a resumed merge: the rate and ETA count only what ran now (50 in
     * 3 s of the 116 left: 66 more take 3.96 s) */
    struct report_op rm = {.op = REPORT_OP_MERGE, .start_ns = 7 * S, .now_ns = 10 * S, .done = 234,
                           .total = 300, .done_before = 184};
    report_capture(1);
    report_op_progress(&rm);
    CHECK(!strcmp(report_captured(NULL), "\rINFO: ferret: merge: 234/300 inputs, 3s, 17/s, ETA 3s\033[K"));
    report_capture(1);
    /* ... and over within 3 s, it showed no line: no final one either */
    t = op_at(REPORT_OP_BASELINE, 12, 12, 2, PROGRESS_FINAL);
    CHECK(!strcmp(t, ""));
    report_progress_in_place(-1);
    report_capture(0);
    report_use_libfuzzer(0);
}

int main(void)
{
    /* Go's dialect, the default. */
    const char *go = play();
    CHECK(has(report_captured_events(),
              "start\nready\nop_progress baseline\nprogress NEW\nprogress pulse\nfinding\nfinal_stats\nwarning\n"));
    CHECK(has(go, "fuzz: target packet, 2 workers, seed 7, max_len 4096, corpus 3, cache cache\n"));
    CHECK(has(go, "fuzz: elapsed: 0s, gathering baseline coverage: 0/3 completed\n"));
    CHECK(has(go, "fuzz: elapsed: 3s, execs: 3000 (1000/sec), new interesting: 4 (total: 9)\n"));
    CHECK(has(go, "--- FAIL: packet\n==1==ERROR: AddressSanitizer: heap-buffer-overflow\n"
                  "    fuzzing process terminated unexpectedly\n"
                  "    failing input written to testdata/fuzz/packet/abc\n"
                  "    To re-run:\n    ./packet testdata/fuzz/packet/abc\nFAIL\n"));
    CHECK(has(go, "ferret: warning: the target leaks file descriptors\n"));
    CHECK(!strstr(go, "#")); /* no libFuzzer line, no NEW line */
    CHECK(!strstr(go, "Done"));
    CHECK_EQ_U(filled, REPORT_PART_RUN); /* Go never reads /proc for its lines */

    /* libFuzzer's. */
    report_use_libfuzzer(1);
    const char *lf = play();
    CHECK(has(lf, "INFO: Seed: 7\nINFO: ferret: 2 workers, -max_len 4096, 3 corpus files, new units go to cache\n"
                  "INFO: Loaded 1 modules   (100 inline 8-bit counters)\n"
                  "INFO: -max_len is not provided; libFuzzer will not generate inputs larger than 4096 bytes\n"
                  "INFO: seed corpus: files: 3 min: 1b max: 9b total: 12b rss: 30Mb\n"));
    CHECK(!strstr(lf, "gathering baseline")); /* not before any entry ran */
    CHECK(has(lf, "#3000\tNEW    cov: 12 ft: 30 corp: 9/200b lim: 16 exec/s: 0 rss: 40Mb L: 5/5\n"));
    CHECK(has(lf, "#3000\tpulse  cov: 12 ft: 30 corp: 9/200b lim: 16 exec/s: 1000 rss: 40Mb\n"));
    CHECK(has(lf, "==1==ERROR: AddressSanitizer: heap-buffer-overflow\n"
                  "artifact_prefix='out/'; Test unit written to testdata/fuzz/packet/abc\n"
                  "Base64: aGkh\n"));
    CHECK(!strstr(lf, "--- FAIL"));
    CHECK(has(lf, "Done 3000 runs in 3 second(s)\nstat::number_of_executed_units: 3000\n"));
    CHECK(has(lf, "ferret: warning: the target leaks file descriptors\n"));
    report_capture(1);
    report_ready(&(struct report_start){.ncounters = 5, .max_len = 64, .max_len_given = 1,
                                         .fuzzing = 1, .no_corpus = 1});
    CHECK(!strcmp(report_captured(NULL), "INFO: Loaded 1 modules   (5 inline 8-bit counters)\n"
                                         "INFO: A corpus is not provided, starting from an empty corpus\n"));
    report_capture(1);
    report_ready(&(struct report_start){.ncounters = 5}); /* a merge, minimizing: Loaded only */
    CHECK(!strcmp(report_captured(NULL), "INFO: Loaded 1 modules   (5 inline 8-bit counters)\n"));

    /* Reproduce mode: libFuzzer names each file, Go's dialect only failures. */
    report_capture(1);
    report_replay_running(&(struct report_replay){.ctx = "crash-1"});
    report_replay_executed(&(struct report_replay){.ctx = "crash-1", .elapsed_ns = 7000000});
    report_replay_target_done("packet", 0, 1);
    report_replay_done(0);
    CHECK(!strcmp(report_captured(NULL),
                  "Running: crash-1\nExecuted crash-1 in 7 ms\n***\n*** NOTE: fuzzing was not "
                  "performed, you have only\n***       executed the target code on a fixed set of "
                  "inputs.\n***\n"));
    report_use_libfuzzer(0);
    report_capture(1);
    report_replay_running(&(struct report_replay){.ctx = "crash-1"});
    report_replay_executed(&(struct report_replay){.ctx = "crash-1", .elapsed_ns = 7000000});
    report_replay_failed(&(struct report_replay){.ctx = "FuzzKV/seed#1", .message = "kv.c:3: bad\nkv.c:4: worse",
                                                 .message_len = 25});
    report_replay_target_done("FuzzKV", 1, 2);
    report_replay_done(1);
    CHECK(!strcmp(report_captured(NULL), "--- FAIL: FuzzKV/seed#1\n    kv.c:3: bad\n    kv.c:4: worse\n"
                                         "--- FAIL: FuzzKV: 1 of 2 inputs failed\nFAIL\n"));
    CHECK(!strcmp(report_captured_events(), "replay_running\nreplay_executed\nreplay_failed\n"
                                            "replay_target_done\nreplay_done\n"));
    report_use_libfuzzer(1);

    /* A finding's course and the -keep_going summary: alike in both dialects. */
    for (int lf = 0; lf < 2; lf++) {
        report_use_libfuzzer(lf);
        report_capture(1);
        report_finding_found(FINDING_CRASH, "testdata/fuzz/packet/abc");
        report_finding_found(FINDING_LEAK, NULL);
        report_finding_again(FINDING_CRASH, 3, "crash at f");
        report_findings_summary(1, 3);
        report_findings_summary_line(FINDING_HANG, 3, NULL, "timeout at g");
        CHECK(!strcmp(report_captured(NULL),
                      "fuzz: found a crash, minimizing... (as found: testdata/fuzz/packet/abc)\n"
                      "fuzz: found a leak, minimizing...\n"
                      "fuzz: crash again (3 hits): crash at f\n"
                      "fuzz: 1 distinct finding (3 failures in all):\n"
                      "    timeout hits: 3      (not written)  [timeout at g]\n"));
        CHECK(!strcmp(report_captured_events(), "finding_found\nfinding_found\nfinding_again\n"
                                                "findings_summary\nfindings_summary_line\n"));
    }

    /* A timeout's own line, and back to stderr. */
    report_capture(1);
    report_finding(&(struct report_finding){.kind = FINDING_HANG, .timeout_ns = 5000000000ULL,
                                            .reason = "", .pid = 42});
    CHECK(has(report_captured(NULL), "==42== ERROR: libFuzzer: timeout after 5 seconds\nBase64: \n"));
    report_capture(0);
    CHECK(!strcmp(report_captured(NULL), ""));
    CHECK(!strcmp(report_captured_events(), ""));
    report_use_libfuzzer(0);
    /* The usage text, from the flag table (a bad flag, -help). */
    report_capture(1);
    report_usage("./t", 0);
    const char *u = report_captured(NULL);
    CHECK(has(u, "usage: ./t [flags] [file or directory ...]\n"));
    CHECK(has(u, "\n  -fuzzminimizetime      budget for minimizing each crasher"));
    CHECK(has(u, "(default 60s)\n"));
    CHECK(has(report_captured_events(), "usage\n"));
    report_capture(0);

    test_op_progress();
    return CHECK_DONE("report");
}
