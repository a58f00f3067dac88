/* test_report.c - the one output sink: events are captured with their
 * names, and each dialect words them as its tools expect. */
#include <string.h>

#include "check.h"
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
    report_baseline(&(struct report_baseline){.done = 0, .total = 3}, 1);
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

int main(void)
{
    /* Go's dialect, the default. */
    const char *go = play();
    CHECK(has(report_captured_events(),
              "start\nready\nbaseline\nprogress NEW\nprogress pulse\nfinding\nfinal_stats\nwarning\n"));
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
    CHECK(has(u, "\n  -fuzzminimizetime      budget for minimizing each input"));
    CHECK(has(u, "(default 60s)\n"));
    CHECK(has(report_captured_events(), "usage\n"));
    report_capture(0);

    return CHECK_DONE("report");
}
