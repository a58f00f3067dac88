/*
 * regress.c - regression mode: without -fuzz the binary replays its seed
 * corpus (testdata/fuzz/<target>/) and any files or directories named on the
 * command line, in-process, once each, and exits 0 if all pass.
 *
 * A failing input kills the process as it would under any test runner; the
 * runtime's crash reporting (target.c) names the input first, so the user
 * knows which file to look at.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "corpus.h"
#include "engine.h"
#include "runtime.h"

/* -rss_limit_mb holds here too: an input whose run took the process past
 * it fails, as it did while fuzzing. */
static void check_rss(const struct options *o, const struct entry *e)
{
    struct rusage ru;
    if (o->rss_limit_mb <= 0 || getrusage(RUSAGE_SELF, &ru) != 0)
        return;
    if ((long long)(ru.ru_maxrss / 1024) > o->rss_limit_mb) {
        fprintf(stderr, "==%d== ERROR: ferret: out-of-memory (used: %ldMb; exceeds: %lldMb) while running %s\n",
                (int)getpid(), ru.ru_maxrss / 1024, o->rss_limit_mb, e->path ? e->path : "(input)");
        fprintf(stderr, "SUMMARY: ferret: out-of-memory\n");
        _exit(1);
    }
}

/* libFuzzer's reproduce mode prints each file it runs, -runs times each. */
static int replay_corpus(const struct options *o, struct corpus *c, size_t *ran)
{
    long long times = o->libfuzzer && o->runs > 0 ? o->runs : 1;
    for (size_t i = 0; i < c->n; i++) {
        struct entry *e = c->v[i];
        target_set_context(e->path);
        if (o->libfuzzer)
            fprintf(stderr, "Running: %s\n", e->path);
        uint64_t t0 = engine_now_ns();
        for (long long k = 0; k < times; k++)
            target_run(e->data, e->len);
        check_rss(o, e);
        if (o->libfuzzer)
            fprintf(stderr, "Executed %s in %llu ms\n", e->path,
                    (unsigned long long)((engine_now_ns() - t0) / 1000000));
        target_set_context(NULL);
        (*ran)++;
    }
    return 0;
}

static int load_path(struct corpus *c, const char *p)
{
    uint8_t *data;
    size_t len;
    if (corpus_load_dir(c, p, 0, 0, NULL) == 0)
        return 0;
    if (errno != ENOTDIR || corpus_read_file(p, &data, &len) != 0) {
        fprintf(stderr, "ferret: cannot read %s: %s\n", p, strerror(errno));
        return -1;
    }
    /* Named files run even when their content repeats another's. */
    struct entry *e = corpus_append(c, data, len, p);
    free(data);
    if (!e)
        return -1;
    return 0;
}

int regress_run(const struct options *o, int argc, char **argv)
{
    struct corpus c = {0};
    char seeds[4096];
    size_t ran = 0;
    const char *target = corpus_target_name(argv[0]);
    snprintf(seeds, sizeof seeds, "testdata/fuzz/%s", target);
    if (!o->libfuzzer && corpus_load_dir(&c, seeds, 0, 0, NULL) != 0 && errno != ENOENT) {
        fprintf(stderr, "ferret: cannot read seed corpus %s: %s\n", seeds, strerror(errno));
        return FERRET_EXIT_INPUT;
    }
    for (int i = 0; i < o->npaths; i++)
        if (load_path(&c, o->paths[i]) != 0) {
            corpus_free(&c);
            return FERRET_EXIT_INPUT;
        }
    target_install_crash_reporting();
    target_set_exit_is_failure(1);
    memory_init((size_t)((o->malloc_limit_mb ? o->malloc_limit_mb : o->rss_limit_mb) << 20), NULL);
    if (o->timeout)
        target_set_timeout(o->timeout);
    target_init(&argc, &argv);
    replay_corpus(o, &c, &ran);
    corpus_free(&c);
    if (o->libfuzzer)
        fprintf(stderr, "***\n*** NOTE: fuzzing was not performed, you have only\n"
                        "***       executed the target code on a fixed set of inputs.\n***\n");
    else
        fprintf(stderr, "ok  %s: %zu input%s passed\n", target, ran, ran == 1 ? "" : "s");
    return FERRET_EXIT_OK;
}
