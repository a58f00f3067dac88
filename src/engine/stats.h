/*
 * stats.h - the progress line the coordinator prints every 3 seconds:
 *   fuzz: elapsed: 3s, execs: 123456 (41152/sec), new interesting: 12 (total: 20)
 * Owned by the coordinator.  The rate is over the last interval.
 */
#ifndef FERRET_STATS_H
#define FERRET_STATS_H

#include <stdint.h>
#include <stdio.h>

#define STATS_INTERVAL_NS (3ULL * 1000000000ULL)

struct stats {
    uint64_t start_ns;
    uint64_t last_ns;         /* when the last line was printed */
    uint64_t last_execs;
};

void stats_start(struct stats *s, uint64_t now_ns);
/* 1 if an interval has passed since the last line. */
int stats_due(const struct stats *s, uint64_t now_ns);
/* stability_pm: per mille of covered counters that are stable; a line
 * shows it only below 1000 (Go's exact line otherwise). */
void stats_print_fuzz(struct stats *s, FILE *out, uint64_t now_ns, uint64_t execs,
                      uint64_t new_interesting, uint64_t total, unsigned stability_pm);
void stats_print_baseline(struct stats *s, FILE *out, uint64_t now_ns, size_t done,
                          size_t total, int nworkers);
/* libFuzzer's progress line, for tools that parse it:
 *   #<execs>\t<event> cov: <edges> ft: <features> corp: <n>/<bytes>b lim: <len> exec/s: <r> rss: <mb>Mb */
struct lf_line {
    const char *event;        /* "INITED", "NEW", "pulse", "DONE" */
    uint64_t execs, edges, features, corp_n, corp_bytes, lim, rss_mb;
    uint64_t new_len;         /* NEW: the input's length (L: n/max) */
};
void stats_print_libfuzzer(struct stats *s, FILE *out, uint64_t now_ns, const struct lf_line *l);

/* "3s", "1m2s", "1h2m3s" */
void stats_format_elapsed(char *buf, size_t len, uint64_t ns);

#endif
