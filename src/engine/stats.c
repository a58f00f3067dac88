/*
 * stats.c - formatting the coordinator's progress lines (see stats.h).
 */
#include "stats.h"

void stats_start(struct stats *s, uint64_t now_ns)
{
    s->start_ns = now_ns;
    s->last_ns = now_ns;
    s->last_execs = 0;
}

int stats_due(const struct stats *s, uint64_t now_ns)
{
    return now_ns - s->last_ns >= STATS_INTERVAL_NS;
}

void stats_format_elapsed(char *buf, size_t len, uint64_t ns)
{
    uint64_t sec = ns / 1000000000ULL;
    if (sec >= 3600)
        snprintf(buf, len, "%lluh%llum%llus", (unsigned long long)(sec / 3600),
                 (unsigned long long)(sec / 60 % 60), (unsigned long long)(sec % 60));
    else if (sec >= 60)
        snprintf(buf, len, "%llum%llus", (unsigned long long)(sec / 60),
                 (unsigned long long)(sec % 60));
    else
        snprintf(buf, len, "%llus", (unsigned long long)sec);
}

void stats_print_fuzz(struct stats *s, FILE *out, uint64_t now_ns, uint64_t execs,
                      uint64_t new_interesting, uint64_t total, unsigned stability_pm)
{
    char stab[48] = "";
    if (stability_pm < 1000)
        snprintf(stab, sizeof stab, ", stability: %u.%u%%", stability_pm / 10, stability_pm % 10);
    char el[32];
    uint64_t dt = now_ns - s->last_ns;
    uint64_t rate = dt ? (execs - s->last_execs) * 1000000000ULL / dt : 0;
    if (execs < s->last_execs)
        rate = 0;
    stats_format_elapsed(el, sizeof el, now_ns - s->start_ns);
    fprintf(out, "fuzz: elapsed: %s, execs: %llu (%llu/sec), new interesting: %llu (total: %llu)%s\n",
            el, (unsigned long long)execs, (unsigned long long)rate,
            (unsigned long long)new_interesting, (unsigned long long)total, stab);
    fflush(out);
    s->last_ns = now_ns;
    s->last_execs = execs;
}

void stats_print_baseline(struct stats *s, FILE *out, uint64_t now_ns, size_t done,
                          size_t total, int nworkers)
{
    char el[32];
    stats_format_elapsed(el, sizeof el, now_ns - s->start_ns);
    if (done == total && nworkers > 0)
        fprintf(out, "fuzz: elapsed: %s, gathering baseline coverage: %zu/%zu completed, now fuzzing with %d workers\n",
                el, done, total, nworkers);
    else
        fprintf(out, "fuzz: elapsed: %s, gathering baseline coverage: %zu/%zu completed\n",
                el, done, total);
    fflush(out);
    s->last_ns = now_ns;
}

void stats_print_libfuzzer(struct stats *s, FILE *out, uint64_t now_ns, const struct lf_line *l)
{
    uint64_t secs = (now_ns - s->start_ns) / 1000000000ULL;
    uint64_t rate = secs ? l->execs / secs : 0;
    fprintf(out, "#%llu\t%-6s cov: %llu ft: %llu corp: %llu/%llub lim: %llu exec/s: %llu rss: %lluMb",
            (unsigned long long)l->execs, l->event, (unsigned long long)l->edges,
            (unsigned long long)l->features, (unsigned long long)l->corp_n,
            (unsigned long long)l->corp_bytes, (unsigned long long)l->lim,
            (unsigned long long)rate, (unsigned long long)l->rss_mb);
    if (l->new_len)
        fprintf(out, " L: %llu/%llu", (unsigned long long)l->new_len, (unsigned long long)l->new_len);
    fprintf(out, "\n");
    fflush(out);
    s->last_ns = now_ns;
    s->last_execs = l->execs;
}
